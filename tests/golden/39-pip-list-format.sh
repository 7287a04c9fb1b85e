python -m venv .venv
.venv/bin/pip install -q cowsay==6.1
.venv/bin/pip list
.venv/bin/pip list --format=freeze
.venv/bin/pip freeze
.venv/bin/pip list --format=json --exclude pip
.venv/bin/pip list --format json --exclude pip --exclude cowsay
.venv/bin/pip list --format=columns --exclude=pip
.venv/bin/pip list --format=bogus
echo $?
.venv/bin/pip list --format
echo $?
