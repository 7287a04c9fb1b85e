python -m venv .venv
source .venv/bin/activate
python -m pip install -q pip==24.2
pip --version
pip install numpy==9
echo $?
echo 'numpy=>1' > bad.txt
pip install -r bad.txt
pip install 'numpy=>1'
pip install six==1.16.0 six==1.17.0
echo $?
pip install --no-deps idna==3.10
pip list
