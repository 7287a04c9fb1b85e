hash
fi
;;
echo >
)
if true; then fi
nosuchcmd; echo $?
emacs notes.txt
cd nowhere
cd main.py
cd a b
./missing.sh; echo $?
printf '#!/no/such/python\necho hi\n' > s.sh; chmod +x s.sh; ./s.sh
echo $?
printf 'echo no shebang here\n' > plain.sh; chmod +x plain.sh; ./plain.sh
./.vscode; echo $?
greet() { echo hello; }
alias ll='ls -l'
type cd if greet ll ls nosuch
command -v cd if greet ll ls
ll main.py
hash
type ls
hash -r; hash
unalias ll
ll
unset -f greet; greet
help cd | head -3
echo ${UNSET?oops}
echo $?
echo ${UNSET:?}
export A=1; env | grep '^A='
which -a ls
which nosuch; echo $?
uname; uname -s; uname -m
whoami
id
hostname
mkdir -p real/inside; ln -s real link
cd link
pwd -L
pwd -P
cd ..
cd -
cd -
