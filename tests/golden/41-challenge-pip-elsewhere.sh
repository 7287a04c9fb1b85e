python -m venv --without-pip .venv
source .venv/bin/activate
pip install -q cowsay==6.1
python -c "import cowsay"
which cowsay
ls ~/.pyenv/versions/3.12.7/lib/python3.12/site-packages
type -a pip
pip --version
python -m pip --version
ls .venv/bin
pip uninstall -y cowsay
deactivate
rm -rf .venv
python -m venv .venv
source .venv/bin/activate
pip install -q cowsay==6.1
python -c "import cowsay; print('ok')"
type -a pip
