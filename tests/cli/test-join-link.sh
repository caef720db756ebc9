#!/bin/bash
# Tests of `rempart-feed join-link`: the link, its QR codes read back by a real decoder
# (zbarimg, from zbar-tools; the SVG drawn by rsvg-convert first), and the join page. TAP.
#   test-join-link.sh BUILD_ROOT SOURCE_ROOT
set -u
build=$(readlink -f "$1") src=$(readlink -f "$2")
feed=$build/src/cli/rempart-feed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [[ -f out ]] && sed 's/^/# /' out | head -20; }
expect () {
  local want=$1 what=$2 rc
  shift 2
  "$@" > out 2> err < /dev/null
  rc=$?
  cat err >> out
  if [[ $rc == "$want" ]]; then ok "$what"; else echo "# exit $rc, expected $want" >> out; not_ok "$what"; fi
}
output_has () { if grep -q -- "$1" out; then ok "$2"; else not_ok "$2"; fi; }
check () { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
# decode FILE: what zbarimg reads in a PNG (the one code it must find), on stdout.
decode () { zbarimg --raw -q "$1" 2>/dev/null; }

pub=$src/tests/unit/minisign/encrypted.pub
key=$(tail -n 1 "$pub")
url=https://example.org/groupe/feed.json

# --- command line ---------------------------------------------------------------------------
expect 0 "join-link --help: exit 0" "$feed" join-link --help
output_has "FEED_URL" "the help names the argument"
expect 0 "the usage lists join-link" "$feed" --help
output_has "join-link" "join-link is in the command list"
expect 2 "no address: exit 2" "$feed" join-link -P "$key"
expect 2 "no key and no --unsigned: exit 2" "$feed" join-link "$url"
output_has "unsigned" "the message says how to make an unsigned link"
expect 2 "--unsigned with a key: exit 2" "$feed" join-link "$url" --unsigned -P "$key"
expect 2 "-p and -P together: exit 2" "$feed" join-link "$url" -p "$pub" -P "$key"
expect 2 "a QR code file that is neither .png nor .svg: exit 2" "$feed" join-link "$url" -P "$key" --qr code.gif
check "nothing was written" test ! -e code.gif

# --- bad input ------------------------------------------------------------------------------
expect 1 "an ftp:// feed is refused" "$feed" join-link ftp://example.org/feed.json -P "$key"
output_has "http" "the message asks for http or https"
expect 1 "a relative address is refused" "$feed" join-link feed.json -P "$key"
expect 1 "a malformed key is refused" "$feed" join-link "$url" -P "${key:0:40}"
expect 1 "a missing key file is refused" "$feed" join-link "$url" -p no-such.pub
expect 1 "a name with a control character is refused" "$feed" join-link "$url" -P "$key" --name $'a\tb'
expect 1 "a name of 81 characters is refused" "$feed" join-link "$url" -P "$key" --name "$(printf 'x%.0s' {1..81})"
expect 1 "a page in a folder that does not exist is refused" "$feed" join-link "$url" -P "$key" --page no/such/dir/join.html

# --- the link -------------------------------------------------------------------------------
expect 0 "a signed link from the key file" "$feed" join-link "$url" -p "$pub" --name "#jesuislà"
link=$(head -n 1 out)
check "the link is a rempart:join link" [ "${link#rempart:join?feed=https%3A%2F%2Fexample.org%2Fgroupe%2Ffeed.json&key=RWS%2B}" != "$link" ]
check "the name is percent-encoded UTF-8" [ "${link%name=%23jesuisl%C3%A0}" != "$link" ]
expect 0 "the same link from the base64 key" "$feed" join-link "$url" -P "$key" --name "#jesuislà"
check "both ways give the same link" [ "$(head -n 1 out)" == "$link" ]
expect 0 "an unsigned link" "$feed" join-link http://127.0.0.1:8080/feed.json --unsigned
check "an unsigned link has no key" [ "$(head -n 1 out)" == "rempart:join?feed=http%3A%2F%2F127.0.0.1%3A8080%2Ffeed.json" ]

# --- QR codes, read back by a real decoder --------------------------------------------------
if ! command -v zbarimg > /dev/null || ! command -v rsvg-convert > /dev/null; then
  echo "# zbarimg or rsvg-convert is missing (zbar-tools, librsvg2-bin)"
  not_ok "zbarimg and rsvg-convert are installed"
else
  expect 0 "a PNG QR code" "$feed" join-link "$url" -P "$key" --name "#jesuislà" --qr code.png
  check "the PNG is a PNG" [ "$(head -c 4 code.png | tail -c 3)" == "PNG" ]
  check "the PNG decodes to the link" [ "$(decode code.png)" == "$link" ]
  expect 0 "an SVG QR code" "$feed" join-link "$url" -P "$key" --name "#jesuislà" --qr code.svg
  rsvg-convert -w 480 -b white code.svg -o from-svg.png
  check "the SVG decodes to the link" [ "$(decode from-svg.png)" == "$link" ]
  expect 0 "an unsigned link's QR code" "$feed" join-link http://127.0.0.1:8080/feed.json --unsigned --qr plain.png
  check "it decodes to the unsigned link" [ "$(decode plain.png)" == "rempart:join?feed=http%3A%2F%2F127.0.0.1%3A8080%2Ffeed.json" ]
  # A decoder must not read something else when the link changes: a second key, another code.
  "$feed" join-link "$url" -P "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3" --qr other.png > /dev/null 2>&1
  check "another key gives another code" [ "$(decode other.png)" != "$link" ]

  # --- the join page ------------------------------------------------------------------------
  expect 0 "a join page" "$feed" join-link "$url" -P "$key" --name "#jesuislà <b>&</b>" \
    --description 'We answer "hate" with facts.' --page join.html
  page_link=$(head -n 1 out)
  check "the page has no script" bash -c '! grep -qi "<script" join.html'
  check "the name is escaped" grep -q '#jesuislà &lt;b&gt;&amp;&lt;/b&gt;' join.html
  check "the description is there, escaped" grep -q 'We answer &quot;hate&quot; with facts.' join.html
  check "the button opens the link" grep -qF "href=\"${page_link//&/&amp;}\"" join.html
  check "the page gives the feed address" grep -qF "$url" join.html
  check "the page gives the key" grep -qF "$key" join.html
  sed -n 's/.*\(<svg.*<\/svg>\).*/\1/p' join.html > page-code.svg
  rsvg-convert -w 480 -b white page-code.svg -o page-code.png
  check "the page's QR code decodes to the link" [ "$(decode page-code.png)" == "$page_link" ]
  LANGUAGE=fr LC_ALL=C.UTF-8 REMPART_LOCALEDIR=${REMPART_LOCALEDIR:-$build/po} \
    "$feed" join-link "$url" -P "$key" --page join-fr.html > /dev/null 2>&1
  check "the page is in the moderator's language" grep -q 'lang="fr"' join-fr.html
fi

echo "1..$n"
[[ $failed == 0 ]]
