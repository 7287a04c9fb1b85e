python -m venv .venv
.venv/bin/pip install -q cowsay==6.1 six==1.16.0
mkdir env
mv .venv env/
env/.venv/bin/python -m pip freeze > requirements.txt
rm -r env/.venv
python -m venv .venv
.venv/bin/pip install -r requirements.txt
ls -l /home/kai/Projects/example/.venv/bin/python
python -m venv --copies /tmp/copied
ls -l /tmp/copied/bin
mv /tmp/copied /tmp/moved
/tmp/moved/bin/pip --version
