export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
python3 -m venv .venv
source .venv/bin/activate
pip install numpy
python3 main.py
