wc -c ~/.bashrc ~/.profile ~/.bash_logout
groups
shopt histappend checkwinsize expand_aliases
shopt -s histappend; shopt -p histappend
shopt -q globstar; echo $?
shopt -s nope; echo $?
shopt -o posix
dircolors -b
TERM=xterm-256color dircolors -b | head -c 120; echo
TERM=xterm-256color dircolors -b | wc -c
ls --color=always
mkdir d; touch exe; chmod +x exe; ln -s d link; ln -s nowhere broken
TERM=xterm ls --color=always
TERM=xterm ls -l --color=always link broken
eval "$(TERM=xterm-256color dircolors -b)"
ls --color=always
ls -F --color=always
ls -l --color=always link broken
ls -d --color=always /tmp /usr
grep --color=always numpy main.py
grep -n --color=always -e import -e sys main.py .vscode/settings.json
grep -c --color=always numpy main.py .vscode/settings.json
. ~/.bashrc
echo "[$LS_COLORS] $HISTCONTROL"
alias
type ls ll
ls
ll -d d
echo one
echo one
 echo two
history | tail -3
