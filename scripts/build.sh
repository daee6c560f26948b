#!/usr/bin/env bash
# Configures and builds xmcheck (Release) into build/, using all cores.
# Extra arguments go to the CMake configure step, e.g. -DXMCHECK_WERROR=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build build -j "$(nproc)"
