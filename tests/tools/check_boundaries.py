#!/usr/bin/env python3
"""Module boundaries and architecture plug-ins, checked on the sources.

1. Includes: each module names only what it may depend on (checker/README.md,
   frontend/README.md): diag nothing; litmus diag; axioms diag (never litmus);
   checker litmus, axioms, diag; Z3 only in checker/src/candidate_search.cpp;
   nothing includes another module's src/ internals.
2. Shared code names no architecture: outside the plug-in folders
   (litmus/src/arch/<id>/, litmus/include/xmcheck/litmus/arch/,
   checker/src/semantics/<id>/, axioms/<id>/), code and strings (comments
   excepted) spell no registered architecture's name (either spelling).

usage: check_boundaries.py REPO_ROOT      (exit 1 with one line per violation)
"""
import pathlib
import re
import sys

# The only files that see Z3: the skeleton search and its solver encoding
# (an internal header that candidate_search.cpp alone includes).
Z3_USERS = {"checker/src/candidate_search.cpp", "checker/src/skeleton_encoder.hpp"}

ALLOWED = {
    "diag": {"xmcheck/diag/"},
    "litmus": {"xmcheck/diag/", "xmcheck/litmus/", "xmcheck/arch_list.inc"},
    "axioms": {"xmcheck/diag/", "xmcheck/axioms/", "xmcheck/arch_event_sets.inc"},
    "checker": {"xmcheck/diag/", "xmcheck/litmus/", "xmcheck/axioms/", "xmcheck/checker/",
                "xmcheck/arch_list.inc"},
    "frontend": {"xmcheck/diag/", "xmcheck/litmus/", "xmcheck/axioms/", "xmcheck/checker/",
                 "xmcheck/frontend/"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]')


def registered(root: pathlib.Path) -> list[str]:
    text = (root / "cmake/Architectures.cmake").read_text()
    m = re.search(r"set\(XMCHECK_ARCHITECTURES\s+([^)]*)\)", text)
    return m.group(1).split() if m else []


def herd_names(root: pathlib.Path, ids: list[str]) -> list[str]:
    names = []
    for arch in ids:
        syntax = root / f"litmus/src/arch/{arch}/syntax.cpp"
        m = re.search(r'return \{"[^"]+", "([^"]+)"\}', syntax.read_text()) if syntax.exists() else None
        if m:
            names.append(m.group(1))
    return names


def strip_comments(text: str) -> str:
    """Removes // and /* */ comments, keeping strings and line numbers."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * text.count("\n", i, j))
            i = j
        elif c == "'" and i + 2 < n and text[i + 2] == "'":
            out.append(text[i:i + 3])
            i += 3
        else:
            out.append(c)
            i += 1
    return "".join(out)


def in_plugin(rel: str, ids: list[str]) -> bool:
    return (rel.startswith("litmus/include/xmcheck/litmus/arch/")
            or any(rel.startswith(p) for a in ids
                   for p in (f"litmus/src/arch/{a}/", f"checker/src/semantics/{a}/", f"axioms/{a}/")))


def main() -> int:
    root = pathlib.Path(sys.argv[1]).resolve()
    ids = registered(root)
    names = ids + herd_names(root, ids)
    # Lower-case ids are also ordinary words only as identifiers: match them in
    # strings and as whole identifiers.
    arch_word = re.compile(r"(?<![A-Za-z0-9_])(" + "|".join(map(re.escape, names)) + r")(?![A-Za-z0-9_])")
    problems = []
    for module in ALLOWED:
        for path in sorted((root / module).rglob("*")):
            if path.suffix not in {".cpp", ".hpp", ".h", ".inc"} or not path.is_file():
                continue
            rel = path.relative_to(root).as_posix()
            text = path.read_text(encoding="utf-8", errors="replace")
            for no, line in enumerate(text.splitlines(), 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                kind, target = m.groups()
                if kind == "<":
                    if target.startswith("z3") and rel not in Z3_USERS:
                        problems.append(f"{rel}:{no}: Z3 is included only by checker/src/candidate_search.cpp "
                                        "and its encoder, checker/src/skeleton_encoder.hpp")
                    continue
                if target == "skeleton_encoder.hpp" and rel not in Z3_USERS:
                    problems.append(f"{rel}:{no}: skeleton_encoder.hpp (Z3) is included only by "
                                    "checker/src/candidate_search.cpp")
                if "/" not in target or target.startswith(("../", "./")) or not target.startswith(("xmcheck/", "frontend/")):
                    continue  # the module's own private headers
                if not any(target.startswith(p) or target == p for p in ALLOWED[module]):
                    problems.append(f"{rel}:{no}: {module} may not include \"{target}\"")
            if in_plugin(rel, ids) or module == "frontend" and path.name == "version.hpp.in":
                continue
            code = strip_comments(text)
            for no, line in enumerate(code.splitlines(), 1):
                m = arch_word.search(line)
                if m:
                    problems.append(f"{rel}:{no}: shared code names the architecture '{m.group(1)}'"
                                    " (move it into the plug-in)")
    for p in problems:
        print(p)
    print(f"boundaries: {len(ids)} architectures ({', '.join(ids)}), {len(problems)} violations")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
