/usr/bin/python3 -V
/usr/bin/python3 -m pip install numpy
cat /usr/lib/python3.12/EXTERNALLY-MANAGED
python -V
