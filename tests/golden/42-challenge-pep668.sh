export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
python3 -m venv .venv
which pip
pip install cowsay==6.1
echo $?
pip install --user cowsay==6.1
source .venv/bin/activate
which pip
pip install -q cowsay==6.1
python3 -m cowsay -t ok
deactivate
python3 -m cowsay -t no
