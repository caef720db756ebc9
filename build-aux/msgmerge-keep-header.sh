#!/bin/bash
# msgmerge, keeping the catalogue's header as its translators wrote it.
#   msgmerge-keep-header.sh [OPTIONS] -o OUTPUT DEF.po REF.pot
# po/meson.build makes meson's rempart-update-po use this instead of msgmerge: plain msgmerge
# rewrites POT-Creation-Date in every catalogue's header each time the template is made
# again, a change in every .po file that says nothing (issue 17). The entries are msgmerge's;
# the header block (its comments and the msgid "" entry, up to the first blank line) is the
# one DEF.po had.
set -euo pipefail

out='' positional=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case ${args[i]} in
    -o) out=${args[i + 1]}; i=$((i + 1)) ;;
    --output-file=*) out=${args[i]#--output-file=} ;;
    -*) ;;
    *) positional+=("${args[i]}") ;;
  esac
done
def=${positional[0]:-}
if [[ -z $out || -z $def || ! -f $def ]]; then
  exec msgmerge "$@"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk 'NF == 0 { exit } { print }' "$def" > "$tmp/header"
msgmerge "$@"
awk 'body { print; next } NF == 0 { body = 1; print }' "$out" > "$tmp/body"
cat "$tmp/header" "$tmp/body" > "$tmp/merged"
cat "$tmp/merged" > "$out"
