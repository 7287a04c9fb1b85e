mkdir work
mkdir work
mkdir a/b
mkdir -p a/b
rmdir a
rmdir main.py
rmdir nope
touch work/one.txt work/two.txt
rm work; echo $?
rm nope; echo $?
rm -f nope; echo $?
mv nope dest
mv work work/inner
mv work/one.txt work/uno.txt; mv work/uno.txt a; ls a work
cp a copy; echo $?
cp -r a copy; ls copy
ln -s b a/link-to-b; cp -a a a2; ls -l a2
cp main.py main.py
ln -s main.py m
ln -s main.py m
ln -sf .vscode m
ln -s a dirlink; ln -sf work dirlink; ls a
ln -sfn work dirlink; ls -l m dirlink
readlink m
readlink -f m
readlink main.py; echo $?
realpath a/link-to-b
realpath nope
realpath nope/x
printf 'echo hi from script\n' > script.sh
./script.sh; echo $?
chmod +x script.sh; ./script.sh
chmod u-w script.sh; ls -l script.sh
echo more >> script.sh
chmod 9x script.sh
rm -r a a2 copy; ls
cat .vscode
cat nope
basename /a/b/file.tar.gz .gz
basename dir/sub/
dirname /a/b/
dirname file
