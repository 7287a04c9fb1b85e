python -m venv .venv
.venv/bin/activate
echo $?
ls -l .venv/bin/activate
bash .venv/bin/activate
echo "[$VIRTUAL_ENV]"
chmod +x .venv/bin/activate
.venv/bin/activate
echo "[$VIRTUAL_ENV]"
. .venv/bin/activate
echo $VIRTUAL_ENV
which python
