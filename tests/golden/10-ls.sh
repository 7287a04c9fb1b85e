mkdir sort
touch sort/B sort/a sort/_x sort/.hidden sort/10 sort/9 sort/Zeta sort/file.txt sort/file-2.txt
cd sort
ls
ls -a
ls -A
ls -1
ls -F ..
cd ..
ls -l
ls -la
ls -d .vscode
ls -ld .vscode
printf 'line %04d of a file of a few kilobytes\n' $(seq 120) | head -c 4100 > big.txt
touch -d '2024-01-15 10:30' big.txt
ls -lh big.txt
ls -l big.txt main.py
ls main.py
ls nope
echo $?
ls main.py nope
echo $?
ls .vscode sort
ls main.py .vscode
ln -s .vscode vs
ls vs
ls vs/
ls -l vs
ls -l vs/
ls -ld vs/
ln -s missing.txt dangling
ls -l dangling
ls dangling
cat dangling
printf '#!/bin/sh\necho run\n' > run.sh
chmod +x run.sh
ls -F
ls -l run.sh
ls -R
ls -y
echo $?
ls --bogus
echo $?
ls -l /bin
