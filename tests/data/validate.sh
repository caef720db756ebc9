#!/bin/bash
# Runs one of the project's data validators and reports it as TAP.
#   validate.sh CHECK SOURCE_ROOT BUILD_ROOT
# Each check prints "ok N - what" or "not ok N - what" per file it validates, with the
# validator's own output as TAP comments, so a failure says what and where.
set -u
check=$1 src=$2 build=$3
app_id=io.github.rempart.Rempart
n=0 failed=0
results=()

# run DESCRIPTION COMMAND...: one TAP line for one command.
run () {
  local what=$1 out rc
  shift
  out=$("$@" 2>&1)
  rc=$?
  n=$((n + 1))
  if [[ $rc -eq 0 ]]; then
    results+=("ok $n - $what")
  else
    failed=$((failed + 1))
    results+=("not ok $n - $what (exit $rc)")
  fi
  [[ -n $out ]] && results+=("$(sed 's/^/# /' <<<"$out")")
  return 0
}

# run_tap COMMAND...: a checker that prints its own "ok"/"not ok" lines (and "# " details),
# renumbered into this script's plan.
run_tap () {
  local line rc
  local out
  out=$("$@" 2>&1)
  rc=$?
  while IFS= read -r line; do
    if [[ $line =~ ^(ok|not\ ok)\ [0-9]+\ -\ (.*)$ ]]; then
      n=$((n + 1))
      [[ ${BASH_REMATCH[1]} == "not ok" ]] && failed=$((failed + 1))
      results+=("${BASH_REMATCH[1]} $n - ${BASH_REMATCH[2]}")
    elif [[ -n $line ]]; then
      results+=("# $line")
    fi
  done <<<"$out"
  # A checker that died without saying why fails too.
  if [[ $rc -ne 0 && $failed -eq 0 ]]; then
    n=$((n + 1)); failed=$((failed + 1))
    results+=("not ok $n - $1 ended with exit $rc")
  fi
  return 0
}

# fail_unless DESCRIPTION MESSAGE CONDITION-COMMAND...
need () {
  command -v "$1" >/dev/null 2>&1 || { echo "1..0 # SKIP $1 is not installed"; exit 0; }
}

untranslated () {
  # Merge the catalogue with a template made now from the sources and count what is not translated.
  local po=$1 pot=$2 merged stats
  merged=$(mktemp)
  msgmerge --quiet --no-fuzzy-matching -o "$merged" "$po" "$pot" || return 1
  stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$merged" 2>&1)
  echo "$stats"
  # List what is missing, so the failure says which strings.
  msgattrib --untranslated --no-obsolete "$merged" | grep -A1 '^msgid' | grep -v '^--' | head -40
  msgattrib --only-fuzzy --no-obsolete "$merged" | grep -A1 '^msgid' | grep -v '^--' | head -40
  rm -f "$merged"
  ! grep -Eq 'untranslated|fuzzy' <<<"$stats"
}

case $check in
desktop)
  need desktop-file-validate
  run "desktop file" desktop-file-validate "$build/data/$app_id.desktop"
  ;;
metainfo)
  need appstreamcli
  run "metainfo" appstreamcli validate --no-net --pedantic "$build/data/$app_id.metainfo.xml"
  # What Flathub asks beyond the validator: developer, summary length, release notes,
  # pinned screenshots of the right size, branding colours against the icon, OARS.
  run_tap /usr/bin/python3 "$src/tests/data/check-flathub.py" metainfo "$src" \
    "$build/data/$app_id.metainfo.xml"
  ;;
gschema)
  run "gschema" glib-compile-schemas --strict --dry-run "$src/data"
  ;;
po)
  need msgfmt
  for po in "$src"/po/*.po "$src"/help/*/*.po; do
    run "msgfmt --check ${po#"$src"/}" msgfmt --check --check-format -o /dev/null "$po"
  done
  ;;
