python -m venv .venv
type -a python python3
python3 -m venv --without-pip .venv
source .venv/bin/activate
type -a python
python -c "import sys; print(sys.prefix, sys.base_prefix)"
python -m pip --version
pip --version
deactivate
python -V
echo $?
