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
PATH=/usr/bin:/bin /usr/bin/python3 -m pip install --break-system-packages cowsay==6.1
/usr/bin/python3 -m pip uninstall -q -y --break-system-packages cowsay
PATH='~/.local/bin:/usr/bin:/bin' /usr/bin/python3 -m pip install --break-system-packages -q cowsay==6.1
/usr/bin/python3 -m pip uninstall -q -y --break-system-packages cowsay
PATH=/usr/bin:/bin /usr/bin/python3 -m pip install --break-system-packages --no-warn-script-location -q cowsay==6.1
ls ~/.local/bin
