python -m venv .venv
source .venv/bin/activate
pip install numpy
ls .venv/lib/python3.12/site-packages
ls .venv/lib/python3.12/site-packages/numpy-*.dist-info
ls .venv/bin
head -1 .venv/bin/f2py
python main.py
deactivate
python main.py
