pyenv versions
pyenv version
pyenv version-name
pyenv which python
pyenv which pip
pyenv global
pyenv prefix
pyenv local
pyenv local 3.12.7
cat .python-version
pyenv version
pyenv versions
pyenv local 3.99
echo $?
PYENV_VERSION=3.99 python -V
PYENV_VERSION=system pyenv version
PYENV_VERSION=system pyenv which python3
pyenv rehash
ls ~/.pyenv/shims | head
head -3 ~/.pyenv/shims/python
pyenv whence pip
pyenv exec python -V
python -c "import sys; print(sys.executable)"
rm .python-version
pyenv version
