#!/bin/bash
# Tests of the rempart-feed command line, against real files, the real minisign binary and a
# real HTTP server on 127.0.0.1. TAP output.
#   test-rempart-feed.sh BUILD_ROOT SOURCE_ROOT
set -u
build=$(readlink -f "$1") src=$(readlink -f "$2")
feed=$build/src/cli/rempart-feed
shared=${REMPART_SHARED_DIR:-$src/../shared}
work=$(mktemp -d)
server_pid=
cleanup () {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work" || exit 1

n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [[ -f out ]] && sed 's/^/# /' out | head -20; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# expect EXIT DESCRIPTION COMMAND...: runs COMMAND with stdin from /dev/null unless redirected.
expect () {
  local want=$1 what=$2 rc
  shift 2
  "$@" > out 2>&1 < "${STDIN:-/dev/null}"
  rc=$?
  if [[ $rc == "$want" ]]; then ok "$what"; else echo "# exit $rc, expected $want" >> out; not_ok "$what"; fi
}
# output_has PATTERN DESCRIPTION: the last command's output matches.
output_has () { if grep -q -- "$1" out; then ok "$2"; else not_ok "$2"; fi; }
# output_lacks PATTERN DESCRIPTION: the last command's output does not match.
output_lacks () { if grep -q -- "$1" out; then not_ok "$2"; else ok "$2"; fi; }

example=$src/tests/unit/feeds/example.json

# --- command line ---------------------------------------------------------------------------
expect 2 "no command: usage, exit 2" "$feed"
output_has "validate" "usage lists the commands"
expect 0 "--help: exit 0" "$feed" --help
expect 0 "--version: exit 0" "$feed" --version
output_has "rempart-feed 0.1.0" "--version prints the version"
expect 2 "unknown command: exit 2" "$feed" frobnicate
for cmd in validate verify sign keygen new add edit remove list export publish fetch; do
  expect 0 "$cmd --help: exit 0" "$feed" "$cmd" --help
done
expect 2 "validate without a file: exit 2" "$feed" validate
expect 2 "validate with an unknown option: exit 2" "$feed" validate --no-such-option "$example"
expect 2 "verify without a key: exit 2" "$feed" verify "$example"
expect 2 "verify with both -p and -P: exit 2" "$feed" verify "$example" -p a -P b
expect 2 "sign without a key: exit 2" "$feed" sign "$example"
expect 2 "keygen without files: exit 2" "$feed" keygen -W

# --- validate -------------------------------------------------------------------------------
expect 0 "the documented example feed is accepted" "$feed" validate --strict "$example"
output_has "accepted" "validate says accepted"
if [[ $(grep -c accepted out) == 1 ]]; then ok "validate reports each file once"; else not_ok "validate reports each file once"; fi
printf '{"version": "https://jsonfeed.org/version/1.1", "items": [' > broken.json
expect 1 "truncated JSON is rejected" "$feed" validate broken.json
output_has "broken.json: rejected" "the rejection names the file"
cat > skipped.json <<'JSON'
{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [
  {"id": "1", "url": "https://example.org/a", "title": "ok"},
  {"id": "2", "url": "javascript:alert(1)", "title": "bad"}]}
JSON
expect 0 "a skipped action is only a warning" "$feed" validate skipped.json
output_has "items\[1\]" "the warning names the JSON path"
expect 1 "--strict fails on a skipped action" "$feed" validate --strict skipped.json
expect 1 "several files: the worst one decides" "$feed" validate "$example" broken.json
: > empty.json
expect 1 "an empty file is rejected" "$feed" validate empty.json
expect 1 "a missing file is rejected" "$feed" validate no-such-file.json
head -c 9000000 /dev/zero | tr '\0' ' ' > huge.json
expect 1 "a file over 8 MiB is rejected" "$feed" validate huge.json

# The real-world corpus, as ../shared/interop-feeds/SOURCES.md says.
if [[ -d $shared/interop-feeds ]]; then
  while read -r num plain strict kept; do
    f=$(ls "$shared"/interop-feeds/"$num"-*.json)
    expect "$plain" "interop $num: validate exits $plain" "$feed" validate "$f"
    [[ $kept != - ]] && output_has "accepted, $kept action" "interop $num keeps $kept actions"
    expect "$strict" "interop $num: validate --strict exits $strict" "$feed" validate --strict "$f"
  done <<'TABLE'
01 0 0 6
02 0 0 5
03 0 0 6
04 0 1 0
05 0 0 6
06 0 0 6
07 0 0 2
08 0 0 6
09 0 0 6
10 1 1 -
11 1 1 -
12 0 0 6
13 0 1 0
14 0 0 6
15 0 1 4
16 0 0 6
17 0 0 5
18 0 0 4
TABLE
else
  skip "interop corpus" "$shared/interop-feeds is absent"
fi

# --- keys and signatures ----------------------------------------------------------------------
cp "$example" feed.json
expect 0 "keygen -W writes a key pair" "$feed" keygen -W -p our.pub -s our.key
if [[ $(stat -c %a our.key 2>/dev/null) == 600 ]]; then ok "the secret key has mode 0600"; else not_ok "the secret key has mode 0600"; fi
expect 1 "keygen refuses to overwrite keys" "$feed" keygen -W -p our.pub -s our.key
expect 0 "keygen -f overwrites" "$feed" keygen -W -f -p our.pub -s our.key
expect 0 "sign writes FILE.minisig" "$feed" sign feed.json -s our.key -t "seq 1"
expect 0 "verify accepts our signature" "$feed" verify feed.json -p our.pub
output_has "Trusted comment: seq 1" "verify prints the trusted comment"
expect 0 "verify -P takes the base64 key" "$feed" verify feed.json -P "$(tail -n 1 our.pub)"
cp feed.json tampered.json; cp feed.json.minisig tampered.json.minisig
sed -i 's/example.org/example.net/' tampered.json
expect 1 "verify refuses a tampered feed" "$feed" verify tampered.json -p our.pub
cp feed.json comment.json; sed 's/^trusted comment: .*/trusted comment: seq 999/' feed.json.minisig > comment.json.minisig
expect 1 "verify refuses a tampered trusted comment" "$feed" verify comment.json -p our.pub
"$feed" keygen -W -p other.pub -s other.key > /dev/null 2>&1
expect 1 "verify refuses the wrong key" "$feed" verify feed.json -p other.pub
# A signer's trusted comment reaches the moderator's terminal: controls are shown, not obeyed.
cp feed.json escape.json
expect 0 "sign with escape sequences in the trusted comment" "$feed" sign escape.json -s our.key \
  -t $'seq 2 \e]0;owned\a\e[2J \xc2\x9b31m \xe2\x80\xaereversed\\'
expect 0 "verify accepts that signature" "$feed" verify escape.json -p our.pub
if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' out; then not_ok "verify prints no control character"; else ok "verify prints no control character"; fi
output_has 'seq 2 \\x1b\]0;owned\\x07\\x1b\[2J \\x9b31m \\u202ereversed\\\\$' "verify shows the controls as \\x1b, \\x9b and \\u202e"
expect 1 "sign refuses a feed the app would reject" "$feed" sign broken.json -s our.key
STDIN=<(printf 'correct horse\nanother horse\n') expect 1 "keygen refuses two different passwords" "$feed" keygen -p pw.pub -s pw.key
output_has "not the same" "and says so"
if [[ ! -e pw.key ]]; then ok "no key is written then"; else not_ok "no key is written then"; fi
STDIN=<(printf 'correct horse\ncorrect horse\n') expect 0 "keygen with a password typed twice on stdin" "$feed" keygen -p pw.pub -s pw.key
printf 'file horse\n' > kpw.txt
expect 0 "keygen --password-file" "$feed" keygen -p pwf.pub -s pwf.key --password-file kpw.txt
expect 0 "sign --password-file with that key" "$feed" sign feed.json -s pwf.key -x pwf.minisig --password-file kpw.txt
expect 0 "that signature verifies" "$feed" verify feed.json -p pwf.pub -x pwf.minisig
expect 0 "sign --password-fd" "$feed" sign feed.json -s pwf.key -x pwf.minisig --password-fd 3 3< kpw.txt
expect 2 "keygen -W with a password file: exit 2" "$feed" keygen -W -p x.pub -s x.key --password-file kpw.txt
STDIN=<(printf 'correct horse\n') expect 0 "sign with the password" "$feed" sign feed.json -s pw.key -x pw.minisig
expect 0 "that signature verifies" "$feed" verify feed.json -p pw.pub -x pw.minisig
STDIN=<(printf 'wrong\n') expect 1 "sign refuses a wrong password" "$feed" sign feed.json -s pw.key -x pw2.minisig

if command -v minisign > /dev/null; then
  expect 0 "minisign verifies rempart-feed's signature" minisign -V -m feed.json -p our.pub
  minisign -G -W -p ms.pub -s ms.key > /dev/null 2>&1 < /dev/null
  cp "$example" ms.json
  minisign -S -s ms.key -m ms.json -t "from minisign" > /dev/null 2>&1 < /dev/null
  expect 0 "rempart-feed verifies minisign's prehashed signature" "$feed" verify ms.json -p ms.pub
  output_has "from minisign" "and reads its trusted comment"
  cp ms.json legacy.json
  if minisign -S -l -s ms.key -m legacy.json > /dev/null 2>&1 < /dev/null; then
    expect 0 "rempart-feed verifies minisign's legacy signature" "$feed" verify legacy.json -p ms.pub
  else
    skip "legacy signatures" "this minisign cannot make them"
  fi
  expect 0 "rempart-feed signs with minisign's secret key" "$feed" sign ms.json -s ms.key -x ours.minisig
  expect 0 "minisign verifies it" minisign -V -m ms.json -x ours.minisig -p ms.pub
  expect 0 "minisign signs with rempart-feed's secret key" minisign -S -s our.key -m ms.json -x theirs.minisig
  expect 0 "both tools verify it" "$feed" verify ms.json -p our.pub -x theirs.minisig
else
  skip "minisign interop" "minisign is not installed"
fi

# --- new and add ----------------------------------------------------------------------------
expect 0 "new creates a feed" "$feed" new group.json --title "Groupe test" --feed-url https://example.org/feed.json
expect 0 "the new feed validates" "$feed" validate --strict group.json
seq0=$(grep -o '"seq" *: *[0-9]*' group.json | grep -o '[0-9]*$')
expect 1 "new refuses to overwrite a feed" "$feed" new group.json --title x --feed-url https://example.org/f.json
expect 0 "add an action" "$feed" add group.json --title "Fil sous l’article" --url https://example.org/thread/1 \
  --brief "Des commentaires racistes" --topic racism --expires 2030-01-01T00:00:00Z --tag presse --tag racisme
expect 0 "add a second action" "$feed" add group.json --title "Second" --url https://example.org/thread/2
expect 0 "the feed validates with both actions" "$feed" validate --strict group.json
output_has "accepted, 2 actions" "both actions are there"
seq=$(grep -o '"seq" *: *[0-9]*' group.json | grep -o '[0-9]*$')
if [[ -n $seq0 && $seq == $((seq0 + 2)) ]]; then ok "each add bumps _rempart.seq ($seq0 to $seq)"; else not_ok "each add bumps _rempart.seq ($seq0 to '$seq')"; fi
cp group.json before.json
expect 2 "add refuses a javascript: link" "$feed" add group.json --title x --url 'javascript:alert(1)'
expect 2 "add refuses an unknown topic" "$feed" add group.json --title x --url https://example.org/x --topic cats
expect 2 "add refuses a bad expiry date" "$feed" add group.json --title x --url https://example.org/x --expires tomorrow
expect 2 "add without a title" "$feed" add group.json --url https://example.org/x
if cmp -s group.json before.json; then ok "refused additions leave the feed untouched"; else not_ok "refused additions leave the feed untouched"; fi
expect 1 "add to a broken feed fails" "$feed" add broken.json --title x --url https://example.org/x
cp skipped.json skipped-before.json
expect 1 "add refuses a feed the app would not take whole" "$feed" add skipped.json --title x --url https://example.org/x
output_has "items\[2\]" "and prints the parser's warnings"
if cmp -s skipped.json skipped-before.json; then ok "a refused add leaves that feed untouched"; else not_ok "a refused add leaves that feed untouched"; fi
cat > numeric.json <<'JSON'
{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [
  {"id": 42, "url": "https://example.org/a", "title": "numeric id"}]}
JSON
expect 0 "add to a feed with a numeric id" "$feed" add numeric.json --title x --url https://example.org/x
expect 0 "nothing of the result is skipped" "$feed" validate --strict numeric.json
output_has "accepted, 2 actions, 0 skipped" "both actions are kept"

# --- group settings, action fields, edit, remove, list ------------------------------------------
# jq-free field checks: python3 reads the JSON (Debian's, always there with meson).
field () { /usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {"d": d}))' "$@" 2>&1; }
check () { if [[ $(field "$1" "$2") == "$3" ]]; then ok "$4"; else not_ok "$4 (got '$(field "$1" "$2")')"; fi; }
expect 0 "new with the group's settings" "$feed" new full.json --title "Full" --feed-url https://example.org/full.json \
  --hashtag '#jesuislà' --hashtag-position end --rule "Jamais d’insulte." --rule "Une source." --about "Qui nous sommes" --language fr
