echo $PATH
which python
which -a python3
cat ~/.pyenv/shims/python
pyenv which python
mkdir ~/bin
ln -s /usr/bin/python3 ~/bin/python
export PATH=~/bin:$PATH
python -V
