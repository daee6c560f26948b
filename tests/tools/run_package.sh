#!/usr/bin/env bash
# The Debian package: builds it with CPack from this build tree, checks its
# control data (name, dependencies on the Z3/fmt/spdlog runtime libraries) and
# contents (binary, models, lowerings, prelude, man page, docs), unpacks it into
# a scratch root with `dpkg -x` and checks an example with the unpacked binary,
# which must find its models relative to itself (<root>/usr/share/xmcheck).
#   usage: run_package.sh BUILD_DIR SOURCE_DIR   (exit 77: dpkg-deb/cpack missing)
set -uo pipefail
build=$1 src=$2
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || { echo "skip: $tool not found"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1 \
  || { cat "$tmp/cpack.log"; fail "cpack -G DEB"; }
deb=$(find "$tmp/out" -maxdepth 1 -name 'xmcheck_*.deb' | head -n1)
[[ -n $deb ]] || fail "no xmcheck_*.deb produced"
echo "built $(basename "$deb")"

fields=$(dpkg-deb -f "$deb" Package Depends)
echo "$fields"
grep -q '^Package: xmcheck$' <<<"$fields" || fail "package name"
for lib in libz3 libfmt libspdlog libstdc++; do
  grep -q "$lib" <<<"$fields" || fail "Depends lacks $lib"
done

contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/xmcheck ./usr/share/xmcheck/arm64/aarch64.cat ./usr/share/xmcheck/x86/x86.cat \
         ./usr/share/xmcheck/x86/x86.lower ./usr/share/xmcheck/arm64/arm64.lower \
         ./usr/share/xmcheck/prelude/linux.c ./usr/share/man/man1/xmcheck.1.gz \
         ./usr/share/doc/xmcheck/cli.md ./usr/share/doc/xmcheck/README.md; do
  grep -q " $f\$" <<<"$contents" || fail "package lacks $f"
done

root=$tmp/root
dpkg -x "$deb" "$root"
man_text=$(gzip -dc "$root/usr/share/man/man1/xmcheck.1.gz")
grep -q 'timeout' <<<"$man_text" || fail "man page lacks the options"
# The installed binary, run from outside the source tree, on a shipped example
# (a C test, so the lowering files and the prelude are exercised too).
for example in mp.litmus kernel/membarrier-mp.litmus; do
  (cd "$tmp" && "$root/usr/bin/xmcheck" "$root/usr/share/doc/xmcheck/examples/$example") \
    >"$tmp/got" 2>"$tmp/err" || { cat "$tmp/err"; fail "installed xmcheck on $example"; }
  diff -u "$src/examples/$example.expected" "$tmp/got" || fail "output of $example differs"
  echo "ok: installed xmcheck on examples/$example"
done
