#!/bin/bash
# record-golden.sh NAME: records tests/golden/NAME.sh in real bash as kai on host laptop, in the
# real counterpart of the world tests/golden/worlds.txt gives it (record-as-kai.sh; needs root
# and /work/shared/golden/real-world/setup.sh run once) and writes
# the normalised screen to tests/golden/NAME.out. Typed lines may run to about 250 columns with
# the prompt (record-as-kai.sh gives readline COLUMNS=250; past the width, readline with TERM=dumb
# redraws the line and the recording shows it twice).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
golden="$here/../golden"
raw=$(mktemp); trap 'rm -f "$raw"' EXIT
world=$(sed -n "s/^$1: *//p" "$golden/worlds.txt")  # the scenario's world, if not the default
bash "$here/record-as-kai.sh" "$golden/$1.sh" "${world:-default}" > "$raw" 2>&1 || true  # the status is the last command's
python3 - "$here" "$golden/$1.sh" "$raw" "$golden/$1.out" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import compare
commands = [l for l in open(sys.argv[2]).read().splitlines() if l.strip()]
lines = compare.normalise(open(sys.argv[3], encoding="utf-8", errors="replace").read(), commands)
while lines and lines[-1] == "":
    lines.pop()
open(sys.argv[4], "w").write("\n".join(lines) + "\n")
PY
echo "wrote $golden/$1.out"
