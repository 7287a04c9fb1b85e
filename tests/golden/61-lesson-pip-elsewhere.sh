python -m venv --without-pip .venv
source .venv/bin/activate
pip install -q cowsay==6.1
pip uninstall -y cowsay
deactivate
rm -rf .venv
python -m venv .venv
source .venv/bin/activate
pip install cowsay==6.1
