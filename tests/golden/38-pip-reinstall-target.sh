python -m venv .venv
.venv/bin/pip install -q cowsay==6.1
.venv/bin/pip install cowsay==6.1
.venv/bin/pip install --force-reinstall cowsay==6.1
echo $?
.venv/bin/pip install --target lib cowsay==6.1
ls lib lib/bin
head -1 lib/bin/cowsay
PYTHONPATH=lib .venv/bin/python -m cowsay -t hi
.venv/bin/pip install --target lib cowsay==6.1
echo $?
.venv/bin/pip install --target=lib --upgrade cowsay==6.1
.venv/bin/pip list
.venv/bin/pip install -t lib --user cowsay==6.1
.venv/bin/pip install --target
echo $?
