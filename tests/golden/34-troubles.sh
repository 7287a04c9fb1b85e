python -m venv --without-pip .venv
source .venv/bin/activate
ls .venv/bin
which -a pip
pip --version
python -m pip --version
deactivate
pip install --user cowsay==6.1
ls ~/.local/bin
which cowsay
cowsay -t user
python -m site --user-site
pip list --user
pip uninstall -y cowsay
type pip
hash
