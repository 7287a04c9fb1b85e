python3 -m venv --without-pip .venv
source .venv/bin/activate
