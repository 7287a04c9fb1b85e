#!/bin/bash
# Recorder used for tests/golden/10-15 (NN-name.sh -> NN-name.out). Run as root on the recording
# machine:  record-as-kai.sh NN-name.sh > NN-name.raw, then normalise NAME.raw with `normalise`
# from /work/shared/golden/compare.py (drop job-control lines and closing prompt, put each typed
# command on its prompt line, mask ls -l size/date/owner, strip trailing blanks) -> NN-name.out.
# Recorded with bash 5.2.15, GNU coreutils 9.1, tree v2.1.0, file-5.44, LANG=C.UTF-8, umask 022.
# record-as-kai.sh SCENARIO.sh [WORLD] > NAME.raw
# Records one golden scenario in REAL bash 5.2 / coreutils 9.1 / tree 2 as the simulated user
# kai (uid 1000, gid 1000, home /home/kai) on host "laptop". Modelled on
# /work/shared/golden/real-world/record.sh (which runs as root): same reset of the project folder
# (as reset-project.sh), same env -i environment, PS1 and bash command line, stderr merged into
# stdout. Differences: the folder is chowned to kai, and the shell runs as kai via runuser inside
# private mount + UTS namespaces (unshare) where
#   - the hostname is "laptop";
#   - /etc/passwd and /etc/group are bind-mounted copies in which uid/gid 1000 is kai (on the
#     recording machine uid 1000 already belonged to another account, which is left untouched).
# Wide lines: stdin is a file, not a terminal, so readline takes its width from COLUMNS (else 80
# for TERM=dumb, where it scrolls and redraws a line reaching column 77: the recording showed it
# twice). COLUMNS=250 gives it room; the first PROMPT_COMMAND un-exports COLUMNS and unsets itself
# before the first prompt, so programs still see no COLUMNS (Python's terminal size stays 80x24)
# and neither variable shows in `env`.
# Needs root, real-world/setup.sh run once, and `chown -R 1000:1000 /home/kai`. kai's .bashrc,
# .profile and .bash_logout are copied from src/world/etc/skel (Ubuntu's), as the world has them.
#
# WORLD (default: default) is the simulated preset the scenario starts in (tests/golden/worlds.txt):
#   default       PATH with pyenv's shims first, PYENV_ROOT set (the post's laptop);
#   fresh-ubuntu  Ubuntu's PATH from /etc/environment and no PYENV_ROOT; inside the namespace,
#                 overlays on /usr and /home/kai take away what a fresh Ubuntu does not have:
#                 ~/.pyenv, and the files of python3.11-venv (ensurepip), python3-pip (pip,
#                 /usr/bin/pip*) and python3-pip-whl (/usr/share/python-wheels), as if those
#                 packages were not installed. Nothing outside the namespace changes.
set -e
scenario=$(realpath "$1")
world=${2:-default}
case "$world" in
  default) world_env=(PYENV_ROOT=/home/kai/.pyenv PATH=/home/kai/.pyenv/shims:/home/kai/.pyenv/bin:/home/kai/.local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin) ;;
  fresh-ubuntu) world_env=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin) ;;
  *) echo "record-as-kai.sh: no world is called '$world'" >&2; exit 2 ;;
esac
work=$(mktemp -d /tmp/rec-kai.XXXXXX)
trap 'rm -rf "$work"' EXIT
# passwd/group seen inside the namespace: uid/gid 1000 is kai
grep -v -E '^[^:]*:[^:]*:1000:' /etc/passwd > "$work/passwd"
echo 'kai:x:1000:1000::/home/kai:/bin/bash' >> "$work/passwd"
grep -v -E '^[^:]*:[^:]*:1000:' /etc/group > "$work/group"
echo 'kai:x:1000:' >> "$work/group"
chmod 644 "$work/passwd" "$work/group"; chmod 755 "$work"

# reset the project folder exactly as reset-project.sh does, then hand it to kai
rm -rf /home/kai/Projects /home/kai/.cache /home/kai/.local /home/kai/bin
# no history from earlier recordings (bash -i writes ~/.bash_history at exit): the world has none
rm -f /home/kai/.bash_history
# kai's start-up files are Ubuntu 24.04's /etc/skel ones, as in the simulated world (bash
# --norc does not read them; a scenario may)
skel="$(cd "$(dirname "$0")/../../src/world/etc/skel" && pwd)"
install -m 644 "$skel/.bashrc" "$skel/.profile" "$skel/.bash_logout" /home/kai/
mkdir -p /home/kai/Projects/example/.vscode
cd /home/kai/Projects/example
cat > main.py <<'PY'
import sys

import numpy

print("numpy", numpy.__version__, "from", numpy.__file__)
PY
cat > .vscode/settings.json <<'JS'
{
    "python.defaultInterpreterPath": "/home/kai/Projects/example/.venv/bin/python"
}
JS
chown -R 1000:1000 /home/kai
chmod 755 /home/kai

# An overlay over DIR in the namespace, whose root keeps DIR's owner and mode: what the
# scenario removes or writes there lands in $work and vanishes with it.
overlay_cmds='
  overlay() {
    mkdir -p "$work/$2/upper" "$work/$2/work"
    chown --reference="$1" "$work/$2/upper"; chmod --reference="$1" "$work/$2/upper"
    mount -t overlay overlay -o "lowerdir=$1,upperdir=$work/$2/upper,workdir=$work/$2/work" "$1"
  }'
fresh_ubuntu='
  overlay /usr usr && overlay /home/kai home || exit 98
  rm -rf /home/kai/.pyenv /usr/lib/python3.11/ensurepip /usr/share/python-wheels \
    /usr/bin/pip /usr/bin/pip3 /usr/bin/pip3.11 /usr/lib/python3/dist-packages/pip /usr/lib/python3/dist-packages/pip-*-info'
case "$world" in fresh-ubuntu) take_away="$overlay_cmds$fresh_ubuntu" ;; *) take_away= ;; esac

unshare --mount --uts sh -c '
  work=$1 scenario=$2
  mount --bind "$1/passwd" /etc/passwd && mount --bind "$1/group" /etc/group && hostname laptop || exit 99
  eval "$3"
  cd /home/kai/Projects/example
  shift 3
  exec runuser -u kai -- env -i HOME=/home/kai USER=kai LOGNAME=kai TERM=dumb LANG=C.UTF-8 "$@" \
    PIP_CERT=/etc/ssl/certs/ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
    COLUMNS=250 PROMPT_COMMAND="export -n COLUMNS; unset PROMPT_COMMAND" \
    PS1="kai@laptop:\\w\$ " bash --norc --noprofile -i < "$scenario" 2>&1
' sh "$work" "$scenario" "$take_away" "${world_env[@]}" 2>&1
