printf 'apple\nbanana\ncherry\ndate\nelderberry\nfig\n' > fruit.txt
head -n 3 fruit.txt
head -3 fruit.txt
tail -n 2 fruit.txt
tail -n +2 fruit.txt
head -n 2 fruit.txt main.py
wc fruit.txt
wc -l fruit.txt
wc -w main.py
wc -c main.py
wc fruit.txt main.py
wc -l < fruit.txt
printf '10\n9\n100\nb\na\nB\n9\n_x\n' > mixed.txt
sort mixed.txt
sort -r mixed.txt
sort -n mixed.txt
sort -u mixed.txt
grep an fruit.txt
grep -n e fruit.txt
grep -i APPLE fruit.txt
grep -r defaultInterpreter .
grep -v e fruit.txt
grep -c e fruit.txt
grep import main.py fruit.txt
printf 'abcz\nabc\naz\nbz\n' > re.txt
grep '^a.*z$' re.txt
grep kiwi fruit.txt
echo $?
grep kiwi nope
echo $?
touch empty.txt
file fruit.txt
file empty.txt
file .vscode
ln -s fruit.txt link.txt
file link.txt
printf '#!/bin/sh\necho hi\n' > s.sh
file s.sh
file main.py
file .vscode/settings.json
file nope
ls | sort -r
cat fruit.txt | wc -l
echo hi | cat -
sort fruit.txt | head -2
