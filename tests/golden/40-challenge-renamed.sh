python -m venv .venv
.venv/bin/pip install -q cowsay==6.1
cd ..
mv example renamed
cd renamed
.venv/bin/cowsay -t hi
echo $?
head -1 .venv/bin/cowsay
.venv/bin/python -m pip freeze > req.txt
cat req.txt
rm -rf .venv
python -m venv .venv
.venv/bin/pip install -q -r req.txt
.venv/bin/cowsay -t fixed
grep Path .vscode/settings.json
sed -i 's/example/renamed/' .vscode/settings.json
grep Path .vscode/settings.json
ls -l .venv/bin/python
