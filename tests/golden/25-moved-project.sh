python -m venv .venv
.venv/bin/pip install -q cowsay==6.1
echo 'import sys; print(sys.prefix)' > p.py
cd ..
mv example renamed
cd renamed
.venv/bin/cowsay -t x
echo $?
.venv/bin/python p.py
.venv/bin/pip --version
head -1 .venv/bin/pip
.venv/bin/python -m pip --version
grep Path .vscode/settings.json
ls -l .venv/bin/python*
source .venv/bin/activate
echo $VIRTUAL_ENV
which python
python p.py
python -c "import cowsay"
deactivate
cd ..
mv renamed example
cd example
.venv/bin/cowsay -t ok
