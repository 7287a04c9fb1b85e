sed 's/example/renamed/' .vscode/settings.json
sed -n '3p' main.py
sed -n '/import/p' main.py
sed '/^$/d' main.py
sed -e 's/import/from/' -e '1s/$/ import argv/' main.py
sed -E 's/(numpy)\.(__[a-z]+__)/\2 of \1/g' main.py
sed -n '/numpy/=' main.py
seq 5 | sed -n '2,4p'
seq 3 | sed '$d'
seq 6 | sed -n '0~2p'
printf 'a=1\nb=2\n' | sed 's/\(.*\)=\(.*\)/\2=\1/'
echo hello | sed 'y/elo/ELO/;s/L/l/2'
printf 'one\ntwo\n' | sed '1i # header' | sed '$a # end'
chmod 600 main.py
sed -i 's/numpy/math/g' main.py
cat main.py
ls -l main.py
sed -i.bak '1,2d' main.py
ls
head -2 main.py.bak
sed 's/a/b' main.py
sed 's/a/b/x' main.py
sed 'k' main.py
sed -n '1,' main.py
sed -x
sed p nofile
echo $?
sed -n '$p' main.py nofile
echo $?
