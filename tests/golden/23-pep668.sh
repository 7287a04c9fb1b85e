which -a python3
/usr/bin/python3 -m pip install requests
echo $?
/usr/bin/python3 -m pip install --user six
/usr/bin/python3 -m pip uninstall -y pip
echo $?
/usr/bin/python3 -m venv sysvenv
sysvenv/bin/pip install -q six==1.17.0
echo $?
sysvenv/bin/python -c "import six"
echo $?
