#!/usr/bin/python3
# Checks the layer rule of HACKING.md on the sources, independently of the build: every
# "rempart-*.h" that a file under src/core/FOLDER includes lives in FOLDER or in a folder that
# FOLDER builds on (its meson.build's rempart_*_dep, transitively); a "-private.h" header is
# included only from its own folder (and tests); and the folders' dependencies have no cycle.
# Prints TAP.
import os
import re
import sys

src = sys.argv[1]
core = os.path.join(src, "src", "core")
folders = sorted(d for d in os.listdir(core) if os.path.isfile(os.path.join(core, d, "meson.build")))

direct = {}
for folder in folders:
    text = open(os.path.join(core, folder, "meson.build")).read()
    lib = re.search(r"static_library\((.*?)\n\)", text, re.S)
    deps = re.search(r"dependencies:\s*\[(.*?)\]", lib.group(1) if lib else "", re.S)
    direct[folder] = set(re.findall(r"rempart_(\w+)_dep", deps.group(1) if deps else ""))

results = []


def check(ok, what, detail=""):
    results.append(("ok" if ok else "not ok", what, detail))


def closure(folder, seen=()):
    if folder in seen:
        return None  # a cycle
    out = set()
    for dep in direct.get(folder, ()):
        sub = closure(dep, seen + (folder,))
        if sub is None:
            return None
        out |= {dep} | sub
    return out


header_home = {}
for folder in folders:
    for name in os.listdir(os.path.join(core, folder)):
        if name.endswith(".h"):
            header_home[name] = folder

for folder in folders:
    unknown = direct[folder] - set(folders)
    check(not unknown, f"src/core/{folder} builds on known folders", " ".join(sorted(unknown)))
    allowed = closure(folder)
    check(allowed is not None, f"src/core/{folder} is in no dependency cycle")
    if allowed is None:
        continue
    bad = []
    for name in sorted(os.listdir(os.path.join(core, folder))):
        if not name.endswith((".c", ".h")):
            continue
        for header in re.findall(r'#include "(rempart-[\w-]+\.h)"', open(os.path.join(core, folder, name)).read()):
            home = header_home.get(header)
            if home is None:
                bad.append(f"{name} includes {header}, which is in no core folder")
            elif home != folder and home not in allowed:
                bad.append(f"{name} includes {header} from {home}, which {folder} does not build on")
            elif home != folder and header.endswith("-private.h"):
                bad.append(f"{name} includes {header}, private to {home}")
    check(not bad, f"src/core/{folder} includes only its own headers and those below it", "\n".join(bad))

# Private headers of core stay in core (tests may use them).
bad = []
for root, _, names in os.walk(os.path.join(src, "src")):
    if root.startswith(core):
        continue
    for name in names:
        if name.endswith((".c", ".h")):
            for header in re.findall(r'#include "(rempart-[\w-]+-private\.h)"', open(os.path.join(root, name)).read()):
                if header in header_home:
                    bad.append(f"{os.path.relpath(os.path.join(root, name), src)} includes {header}")
check(not bad, "src/ui and src/cli include no private header of src/core", "\n".join(bad))

print(f"1..{len(results)}")
failed = 0
for n, (status, what, detail) in enumerate(results, 1):
    print(f"{status} {n} - {what}")
    for line in detail.splitlines():
        print(f"# {line}")
    failed += status != "ok"
sys.exit(1 if failed else 0)
