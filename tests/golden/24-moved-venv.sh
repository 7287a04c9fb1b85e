python -m venv .venv
.venv/bin/pip install -q cowsay==6.1
mv .venv ../moved
cd ..
moved/bin/cowsay -t x
echo $?
moved/bin/python -c "import sys; print(sys.prefix)"
moved/bin/pip --version
echo $?
head -1 moved/bin/pip
moved/bin/python -m pip --version
moved/bin/python -m cowsay -t x
cd example
source ../moved/bin/activate
echo $VIRTUAL_ENV
which python
python -c "import cowsay"
cowsay -t x
pip --version
deactivate
