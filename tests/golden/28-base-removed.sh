V=~/.pyenv/versions/tmp312
cp -a ~/.pyenv/versions/3.12.7 $V
ls ~/.pyenv/versions
$V/bin/python3 -m venv .venv
ls -l .venv/bin/python*
grep home .venv/pyvenv.cfg
.venv/bin/python -V
rm -rf $V
.venv/bin/python -V
echo $?
ls -l .venv/bin/python*
readlink -f .venv/bin/python
echo $?
file .venv/bin/python3
.venv/bin/pip --version
source .venv/bin/activate
python -V
echo $?
which python
deactivate
rm -rf .venv
ls ~/.pyenv/versions
