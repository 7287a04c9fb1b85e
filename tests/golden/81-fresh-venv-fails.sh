python3 -m venv .venv
echo $?
ls .venv
ls -l .venv/bin
cat .venv/pyvenv.cfg
source .venv/bin/activate
echo $?
