cp -a ~/.pyenv/versions/3.12.7 ~/.pyenv/versions/tmp312
~/.pyenv/versions/tmp312/bin/python3 -m venv .venv
.venv/bin/pip install -q cowsay==6.1
echo cowsay==6.1 > requirements.txt
rm -rf ~/.pyenv/versions/tmp312
python -m venv --clear .venv
.venv/bin/pip install -r requirements.txt
