python -m venv .venv
rm .venv/pyvenv.cfg
ls .venv
echo 'from sys import *' > p.py
echo 'print(prefix, base_prefix)' >> p.py
echo 'print(path[-1])' >> p.py
.venv/bin/python p.py
.venv/bin/python -m pip --version
echo $?
.venv/bin/pip --version
echo $?
source .venv/bin/activate
python p.py
pip list
deactivate
python -m venv .venv
cat .venv/pyvenv.cfg
.venv/bin/python p.py
