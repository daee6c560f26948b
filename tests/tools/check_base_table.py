#!/usr/bin/env python3
"""The base-set table of axioms/README.md equals `xmcheck --list-base`.

usage: check_base_table.py XMCHECK README [--write]
Without --write, exits 1 and prints a diff when the table between the
`<!-- base-table` and `<!-- /base-table -->` markers differs; with --write,
replaces it (scripts/update-docs.sh).
"""
import difflib
import subprocess
import sys


def main() -> int:
    xmcheck, readme = sys.argv[1], sys.argv[2]
    write = "--write" in sys.argv[3:]
    table = subprocess.run([xmcheck, "--list-base"], check=True, capture_output=True, text=True).stdout
    text = open(readme, encoding="utf-8").read()
    begin = text.find("<!-- base-table")
    end = text.find("<!-- /base-table -->")
    if begin < 0 or end < begin:
        print(f"{readme}: base-table markers not found", file=sys.stderr)
        return 1
    body_start = text.index("\n", begin) + 1
    current = text[body_start:end]
    if current == table:
        print(f"{readme}: base table matches xmcheck --list-base ({table.count(chr(10)) - 2} entries)")
        return 0
    if write:
        with open(readme, "w", encoding="utf-8") as out:
            out.write(text[:body_start] + table + text[end:])
        print(f"{readme}: base table regenerated")
        return 0
    sys.stdout.writelines(difflib.unified_diff(current.splitlines(True), table.splitlines(True),
                                               "README table", "xmcheck --list-base"))
    print(f"{readme}: base table differs from xmcheck --list-base; run scripts/update-docs.sh",
          file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
