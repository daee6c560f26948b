#!/usr/bin/env bash
# Quick start: install dependencies, build, and check one cross-modifying-code example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
example=examples/cmodx/MP.RF+cachesync+ctrlisb.litmus
echo "== build/frontend/xmcheck $example"
build/frontend/xmcheck "$example"
