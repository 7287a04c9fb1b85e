python -m venv .venv
.venv/bin/pip install -q cowsay==6.1 six==1.16.0
mkdir env
mv .venv env/
source env/.venv/bin/activate
echo $VIRTUAL_ENV
which python
env/.venv/bin/cowsay -t moo
head -1 env/.venv/bin/cowsay
env/.venv/bin/python -c "import sys; print(sys.prefix)"
cat .vscode/settings.json
ls -l /home/kai/Projects/example/.venv/bin/python
