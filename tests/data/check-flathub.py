#!/usr/bin/python3
# What Flathub asks of the manifest and the metainfo, beyond appstreamcli and flatpak-builder
# (tests/data/validate.sh runs it, one "ok"/"not ok" line a check, as TAP without a plan):
#
#   check-flathub.py manifest SOURCE_ROOT
#   check-flathub.py metainfo SOURCE_ROOT BUILT_METAINFO
#
# manifest: Flathub's manifest builds a git source pinned to a tag and its commit (never a
# local folder or a branch), the local one differs from it only in that source and its build
# type, both use the same GNOME runtime and the same minimal finish-args; with the repository
# at hand, the pinned commit exists and a tag of that name points to it.
# metainfo: <developer id> with a <name>, summaries of at most 35 characters in every
# language, release notes for every release and one for meson's version, screenshots with
# captions whose images are pinned to a commit (or tag), exist there and are about 1000x700,
# branding colours for light and dark that contrast with the icon, an OARS rating.

import json
import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

APP_ID = "io.github.rempart.Rempart"
RUNTIME = "51"
FINISH_ARGS = {"--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11",
               "--device=dri"}
SCREENSHOT_URL = re.compile(r"^https://raw\.githubusercontent\.com/rempart/rempart/"
                            r"(?P<ref>[0-9a-f]{40}|v[0-9][0-9.]*)/(?P<path>data/screenshots/[^/]+\.png)$")
MIN_CONTRAST = 3.0
n = 0
failed = 0


def check(ok, what, detail=None):
    global n, failed
    n += 1
    print(f"{'ok' if ok else 'not ok'} {n} - {what}")
    if not ok:
        failed += 1
        if detail:
            print("\n".join(f"# {line}" for line in str(detail).splitlines()))


def git(src, *args):
    """None without the repository's whole history (a tarball, a shallow clone): the checks
    that need an old commit are then left out, and say so."""
    if not os.path.exists(os.path.join(src, ".git")):
        return None
    shallow = subprocess.run(["git", "-C", src, "rev-parse", "--is-shallow-repository"],
                             capture_output=True, text=True)
    if shallow.returncode != 0 or shallow.stdout.strip() != "false":
        print("# no whole git history here: commits and tags not checked")
        return None
    result = subprocess.run(["git", "-C", src, *args], capture_output=True)
    return result


def rempart_module(manifest):
    return next((m for m in manifest.get("modules", []) if isinstance(m, dict)
                 and m.get("name") == "rempart"), None)


def check_manifests(src):
    flathub = json.load(open(os.path.join(src, "flatpak", f"{APP_ID}.json")))
    local = json.load(open(os.path.join(src, "flatpak", f"{APP_ID}.local.json")))

    for name, manifest in (("Flathub", flathub), ("local", local)):
        check(manifest.get("id") == APP_ID, f"{name} manifest: id {APP_ID}")
        check(manifest.get("runtime") == "org.gnome.Platform"
              and manifest.get("sdk") == "org.gnome.Sdk"
              and manifest.get("runtime-version") == RUNTIME,
              f"{name} manifest: GNOME runtime {RUNTIME}",
              f"runtime {manifest.get('runtime')} {manifest.get('runtime-version')}")
        extra = set(manifest.get("finish-args", [])) - FINISH_ARGS
        check(not extra, f"{name} manifest: only the minimal finish-args", f"extra: {extra}")

    module = rempart_module(flathub)
    sources = module.get("sources", []) if module else []
    git_sources = [s for s in sources if s.get("type") == "git"]
    check(len(sources) == 1 and len(git_sources) == 1,
          "Flathub manifest: rempart builds from one git source", sources)
    dirs = [s for m in flathub.get("modules", []) for s in m.get("sources", [])
            if s.get("type") == "dir"]
    check(not dirs, "Flathub manifest: no local folder as a source", dirs)
    for m in flathub.get("modules", []):
        for s in m.get("sources", []):
            if s.get("type") in ("archive", "file"):
                check(bool(re.fullmatch(r"[0-9a-f]{64}", s.get("sha256", ""))),
                      f"Flathub manifest: {m.get('name')}'s {s.get('type')} has a sha256")
    if not git_sources:
        return
    source = git_sources[0]
    check(source.get("url", "").startswith("https://"), "git source: an https URL",
          source.get("url"))
    check(bool(source.get("tag")) and "branch" not in source,
          "git source: pinned to a tag, not a branch", source)
    commit = source.get("commit", "")
    check(bool(re.fullmatch(r"[0-9a-f]{40}", commit)), "git source: the tag's full commit id",
          commit)

    exists = git(src, "cat-file", "-e", f"{commit}^{{commit}}")
    if exists is not None:
        check(exists.returncode == 0, "git source: the pinned commit is in the history", commit)
        tag = git(src, "rev-parse", "--verify", "-q", f"refs/tags/{source.get('tag')}^{{commit}}")
        if tag.returncode == 0:
            check(tag.stdout.decode().strip() == commit,
                  f"git source: tag {source.get('tag')} points to the pinned commit "
                  "(build-aux/flathub-pin.sh)", tag.stdout.decode().strip())

    # The local manifest is the same but for the rempart module's source and build type.
    same = json.loads(json.dumps(local))
    same_module = rempart_module(same)
    if same_module is not None and module is not None:
        same_module["sources"] = module["sources"]
        same_module["config-opts"] = module.get("config-opts")
    check(same == flathub, "local manifest: the same as Flathub's but for its source")
    local_sources = rempart_module(local).get("sources", []) if rempart_module(local) else []
    check(local_sources == [{"type": "dir", "path": ".."}],
          "local manifest: builds this working tree", local_sources)


