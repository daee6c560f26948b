#!/usr/bin/env bash
# Regenerates the parts of the documentation that xmcheck prints itself:
# the base-set table of axioms/README.md (between the base-table markers),
# from `xmcheck --list-base`. ctest docs.base-table fails until this is run
# after a catalogue change (a new architecture's event_sets.def, say).
#   usage: scripts/update-docs.sh [path/to/xmcheck]
set -euo pipefail
cd "$(dirname "$0")/.."
xmcheck=${1:-build/frontend/xmcheck}
python3 tests/tools/check_base_table.py "$xmcheck" axioms/README.md --write
