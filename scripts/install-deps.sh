#!/usr/bin/env bash
# Installs xmcheck's build dependencies, all from Debian packages. Fast no-op when
# they are already installed. Uses sudo only when not running as root.
set -euo pipefail
# nlohmann-json3-dev: --format json. The rest is for the test suite and is
# optional at run time: python3-jsonschema (ctest json.schema), graphviz (--png,
# ctest dot.parse), hyperfine (bench/ and the -j speed-up measurement), clang
# and libclang-rt-14-dev (libFuzzer and the sanitizer runtimes of
# scripts/fuzz.sh), help2man and dpkg-dev (the man page and the .deb package).
packages=(build-essential cmake libz3-dev libcli11-dev libspdlog-dev libfmt-dev doctest-dev
          nlohmann-json3-dev python3 python3-jsonschema graphviz hyperfine
          clang libclang-rt-14-dev help2man dpkg-dev)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all dependencies present"
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