po-complete)
  need xgettext
  pot=$(mktemp --suffix=.pot)
  (cd "$src" && xgettext --package-name=rempart --from-code=UTF-8 --add-comments \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 \
    --keyword=ngettext:1,2 --keyword=g_dpgettext2:2c,3 --flag=N_:1:pass-c-format \
    --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
    --flag=g_strdup_printf:1:c-format --flag=g_set_error:4:c-format \
    -f po/POTFILES.in -o "$pot")
  for lang in $(grep -v '^#' "$src/po/LINGUAS"); do
    run "po/$lang.po translates every string" untranslated "$src/po/$lang.po" "$pot"
  done
  rm -f "$pot"
  ;;
potfiles)
  # Every source file with a translatable string is listed in POTFILES.in.
  missing=$(cd "$src" && grep -rlE '(\b_|N_|C_|NC_|ngettext) \(|translatable="yes"' src data \
              --include='*.c' --include='*.ui' --include='*.in' --include='*.xml' \
            | grep -v gresource | sort | comm -23 - <(grep -v '^#' po/POTFILES.in | sort))
  run "POTFILES.in lists every file with translatable strings" test -z "$missing"
  [[ -n $missing ]] && results+=("# missing: $missing")
  ;;
update-po)
  # meson compile rempart-update-po, on a copy of the tree, keeps every catalogue's header
  # as it was (issue 17) and leaves valid catalogues.
  need msgmerge
  copy=$(mktemp -d)
  (cd "$src" && { git ls-files -z --cached --others --exclude-standard 2>/dev/null \
                  || find . -path ./_build\* -prune -o -type f -print0; } \
     | xargs -0 -I{} sh -c '[ -f "{}" ] && printf "%s\0" "{}"' \
     | tar --null -T - -cf -) | tar -C "$copy" -xf -
  if meson setup "$copy/_build" "$copy" > "$copy/setup.log" 2>&1 \
     && meson compile -C "$copy/_build" rempart-update-po > "$copy/update.log" 2>&1; then
    run "meson compile rempart-update-po runs on a copy of the tree" true
  else
    run "meson compile rempart-update-po runs on a copy of the tree" false
    results+=("$(tail -20 "$copy/setup.log" "$copy/update.log" 2>/dev/null | sed 's/^/# /')")
  fi
  for po in "$src"/po/*.po; do
    name=${po#"$src"/}
    run "$name: header unchanged by rempart-update-po" \
      cmp <(awk 'NF == 0 { exit } { print }' "$po") \
          <(awk 'NF == 0 { exit } { print }' "$copy/$name")
    run "$name: valid after rempart-update-po" msgfmt --check -o /dev/null "$copy/$name"
  done
  rm -rf "$copy"
  ;;
help)
  need yelp-check
  run "help/C pages are valid Mallard" yelp-check validate "$src"/help/C/*.page
  # Every xref between the pages leads to a page (and section) that exists.
  run "help/C links lead to existing pages" yelp-check links "$src"/help/C
  ;;
help-complete)
  need itstool
  pot=$(mktemp --suffix=.pot)
  (cd "$src/help/C" && itstool -o "$pot" *.page)
  for lang in $(grep -v '^#' "$src/help/LINGUAS"); do
    run "help/$lang/$lang.po translates every string" untranslated "$src/help/$lang/$lang.po" "$pot"
  done
  rm -f "$pot"
  ;;
flatpak)
  need flatpak-builder
  run "flatpak manifest" env G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$src/flatpak/$app_id.json"
  run "local flatpak manifest" env G_DEBUG=fatal-warnings flatpak-builder --show-manifest \
    "$src/flatpak/$app_id.local.json"
  # Offline lint: a git source pinned to a tag and its commit, runtime, finish-args.
  run_tap /usr/bin/python3 "$src/tests/data/check-flathub.py" manifest "$src"
  ;;
format)
  need clang-format
  files=$(cd "$src" && git ls-files '*.c' '*.h' 2>/dev/null || find src tests -name '*.[ch]')
  for f in $files; do
    run "clang-format $f" clang-format --dry-run --Werror "$src/$f"
  done
  ;;
layers)
  # src/core is the engine: it never includes GTK or libadwaita (GUIDE.md §3).
  bad=$(grep -rlE '#include <(gtk|gdk|adwaita|gsk)' "$src/src/core" "$src/src/cli" 2>/dev/null)
  run "src/core and src/cli include no GTK header" test -z "$bad"
  [[ -n $bad ]] && results+=("# offending: $bad")
  # The layer rule of HACKING.md, on the sources: includes only go down the core folders.
  out=$(/usr/bin/python3 "$src/tests/data/check-layers.py" "$src" 2>&1)
  rc=$?
  n=$((n + 1))
  if [[ $rc -eq 0 ]]; then results+=("ok $n - core folders include only the folders they build on")
  else failed=$((failed + 1)); results+=("not ok $n - core folders include only the folders they build on"); fi
  results+=("$(sed 's/^/# /' <<<"$out")")
  # Every error domain declared under src/ has its registered name checked by a unit test.
  domains=$(grep -rhoE 'rempart_[a-z_]+_error_quark \(void\);' "$src/src" | sed 's/ (void);//' | sort -u)
  test_file=$(find "$src/tests/unit" -name test-error-domains.c | head -n 1)
  for d in $domains; do
    run "$d is checked by test-error-domains.c" grep -q "$d }" "$test_file"
  done
  # clang-format spaces out G_DEFINE_QUARK's name ("rempart - feed - error - quark").
  spaced=$(grep -rn 'G_DEFINE_QUARK (' "$src/src" 2>/dev/null)
  run "no G_DEFINE_QUARK (clang-format rewrites its name)" test -z "$spaced"
  [[ -n $spaced ]] && results+=("# offending: $spaced")
  ;;
icons)
  need rsvg-convert
  png=$(mktemp --suffix=.png)
  for svg in "$src"/data/icons/hicolor/*/apps/*.svg; do
    for size in 16 32 64 128 512; do
      run "${svg#"$src"/} renders at $size px" rsvg-convert -w $size -h $size -o "$png" "$svg"
    done
  done
  rm -f "$png"
  ;;
app-id)
  # The application id is used identically everywhere (issue 2).
  for f in "data/$app_id.desktop.in" "data/$app_id.metainfo.xml.in" "data/$app_id.gschema.xml" \
           "data/$app_id.service.in" "flatpak/$app_id.json" \
           "data/icons/hicolor/scalable/apps/$app_id.svg" \
           "data/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"; do
    run "$f exists" test -f "$src/$f"
  done
  run "metainfo id" grep -q "<id>$app_id</id>" "$src/data/$app_id.metainfo.xml.in"
  run "gschema id" grep -q "schema id=\"$app_id\"" "$src/data/$app_id.gschema.xml"
  run "flatpak id" grep -q "\"id\": \"$app_id\"" "$src/flatpak/$app_id.json"
  run "help id" grep -q "gnome.yelp(app_id" "$src/help/meson.build"
  run "meson app id" grep -q "app_id = '$app_id'" "$src/meson.build"
  ;;
cli)
  exe=$build/src/rempart
  run "rempart --version" bash -c "[[ \$('$exe' --version) == 'rempart 0.1.0' ]]"
  run "rempart --help lists --version" bash -c "'$exe' --help | grep -q -- '--version'"
  run "rempart --help in French" bash -c \
    "LANGUAGE=fr LANG=C.UTF-8 LC_ALL=C.UTF-8 '$exe' --help | grep -q 'Afficher la version'"
  run "rempart rejects unknown options with exit 1" bash -c "'$exe' --no-such-option 2>/dev/null; [[ \$? == 1 ]]"
  ;;
*)
  echo "Bail out! unknown check $check"
  exit 1
  ;;
esac

echo "1..$n"
printf '%s\n' "${results[@]}"
exit 0
