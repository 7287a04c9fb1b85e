python -m venv --without-pip .venv
ls .venv/bin
.venv/bin/pip --version
.venv/bin/python -m pip --version
.venv/bin/python -m ensurepip
echo $?
ls .venv/bin
head -1 .venv/bin/pip3
.venv/bin/pip3 --version
python -m venv --without-pip v2
v2/bin/python -m ensurepip --default-pip
ls v2/bin
v2/bin/python -m ensurepip --upgrade -q
echo $?
v2/bin/python -m ensurepip --version
python -m json
echo $?
.venv/bin/python -m json.tool2
python -m nosuchmodule
python -m venv.py .venv
python -m nosuch.py
/usr/bin/python3 -m ensurepip
echo $?
