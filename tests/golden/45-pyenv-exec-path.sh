PATH=~/.pyenv/shims:/usr/bin:/bin pip install -q cowsay==6.1
echo $?
ls ~/.pyenv/shims | grep cow
PATH=~/.pyenv/shims:/usr/bin:/bin cowsay -t shim
PATH=~/.pyenv/shims:/usr/bin:/bin python -c 'import os; print(os.environ["PATH"].split(":")[:2])'
pyenv exec python -c 'import os; print(os.environ["PATH"].split(":")[:2])'
PYENV_VERSION=system pyenv exec python3 -c 'import os; print(os.environ["PATH"].split(":")[:1])'
pyenv exec python -c 'import os; print(os.environ["PYENV_VERSION"], os.environ["PYENV_DIR"], os.environ["_PYENV_INSTALL_PREFIX"])'
PATH=~/.pyenv/shims:/usr/bin:/bin pip uninstall -q -y cowsay
echo $?
ls ~/.pyenv/shims | grep cow