check full.json 'd["_rempart"]["hashtag"]' '#jesuislà' "new writes the hashtag"
check full.json 'd["_rempart"]["hashtag_position"]' 'end' "new writes the hashtag position"
check full.json 'len(d["_rempart"]["rules"])' '2' "new writes each rule"
check full.json 'd["_rempart"]["about"]' 'Qui nous sommes' "new writes about"
check full.json 'd["language"]' 'fr' "new writes the language"
expect 2 "new refuses a hashtag that is not one" "$feed" new bad1.json --title x --feed-url https://example.org/f.json --hashtag 'je suis'
expect 2 "new refuses an unknown hashtag position" "$feed" new bad2.json --title x --feed-url https://example.org/f.json --hashtag-position middle
if [[ ! -e bad1.json && ! -e bad2.json ]]; then ok "refused feeds are not written"; else not_ok "refused feeds are not written"; fi
expect 0 "add with every field" "$feed" add full.json --id act-1 --title "Fil" --url https://example.org/t/1 --platform facebook \
  --brief "Le brief" --excerpt "Le commentaire" --priority high --topic racism --language fr \
  --source "INSEE=https://www.insee.fr/x?a=b" --source "Cour=des comptes=https://www.ccomptes.fr/" \
  --argument "Premier" --argument "Second" --hours 5
