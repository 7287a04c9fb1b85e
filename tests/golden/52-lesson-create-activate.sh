python -m venv .venv
source .venv/bin/activate
echo $PATH
which python
deactivate
.venv/bin/python -c "import sys; print(sys.prefix)"
