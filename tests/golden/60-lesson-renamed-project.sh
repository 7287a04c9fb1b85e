python -m venv .venv
.venv/bin/pip install -q cowsay==6.1
cd ..
mv example renamed
cd renamed
.venv/bin/python -m pip freeze > requirements.txt
rm -rf .venv
python -m venv .venv
.venv/bin/pip install -r requirements.txt
echo '{ "python.defaultInterpreterPath": "/home/kai/Projects/renamed/.venv/bin/python" }' > .vscode/settings.json
