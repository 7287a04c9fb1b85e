python -m venv .venv
tree -L 2 .venv
ls -l .venv/bin
readlink -f .venv/bin/python3
ls .venv/lib/python3.12/site-packages
head -1 .venv/bin/pip
