python3 -m venv .venv
mkdir -p proj/src/pkg proj/docs proj/empty
touch proj/src/pkg/__init__.py proj/src/app.py proj/docs/readme.md proj/docs/Notes.MD proj/.env
echo '# proj' > proj/README.md
ln -s src/app.py proj/app-link.py
ln -s docs proj/d
ln -s nowhere proj/broken
find proj | sort
find proj/src/pkg
find .venv -name activate
find .venv -type l | sort
find .venv -maxdepth 1 | sort
find ~ -maxdepth 2 -name pyvenv.cfg
find ~/Projects -maxdepth 3 -name pyvenv.cfg
find ~/Projects -maxdepth 4 -name "python3*" | sort
find proj -name '*.md' | sort
find proj -iname '*.md' | sort
find proj -name 'READ*' -o -name '.*'
find proj -type d | sort
find proj -type f,l | sort
find proj -type l,d -mindepth 1 | sort
find proj -path '*src*' | sort
find proj -wholename 'proj/docs/*' | sort
find proj -maxdepth 1 -type l | sort
find proj -mindepth 2 | sort
find proj -mindepth 1 -maxdepth 1 -type d | sort
find proj -empty | sort
find proj -empty -type d
find proj -not -name '*.py' -type f | sort
find proj ! -type d -a ! -type f | sort
find proj -name '*.py' -o -name '*.md' | sort
find proj \( -name src -o -name docs \) -type d | sort
find proj -name '*.md' -print0 | tr '\0' '\n' | sort
find proj -name app.py -print
find proj/src/app.py proj/src/pkg
find . -maxdepth 0
find proj/ -maxdepth 1 -name docs
find proj/docs/ -name readme.md
find nope
echo $?
find proj nope -name README.md
echo $?
find proj/src/app.py/
echo $?
find proj -name README.md -maxdepth 1
find proj -bogus
echo $?
find proj -name
echo $?
find proj -type x
echo $?
find proj -type f,
echo $?
find proj -maxdepth x
echo $?
find proj -maxdepth -1
echo $?
find proj \( -name x
echo $?
find proj -name x \)
echo $?
find proj -o -name x
echo $?
find proj !
echo $?
find -L proj -name readme.md 2>&1 | sort
find -L proj -type l
find -L proj -type d | sort
find -P proj -type l | sort
find proj -L
echo $?
ln -s .. proj/docs/up
find -L proj -name readme.md 2>&1 | sort
echo $?
find proj -name up
find /root -name x
echo $?
find / -maxdepth 1 -name 'ho*'
cd proj/src
find
find .. -name app.py | sort
cd ../..
find proj -maxdepth 1 -name d -type l -delete
ls proj
find proj -name '*.pyc' -delete
find proj -name src -delete
echo $?
find proj/docs -delete
echo $?
find proj -type d -empty -delete
ls proj