output_has "^act-1$" "add prints the id it was given"
check full.json 'd["items"][0]["_rempart"]["priority"]' 'high' "add writes the priority"
check full.json 'd["items"][0]["_rempart"]["excerpt"]' 'Le commentaire' "add writes the excerpt"
check full.json 'd["items"][0]["_rempart"]["platform"]' 'facebook' "add writes the platform"
check full.json '[s["url"] for s in d["items"][0]["_rempart"]["sources"]]' "['https://www.insee.fr/x?a=b', 'https://www.ccomptes.fr/']" "add splits TITLE=URL at the address"
check full.json 'd["items"][0]["_rempart"]["sources"][1]["title"]' 'Cour=des comptes' "a source title may hold ="
check full.json 'd["items"][0]["_rempart"]["arguments"]' "['Premier', 'Second']" "add writes the arguments"
check full.json '__import__("datetime").datetime.fromisoformat(d["items"][0]["_rempart"]["expires"].replace("Z","+00:00")).timestamp() - __import__("time").time() > 4.9*3600' True "--hours 5 expires in five hours"
expect 0 "add without a brief or an expiry" "$feed" add full.json --id act-2 --title "Sans brief" --url https://example.org/t/2
check full.json '"content_text" in d["items"][0]' True "an action without a brief still has content_text (JSON Feed requires it)"
check full.json 'abs(__import__("datetime").datetime.fromisoformat(d["items"][0]["_rempart"]["expires"].replace("Z","+00:00")).timestamp() - __import__("time").time() - 48*3600) < 120' True "the default expiry is 48 hours"
cp full.json full-before.json
expect 2 "add refuses --expires with --hours" "$feed" add full.json --title x --url https://example.org/x --hours 3 --expires 2030-01-01T00:00:00Z
expect 2 "add refuses --hours 0" "$feed" add full.json --title x --url https://example.org/x --hours 0
expect 2 "add refuses an unknown priority" "$feed" add full.json --title x --url https://example.org/x --priority urgent
expect 2 "add refuses a source without an address" "$feed" add full.json --title x --url https://example.org/x --source "just a title"
expect 2 "add refuses a javascript: source" "$feed" add full.json --title x --url https://example.org/x --source "x=javascript:alert(1)"
expect 1 "add refuses an id already there" "$feed" add full.json --id act-1 --title x --url https://example.org/x
if cmp -s full.json full-before.json; then ok "refused additions leave that feed untouched"; else not_ok "refused additions leave that feed untouched"; fi
seq_before=$(field full.json 'd["_rempart"]["seq"]')
expect 0 "edit the title and the priority" "$feed" edit full.json act-1 --title "Nouveau titre" --priority normal --source ''
check full.json 'd["items"][1]["title"]' 'Nouveau titre' "edit changes the title"
check full.json '"priority" in d["items"][1]["_rempart"]' False "edit back to normal priority drops the field"
check full.json '"sources" in d["items"][1]["_rempart"]' False "an empty --source removes the sources"
check full.json 'd["items"][1]["_rempart"]["excerpt"]' 'Le commentaire' "edit keeps the other fields"
check full.json 'd["_rempart"]["seq"]' $((seq_before + 1)) "edit bumps _rempart.seq"
check full.json '"date_modified" in d["items"][1]' True "edit sets date_modified"
cp full.json full-before.json
expect 1 "edit an id that is not there" "$feed" edit full.json nope --title x
output_has "no action with the id" "and says so"
expect 2 "edit without any field" "$feed" edit full.json act-1
expect 2 "edit with an empty title" "$feed" edit full.json act-1 --title ''
expect 2 "edit with a bad address" "$feed" edit full.json act-1 --url 'file:///etc/passwd'
if cmp -s full.json full-before.json; then ok "refused edits leave the feed untouched"; else not_ok "refused edits leave the feed untouched"; fi
expect 0 "list the actions" "$feed" list full.json
if [[ $(wc -l < out) == 2 ]]; then ok "list prints one line an action"; else not_ok "list prints one line an action"; fi
output_has "^act-1	active	normal	" "list prints id, state and priority"
output_has "Sans brief" "list prints the title"
expect 1 "list a broken feed" "$feed" list broken.json
expect 1 "remove refuses an unknown id, removing nothing" "$feed" remove full.json act-2 nope
if cmp -s full.json full-before.json; then ok "a refused remove leaves the feed untouched"; else not_ok "a refused remove leaves the feed untouched"; fi
expect 0 "remove an action" "$feed" remove full.json act-2
check full.json '[i["id"] for i in d["items"]]' "['act-1']" "only the other action is left"
expect 0 "the result validates strictly" "$feed" validate --strict full.json

