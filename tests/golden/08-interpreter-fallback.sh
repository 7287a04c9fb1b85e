mkdir -p ~/oldpy/bin
cp /usr/bin/python3 ~/oldpy/bin/python3
~/oldpy/bin/python3 -c 'import sys; print(sys.prefix)'
~/oldpy/bin/python3 -m venv --without-pip .venv
grep home .venv/pyvenv.cfg
ls -l .venv/bin/python3
rm -rf ~/oldpy
.venv/bin/python -V
ln -sf /usr/bin/python3 .venv/bin/python3
.venv/bin/python -c 'import sys; print(sys.prefix); print(sys.base_prefix)'
rm -rf .venv
python -m venv --without-pip .venv
.venv/bin/python -c 'import sys; print(sys._base_executable)'
.venv/bin/python -m venv --without-pip inner
ls -l inner/bin/python*
grep executable inner/pyvenv.cfg