def luminance(colour):
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def icon_colour(src):
    """The icon's silhouette: the fill of its first path (the wall, drawn over the base)."""
    svg = ET.parse(os.path.join(src, "data", "icons", "hicolor", "scalable", "apps",
                                f"{APP_ID}.svg"))
    for element in svg.iter():
        if element.tag.endswith("path") and re.fullmatch(r"#[0-9a-fA-F]{6}",
                                                         element.get("fill", "")):
            return element.get("fill").lower()
    return None


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", data[16:24])


def check_metainfo(src, built):
    XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
    root = ET.parse(built).getroot()

    developer = root.find("developer")
    check(developer is not None and bool(developer.get("id"))
          and bool((developer.findtext("name") or "").strip()),
          "metainfo: <developer id> with a <name>")

    for summary in root.findall("summary"):
        lang = summary.get(XML_LANG, "C")
        text = (summary.text or "").strip()
        check(0 < len(text) <= 35, f"metainfo: summary ({lang}) has at most 35 characters",
              f"{len(text)}: {text}")

    releases = root.findall("releases/release")
    check(bool(releases), "metainfo: releases are listed")
    for release in releases:
        version = release.get("version")
        check(release.find("description") is not None and bool(release.get("date")),
              f"metainfo: release {version} has a date and notes")
    meson = open(os.path.join(src, "meson.build")).read()
    version = re.search(r"version:\s*'([^']+)'", meson).group(1)
    check(any(r.get("version") == version for r in releases),
          f"metainfo: meson's version {version} has its release notes")

    screenshots = root.findall("screenshots/screenshot")
    check(bool(screenshots), "metainfo: screenshots")
    for shot in screenshots:
        image = (shot.findtext("image") or "").strip()
        check(bool((shot.findtext("caption") or "").strip()), f"screenshot {image}: a caption")
        match = SCREENSHOT_URL.match(image)
        check(match is not None, f"screenshot {image}: pinned to a commit or tag of the repository")
        if match is None:
            continue
        blob = git(src, "show", f"{match['ref']}:{match['path']}")
        if blob is None:
            continue
        check(blob.returncode == 0, f"screenshot {image}: exists at {match['ref'][:12]}",
              blob.stderr.decode())
        if blob.returncode != 0:
            continue
        size = png_size(blob.stdout)
        check(size is not None and 900 <= size[0] <= 1200 and 620 <= size[1] <= 900,
              f"screenshot {match['path']}: about 1000x700", size)

    colours = {c.get("scheme_preference"): (c.text or "").strip().lower()
               for c in root.findall("branding/color") if c.get("type") == "primary"}
    icon = icon_colour(src)
    for scheme in ("light", "dark"):
        colour = colours.get(scheme, "")
        ok = bool(re.fullmatch(r"#[0-9a-f]{6}", colour)) and icon is not None
        ratio = contrast(colour, icon) if ok else 0
        check(ok and ratio >= MIN_CONTRAST,
              f"metainfo: {scheme} branding colour contrasts with the icon ({icon})",
              f"{colour or 'missing'}: {ratio:.2f}:1, at least {MIN_CONTRAST}:1 needed")
    if "light" in colours and "dark" in colours:
        check(luminance(colours["light"]) > luminance(colours["dark"]),
              "metainfo: the light branding colour is the lighter one")

    rating = root.find("content_rating")
    check(rating is not None and rating.get("type") == "oars-1.1"
          and rating.find("content_attribute[@id='language-discrimination']") is not None,
          "metainfo: an OARS 1.1 rating that names the feeds' quoted hate speech")


def main():
    what, src = sys.argv[1], sys.argv[2]
    if what == "manifest":
        check_manifests(src)
    elif what == "metainfo":
        check_metainfo(src, sys.argv[3])
    else:
        print(f"Bail out! unknown check {what}")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
