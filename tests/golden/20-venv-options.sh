python -m venv --without-pip nopip
ls nopip/bin
ls nopip/lib/python3.12/site-packages
python -m venv --prompt demo pv
cat pv/pyvenv.cfg
source pv/bin/activate
echo "[$VIRTUAL_ENV_PROMPT]"
deactivate
python -m venv --prompt . dot
grep prompt dot/pyvenv.cfg
python -m venv --system-site-packages ssp
cat ssp/pyvenv.cfg
python -m venv --copies copies
ls -l copies/bin
python -m venv --symlinks sl
ls -l sl/bin/python*
touch sl/junk
python -m venv --clear sl
ls sl
python -m venv --upgrade sl
echo $?
python -m venv
python -m venv --help | head -5
touch f
python -m venv f
echo $?
python3 -m venv p3
ls -l p3/bin/python*
python -m venv .venv
cat .venv/pyvenv.cfg
