echo 'single $HOME' "double $HOME" back\ slash
echo "a\"b" 'it'\''s' "tab\tstays" \$HOME
echo "${NOPE:-default}" "[$NOPE]"
echo "${NEW:=assigned}" "$NEW"
echo "${NEW:+alt}" "[${NOPE:+alt}]"
P=/home/kai/archive.tar.gz
echo ${#P} ${P#*/} ${P##*/}
echo ${P%.*} ${P%%.*} ${P/a/A} ${P//a/A}
set -- a b c
echo $# "$@" $1
shift; echo $# $@
echo "now: $(pwd)" `echo old`
echo $((1+2)) $((7/2)) $((7%3)) $((2**10))
touch a.txt b.txt c.md ab.txt
echo *.txt
echo ?.txt
echo [ab]*
echo *.nomatch
echo ~ ~/x "~"
f() { local v=inner; echo "in f: $v $1"; return 3; }
v=outer; f arg; echo "status $? v=$v"
x=5; if [ $x -gt 10 ]; then echo big; elif [ $x -gt 3 ]; then echo medium; else echo small; fi
case main.py in *.txt) echo text;; *.py) echo python;; *) echo other;; esac
for w in one two three; do echo "word $w"; done
for f in *.txt; do echo "file: $f"; done
i=0; while [ $i -lt 3 ]; do echo "i=$i"; i=$((i+1)); done
[ -f main.py ] && echo file
[ -d main.py ] || echo "not a dir"
test -z "" && echo empty
[ 1 -lt 2 ]; echo $?; [ a = b ]; echo $?
! true; echo $?
false || echo fallback && echo chained
{ echo grouped; echo twice; } > group.txt; cat group.txt
( cd /; pwd ); pwd
ls nope 2>/dev/null; echo $?
ls main.py nope > out.txt 2>&1; cat out.txt
ls main.py nope &> both.txt; cat both.txt
printf 'first second third\n' > in.txt
read a b < in.txt; echo "a=$a b=$b"
echo x | read y; echo "[$y]"
printf '%s %d %5s| %-5s| %%\n' str 42 ab cd
printf '%s\n' one two three
echo -n "no newline"; echo " then newline"
echo -e "col1\tcol2\nline2"
echo "a\\b" 'a\\b' a\\b
