python -m venv --copies .venv
ls -l .venv/bin
cmp .venv/bin/python .venv/bin/python3.12
echo 'import sys; print(sys.prefix)' > p.py
.venv/bin/python p.py
mv .venv ../moved
cd ..
moved/bin/python example/p.py
moved/bin/python -m pip --version
moved/bin/pip --version
head -1 moved/bin/pip
source moved/bin/activate
echo $VIRTUAL_ENV
which python
python example/p.py
deactivate
cd example
