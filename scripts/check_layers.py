#!/usr/bin/env python3
"""Checks every #include under src/ against the layer table of docs/architecture.md.

The table "Layers and what each may link" names, per library, its folder under src/ and what its
files may include: other src/ folders (`model/`), outside libraries by the name they have in the
table "Headers of outside libraries" (GDAL, SQLite, ...), or `*` for everything. A file under
src/<folder>/ may always include its own folder and the C++ standard library (a header name
without a dot). Any other include is an error, printed as `file:line: ...`; the exit status is
then 1. A folder under src/ that the table does not name is an error too.

    scripts/check_layers.py              # the repository this script lives in
    scripts/check_layers.py --root DIR   # another tree (DIR/docs/architecture.md, DIR/src)
    scripts/check_layers.py --self-test  # a deliberate violation must fail (ctest)

Python 3 standard library only.
"""

import argparse
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tempfile

LAYER_HEADING = "## Layers and what each may link"
HEADERS_HEADING = "### Headers of outside libraries"
SOURCE_SUFFIXES = (".h", ".hpp", ".cc", ".cpp", ".inc")
INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
CODE_RE = re.compile(r"`([^`]+)`")


class DocError(Exception):
    pass


def read_table(lines, heading, doc):
    """The first Markdown table after `heading`: a list of {column: cell} and its line numbers."""
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == heading)
    except StopIteration:
        raise DocError(f"{doc}: no heading '{heading}'")
    rows = []
    header = None
    for i in range(start + 1, len(lines)):
        line = lines[i].strip()
        if not line.startswith("|"):
            if header is not None:
                break
            if line.startswith("#"):
                break
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if header is None:
            header = [c.lower() for c in cells]
        elif set(line) <= set("|-: "):
            continue
        else:
            rows.append((i + 1, dict(zip(header, cells))))
    if header is None:
        raise DocError(f"{doc}: no table after '{heading}'")
    return header, rows


def load_rules(doc):
    """({folder: allowed}, {library: header patterns}); allowed is None (everything) or (set of
    folders, header patterns)."""
    with open(doc, encoding="utf-8") as f:
        lines = f.read().splitlines()
    header, rows = read_table(lines, HEADERS_HEADING, doc)
    for column in ("name", "headers"):
        if column not in header:
            raise DocError(f"{doc}: the table '{HEADERS_HEADING}' has no column '{column}'")
    libraries = {}
    for line, row in rows:
        patterns = [p.strip("<>\"") for p in CODE_RE.findall(row["headers"])]
        if not patterns:
            raise DocError(f"{doc}:{line}: no `<header>` patterns for {row['name']}")
        libraries[row["name"].strip("`")] = patterns

    header, rows = read_table(lines, LAYER_HEADING, doc)
    for column in ("folder", "may include"):
        if column not in header:
            raise DocError(f"{doc}: the table '{LAYER_HEADING}' has no column '{column}'")
    rules = {}
    for line, row in rows:
        folders = CODE_RE.findall(row["folder"])
        if not folders:
            continue  # not a folder of src/ (web/)
        allowed_folders = set()
        patterns = []
        everything = False
        for item in (i.strip() for i in row["may include"].split(",")):
            if not item or item.startswith("("):
                continue  # "(nothing)", "(not C++)"
            name = item.strip("`")
            if name == "*":
                everything = True
            elif name.endswith("/"):
                allowed_folders.add(name.rstrip("/"))
            elif name.lower() in (known := {k.lower(): k for k in libraries}):
                patterns += libraries[known[name.lower()]]
            else:
                raise DocError(f"{doc}:{line}: '{name}' is neither a folder (`x/`), `*` nor a "
                               f"library of the table '{HEADERS_HEADING}'")
        for folder in folders:
            folder = folder.rstrip("/")
            rules[folder] = None if everything else (allowed_folders | {folder}, patterns)
    return rules, libraries


def check(root, doc):
    """The problems found under root/src, as 'file:line: message' strings."""
    rules, libraries = load_rules(doc)
    src = os.path.join(root, "src")
    problems = []
    for folder in sorted(os.listdir(src)):
        path = os.path.join(src, folder)
        if not os.path.isdir(path):
            continue
        if folder not in rules:
            problems.append(f"{os.path.relpath(path, root)}/: folder missing from the table "
                            f"'{LAYER_HEADING}' of {os.path.relpath(doc, root)}")
            continue
        rule = rules[folder]
        if rule is None:
            continue
        allowed_folders, patterns = rule
        for dirpath, _, files in os.walk(path):
            for name in sorted(files):
                if not name.endswith(SOURCE_SUFFIXES):
                    continue
                file = os.path.join(dirpath, name)
                rel = os.path.relpath(file, root)
                with open(file, encoding="utf-8", errors="replace") as f:
                    for number, text in enumerate(f, 1):
                        m = INCLUDE_RE.match(text)
                        if not m:
                            continue
                        problem = judge(m.group(1), m.group(2), rules, libraries,
                                        allowed_folders, patterns)
                        if problem:
                            problems.append(f"{rel}:{number}: {folder}/ {problem}")
    return problems


