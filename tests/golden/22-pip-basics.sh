python -m venv .venv
source .venv/bin/activate
pip --version
pip list
pip install cowsay==6.1
pip install cowsay==6.1
cowsay -t hi
which cowsay
head -1 .venv/bin/cowsay
pip show cowsay
pip freeze > requirements.txt
cat requirements.txt
pip uninstall -y cowsay
cowsay -t hi
hash -r
cowsay -t hi
pip install -r requirements.txt
pip install nosuchpackage-venvlab
echo $?
pip install -r missing.txt
pip uninstall -y nosuchpackage-venvlab
pip install -U six
python -m pip list
