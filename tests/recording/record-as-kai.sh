#!/bin/bash
# Recorder used for tests/golden/10-15 (NN-name.sh -> NN-name.out). Run as root on the recording
# machine:  record-as-kai.sh NN-name.sh > NN-name.raw, then normalise NAME.raw with `normalise`
# from /work/shared/golden/compare.py (drop job-control lines and closing prompt, put each typed
# command on its prompt line, mask ls -l size/date/owner, strip trailing blanks) -> NN-name.out.
# Recorded with bash 5.2.15, GNU coreutils 9.1, tree v2.1.0, file-5.44, LANG=C.UTF-8, umask 022.
# record-as-kai.sh SCENARIO.sh > NAME.raw
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
set -e
scenario=$(realpath "$1")
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

unshare --mount --uts sh -c '
  mount --bind "$1/passwd" /etc/passwd && mount --bind "$1/group" /etc/group && hostname laptop || exit 99
  cd /home/kai/Projects/example
  exec runuser -u kai -- env -i HOME=/home/kai USER=kai LOGNAME=kai TERM=dumb LANG=C.UTF-8 PYENV_ROOT=/home/kai/.pyenv \
    PIP_CERT=/etc/ssl/certs/ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/home/kai/.pyenv/shims:/home/kai/.pyenv/bin:/home/kai/.local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    COLUMNS=250 PROMPT_COMMAND="export -n COLUMNS; unset PROMPT_COMMAND" \
    PS1="kai@laptop:\\w\$ " bash --norc --noprofile -i < "$2" 2>&1
' sh "$work" "$scenario" 2>&1
