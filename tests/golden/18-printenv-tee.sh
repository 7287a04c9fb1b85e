printenv HOME
printenv PATH USER
printenv NOPE; echo $?
printenv USER NOPE HOME; echo $?
printenv -0 HOME USER | tr '\0' '\n'
printenv -x; echo $?
python -m venv .venv
.venv/bin/pip freeze | tee req.txt
.venv/bin/pip list --format=freeze | tee req.txt
echo more | tee -a req.txt
cat req.txt
echo hi | tee a b > /dev/null; cat a b
tee /x < /dev/null; echo $?
echo x | tee c >&-; echo $?; cat c
tee -z
printf '\x41\n'
printf '\xc3\xa9|%5s|%.1s|\n' é é
printf '\xc3\xa9' | wc -c
echo -e '\xc3\xa9'
