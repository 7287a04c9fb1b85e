echo $PATH | tr : '\n'
mkdir -p first second
printf '#!/bin/sh\necho 1st\n' > first/greet
printf '#!/bin/sh\necho 2nd\n' > second/greet
chmod +x first/greet second/greet
greet
PATH="$PWD/second:$PWD/first:$PATH"
greet
which -a greet
type -a greet
hash
PATH="$PWD/first:$PATH"
greet
type greet
chmod -x first/greet
hash -r
greet
which greet
type greet
./first/greet
first/greet
chmod +x first/greet
export PATH="$PWD/first:/usr/bin"
greet
mv first/greet first/greet.old
greet
hash -r
greet
command -v greet
PATH= greet
echo $?
PATH=/nonexistent
ls
/usr/bin/ls -d first
export PATH=/usr/bin:/bin
cd first
PATH=. greet.old
PATH=: greet.old
PATH=/usr/bin
greet.old
type -t greet.old
env | grep ^PATH=
