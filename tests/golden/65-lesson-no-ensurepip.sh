python3 -m venv .venv > /dev/null || true
.venv/bin/python3 -m ensurepip --upgrade --default-pip
