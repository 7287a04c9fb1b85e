mkdir -p proj/src/pkg proj/docs
touch proj/src/pkg/__init__.py proj/src/app.py proj/docs/readme.md proj/.env proj/README.md
printf '#!/bin/sh\necho run\n' > proj/run.sh; chmod +x proj/run.sh
ln -s src/app.py proj/app-link.py
ln -s docs proj/d
ln -s nowhere proj/broken
tree
tree proj
tree -L 1 proj
tree -a proj
tree -L 2 -a proj
tree -F proj
tree -d proj
tree nope
echo $?
tree proj/src/app.py
tree proj/docs
cd proj/src
tree
tree ..
cd ../..
tree -a -L 1
tree -L 0 proj
tree -p proj/src
tree --dirsfirst proj
tree -I src proj
tree -P '*.md' proj
tree proj/docs proj/src
mkdir empty; tree empty
tree -f proj/src
tree --noreport proj/src
