python main.py
python -m venv .venv
tree -L 2 .venv
source .venv/bin/activate
which python
pip install numpy==2.1.2
python main.py
ls .venv/bin
head -1 .venv/bin/f2py
deactivate
python main.py
.venv/bin/python main.py
cat .venv/pyvenv.cfg
readlink -f .venv/bin/python
mv .venv ../moved
.venv/bin/python main.py
../moved/bin/python main.py
../moved/bin/f2py -v
cat .vscode/settings.json
ls -l .venv
python -m venv .venv
.venv/bin/pip freeze
