python -m venv .venv
.venv/bin/pip install -q cowsay==6.1
cd ..
mv example renamed
cd renamed
python -m venv .venv
echo $?
head -1 .venv/bin/pip .venv/bin/pip3 .venv/bin/pip3.12 .venv/bin/cowsay
grep command .venv/pyvenv.cfg
.venv/bin/cowsay -t hi
python -m venv --upgrade .venv
head -1 .venv/bin/pip
python -m venv --upgrade --clear .venv
echo $?
cd ..
mv renamed example
cd example
python -m venv --copies --without-pip c
python -m venv --without-pip c
ls -l c/bin/python
V=~/.pyenv/versions/tmp312
cp -a ~/.pyenv/versions/3.12.7 $V
rm -rf .venv
$V/bin/python3 -m venv .venv
rm -rf $V
python -m venv .venv
echo $?
ls -l .venv/bin/python*
grep home .venv/pyvenv.cfg
python -m venv --upgrade .venv
echo $?
python -m venv --without-pip .venv
echo $?
ls -l .venv/bin/python3
python -m venv --copies .venv
echo $?
rm -rf .venv
ls ~/.pyenv/versions
