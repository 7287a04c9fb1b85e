python3 -m venv .venv > /dev/null || true
ls .venv
ls .venv/bin/activate
source .venv/bin/activate
head -2 .venv/pyvenv.cfg
python3 -m ensurepip
python3 -c "import ensurepip"
.venv/bin/python3 -m ensurepip --upgrade --default-pip
echo $?
.venv/bin/python -m pip --version
.venv/bin/python -c "import sys; print(sys.prefix)"
python3 -m venv .venv > /dev/null
echo $?
