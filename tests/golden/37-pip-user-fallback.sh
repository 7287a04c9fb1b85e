/usr/bin/python3 -m pip install --break-system-packages cowsay==6.1
echo $?
ls ~/.local/bin
head -1 ~/.local/bin/cowsay
cowsay -t hi
/usr/bin/python3 -m pip list --user
/usr/bin/python3 -m pip uninstall -y --break-system-packages cowsay
ls ~/.local/bin
python -m venv .venv
.venv/bin/pip install --user cowsay==6.1
echo $?
