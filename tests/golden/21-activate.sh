hash
python -m venv .venv
python -m venv other
hash
source .venv/bin/activate
hash
echo $VIRTUAL_ENV $VIRTUAL_ENV_PROMPT
echo $PATH | tr : '\n' | head -3
type deactivate | head -3
which python pip
python -V
hash
deactivate
echo $PATH | tr : '\n' | head -2
hash
source .venv/bin/activate
source .venv/bin/activate
echo $PATH | tr : '\n' | head -3
source other/bin/activate
echo $VIRTUAL_ENV
echo $PATH | tr : '\n' | head -3
deactivate
deactivate
echo $?
.venv/bin/activate
echo $?
bash .venv/bin/activate
echo $?
. .venv/bin/activate
env | grep VIRTUAL
deactivate
