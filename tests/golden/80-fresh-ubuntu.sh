echo $PATH
type -a python python3 pip
python -m venv .venv
echo $?
pip install numpy
python3 -m pip --version
ls -a ~
ls ~/.pyenv
python3 -c "import sys; print(sys.prefix, sys.base_prefix)"
