#!/bin/bash
# Pins Flathub's manifest to a release: build-aux/flathub-pin.sh TAG
# Writes TAG and the commit it points to into the git source of the rempart module of
# flatpak/io.github.rempart.Rempart.json (Flathub builds a tag and checks its commit). Run it
# after tagging a release, then commit the manifest; tests/data/validate.sh flatpak checks
# that a tag present in the repository still points to the pinned commit.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 TAG" >&2
  exit 2
fi
cd "$(dirname "$(readlink -f "$0")")/.."
commit=$(git rev-parse --verify "refs/tags/$1^{commit}") || {
  echo "$0: no tag $1 in this repository: tag the release first" >&2
  exit 1
}
python3 - "$1" "$commit" <<'PY'
import json, sys
path = "flatpak/io.github.rempart.Rempart.json"
tag, commit = sys.argv[1], sys.argv[2]
manifest = json.load(open(path))
module = next(m for m in manifest["modules"] if m.get("name") == "rempart")
source = next(s for s in module["sources"] if s.get("type") == "git")
source["tag"], source["commit"] = tag, commit
with open(path, "w") as f:
    json.dump(manifest, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(f"{path}: {tag} at {commit}")
PY
