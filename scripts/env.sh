# shellcheck shell=bash
# Sourced by the other scripts: puts the tools that scripts/setup installs first on PATH.
VENVLAB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PATH="$VENVLAB_ROOT/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export PATH
