which pip
pip --version
pip list
pip install cowsay==6.1
ls ~/.pyenv/shims | grep cow
cowsay -t hi
which cowsay
pip show cowsay | grep Location
pip uninstall -y cowsay
python3 -m pip --version
pyenv which cowsay