# --- export ------------------------------------------------------------------------------------
mkdir site
seq_before=$(field full.json 'd["_rempart"]["seq"]')
expect 0 "export signs the feed into a folder" "$feed" export full.json site -s our.key --days 3
check site/full.json 'd["_rempart"]["seq"]' $((seq_before + 1)) "the exported feed has a raised seq"
check full.json 'd["_rempart"]["seq"]' $((seq_before + 1)) "and the moderators' file has it too"
check site/full.json 'abs(__import__("datetime").datetime.fromisoformat(d["_rempart"]["expires"].replace("Z","+00:00")).timestamp() - __import__("time").time() - 3*86400) < 120' True "the copy is fresh for --days"
expect 0 "the exported pair verifies" "$feed" verify site/full.json -p our.pub
if command -v minisign > /dev/null; then
  expect 0 "minisign verifies the exported pair" minisign -V -m site/full.json -p our.pub
fi
if [[ $(ls site | wc -l) == 2 ]]; then ok "export leaves no temporary file"; else not_ok "export leaves no temporary file"; fi
printf 'correct horse\n' > pw.txt
expect 0 "export with a password file" "$feed" export full.json site -s pw.key --password-file pw.txt
expect 0 "that pair verifies with its key" "$feed" verify site/full.json -p pw.pub
expect 0 "export with a password on a file descriptor" "$feed" export full.json site -s pw.key --password-fd 3 3< pw.txt
printf 'wrong\n' > bad-pw.txt
cp site/full.json site-before.json
expect 1 "export refuses a wrong password" "$feed" export full.json site -s pw.key --password-file bad-pw.txt
if cmp -s site/full.json site-before.json; then ok "a refused export leaves the folder untouched"; else not_ok "a refused export leaves the folder untouched"; fi
expect 2 "export refuses both password options" "$feed" export full.json site -s pw.key --password-file pw.txt --password-fd 0
expect 2 "export without a key" "$feed" export full.json site
expect 2 "export to a missing folder" "$feed" export full.json no-such-dir -s our.key
expect 1 "export refuses a feed the app would not take whole" "$feed" export skipped.json site -s our.key

