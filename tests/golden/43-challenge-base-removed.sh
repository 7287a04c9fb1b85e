V=~/.pyenv/versions/tmp312
cp -a ~/.pyenv/versions/3.12.7 $V
$V/bin/python3 -m venv .venv
.venv/bin/pip install -q cowsay==6.1
echo cowsay==6.1 > requirements.txt
rm -rf $V
.venv/bin/cowsay -t hi
.venv/bin/python -V
ls -l .venv/bin/python
ls -l .venv/bin/python3
cat .venv/pyvenv.cfg
ls .venv/lib/python3.12/site-packages
python -m venv --clear .venv
.venv/bin/pip install -q -r requirements.txt
.venv/bin/cowsay -t fixed
ls -l .venv/bin/python
cat .venv/pyvenv.cfg
ls ~/.pyenv/versions
