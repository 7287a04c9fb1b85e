python -m venv .venv
cat .venv/pyvenv.cfg
.venv/bin/python -c "import sys; print(sys.prefix, sys.base_prefix)"
python -c "import sys; print(sys.prefix, sys.base_prefix)"
.venv/bin/python -c "import sys; print(sys.path)"
mv .venv/pyvenv.cfg /tmp/
.venv/bin/python -c "import sys; print(sys.prefix, sys.base_prefix)"
mv /tmp/pyvenv.cfg .venv/