# --- fetch over loopback --------------------------------------------------------------------
if [[ -x /usr/bin/python3 ]]; then
  mkdir www && cp feed.json feed.json.minisig www/ && cp "$example" www/unsigned.json
  /usr/bin/python3 -m http.server 0 --bind 127.0.0.1 --directory www > server.log 2>&1 &
  server_pid=$!
  port=
  for _ in $(seq 50); do
    port=$(grep -o 'port [0-9]*' server.log | grep -o '[0-9]*')
    [[ -n $port ]] && break
    sleep 0.1
  done
  base=http://127.0.0.1:$port
  expect 0 "fetch a signed feed with its pinned key" timeout 60 "$feed" fetch "$base/feed.json" -P "$(tail -n 1 our.pub)"
  output_has "signed" "fetch says the feed is signed"
  expect 0 "fetch an unsigned feed without a key" timeout 60 "$feed" fetch "$base/unsigned.json"
  output_has "unsigned" "fetch says the feed is unsigned"
  expect 1 "fetch refuses a feed without its signature" timeout 60 "$feed" fetch "$base/unsigned.json" -P "$(tail -n 1 our.pub)"
  expect 1 "fetch refuses the wrong key" timeout 60 "$feed" fetch "$base/feed.json" -P "$(tail -n 1 other.pub)"
  expect 1 "fetch reports a 404" timeout 60 "$feed" fetch "$base/missing.json"
  output_has "404" "the 404 is named"
  output_lacks "try again at" "fetch does not promise to try again (it never does)"
  # Endless headers: refused, and not as something that will happen again by itself.
  cat > headers.py <<'PY'
import socket, sys, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
s.settimeout(30)
c, _ = s.accept()
c.recv(65536)
c.sendall(b"HTTP/1.1 200 OK\r\n")
end = time.time() + 20
try:
    for i in range(1000000):
        if time.time() > end:
            break
        c.sendall(b"X-Filler-%d: %s\r\n" % (i, b"a" * 100))
except OSError:
    pass
PY
  /usr/bin/python3 headers.py > headers.port 2>&1 &
  headers_pid=$!
  for _ in $(seq 50); do [[ -s headers.port ]] && break; sleep 0.1; done
  expect 1 "fetch refuses endless headers" timeout 60 "$feed" fetch "http://127.0.0.1:$(cat headers.port)/feed.json"
  output_lacks "try again at" "endless headers: no promise to try again"
  kill "$headers_pid" 2>/dev/null
  wait "$headers_pid" 2>/dev/null
  expect 2 "fetch refuses a non-http address" "$feed" fetch "file:///etc/passwd"
else
  skip "fetch" "no python3 for the loopback server"
fi

echo "1..$n"
exit 0