def judge(bracket, header, rules, libraries, allowed_folders, patterns):
    """None when `header` may be included, else why not."""
    shown = f"<{header}>" if bracket == "<" else f'"{header}"'
    first = header.split("/", 1)[0]
    if bracket == '"' and "/" in header and first in rules:
        if first in allowed_folders:
            return None
        return f"may not include {shown} (folder {first}/ is not in its 'may include')"
    if bracket == "<" and "." not in header and "/" not in header:
        return None  # the C++ standard library
    if any(fnmatch.fnmatchcase(header, p) for p in patterns):
        return None
    for library, library_patterns in libraries.items():
        if any(fnmatch.fnmatchcase(header, p) for p in library_patterns):
            return f"may not include {shown} ({library} is not in its 'may include')"
    return (f"may not include {shown} (a header of no library in the table "
            f"'{HEADERS_HEADING}': add its row, then allow it where it belongs)")


def self_test(doc):
    """A tree with the real table and one deliberate violation must fail naming it; the same
    tree without it must pass."""
    with tempfile.TemporaryDirectory(prefix="check_layers_") as tmp:
        os.makedirs(os.path.join(tmp, "docs"))
        shutil.copy(doc, os.path.join(tmp, "docs", "architecture.md"))
        tmp_doc = os.path.join(tmp, "docs", "architecture.md")
        rules, _ = load_rules(doc)
        for folder in rules:
            os.makedirs(os.path.join(tmp, "src", folder))

        def write(rel, text):
            with open(os.path.join(tmp, rel), "w", encoding="utf-8") as f:
                f.write(text)

        write("src/access/ok.cc", '#include "access/solver.h"\n#include "model/region.h"\n'
              "#include <vector>\n")
        write("src/server/ok.cc", "#include <microhttpd.h>\n#include \"yaml-cpp/yaml.h\"\n"
              '#include "store/workspace.h"\n')
        write("src/report/ok.cc", "#include <gdal.h>\n#include <xlsxwriter.h>\n"
              '#include "access/solver.h"\n#include <nlohmann/json.hpp>\n')
        clean = check(tmp, tmp_doc)
        if clean:
            print("self-test: a clean tree was refused:", *clean, sep="\n  ")
            return 1
        cases = [
            ("src/access/bad.cc", '#include <cmath>\n\n#include "store/workspace.h"\n', 3),
            ("src/access/bad.cc", "// friction\n#include <gdal.h>\n", 2),
            ("src/needs/bad.h", "#pragma once\n#  include <sqlite3.h>\n", 2),
            ("src/plan/bad.cc", "#include <httplib.h>\n", 1),
            ("src/app/bad.cc", "#include <microhttpd.h>\n", 1),
            ("src/access/bad.cc", "#include <nlohmann/json.hpp>\n", 1),
            ("src/model/bad.h", '#include "app/access_model.h"\n', 1),
            ("src/grid/bad.h", "#include <vector>\n#include <some_new_lib.h>\n", 2),
        ]
        for rel, text, line in cases:
            write(rel, text)
            found = check(tmp, tmp_doc)
            os.remove(os.path.join(tmp, rel))
            if not any(p.startswith(f"{rel}:{line}: ") for p in found) or len(found) != 1:
                print(f"self-test: {rel}:{line} should be the one problem; found:", *found,
                      sep="\n  ")
                return 1
        os.makedirs(os.path.join(tmp, "src", "undocumented"))
        if not any(p.startswith("src/undocumented/: ") for p in check(tmp, tmp_doc)):
            print("self-test: a folder missing from the table was not named")
            return 1
        # The command line itself exits 1 on a violation and prints file:line.
        write("src/access/bad.cc", '#include "store/workspace.h"\n')
        run = subprocess.run([sys.executable, __file__, "--root", tmp], capture_output=True,
                             text=True)
        if run.returncode != 1 or "src/access/bad.cc:1: " not in run.stdout:
            print("self-test: the command did not fail with file:line:", run.stdout, run.stderr)
            return 1
    print(f"layers self-test: ok ({len(cases)} violations refused)")
    return 0


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", default=here, help="tree with docs/ and src/")
    parser.add_argument("--doc", help="the architecture document (ROOT/docs/architecture.md)")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    doc = args.doc or os.path.join(args.root, "docs", "architecture.md")
    try:
        if args.self_test:
            return self_test(doc)
        problems = check(args.root, doc)
    except DocError as e:
        print(e)
        return 2
    for p in problems:
        print(p)
    if problems:
        print(f"layers: {len(problems)} include(s) against the table in "
              f"{os.path.relpath(doc, args.root)}")
        return 1
    print("layers: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
