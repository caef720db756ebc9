#!/bin/bash
# rempart-feed publish against a real Apache httpd with mod_dav_fs and basic auth, started here
# on 127.0.0.1, and against hostile servers (hostile-dav.py). TAP output.
#   test-rempart-feed-publish.sh BUILD_ROOT SOURCE_ROOT
set -u
build=$(readlink -f "$1") src=$(readlink -f "$2")
feed=$build/src/cli/rempart-feed
work=$(mktemp -d)
apache_pid= hostile_pid= bus_pid= keyring_pid=
cleanup () {
  [[ -n $apache_pid ]] && kill "$apache_pid" 2>/dev/null && wait "$apache_pid" 2>/dev/null
  [[ -n $keyring_pid ]] && kill "$keyring_pid" 2>/dev/null
  [[ -n $bus_pid ]] && kill "$bus_pid" 2>/dev/null
  [[ -n $hostile_pid ]] && kill "$hostile_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work" || exit 1

n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [[ -f out ]] && sed 's/^/# /' out | head -20; }
skip_all () { echo "1..0 # SKIP $1"; exit 0; }
expect () {
  local want=$1 what=$2 rc
  shift 2
  "$@" > out 2>&1 < "${STDIN:-/dev/null}"
  rc=$?
  if [[ $rc == "$want" ]]; then ok "$what"; else echo "# exit $rc, expected $want" >> out; not_ok "$what"; fi
}
output_has () { if grep -q -- "$1" out; then ok "$2"; else not_ok "$2"; fi; }
same () { if cmp -s "$1" "$2"; then ok "$3"; else not_ok "$3"; fi; }
field () { /usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {"d": d}))' "$@" 2>&1; }
check () { if [[ $(field "$1" "$2") == "$3" ]]; then ok "$4"; else not_ok "$4 (got '$(field "$1" "$2")')"; fi; }

[[ -x /usr/sbin/apache2 ]] || skip_all "Apache httpd (apache2) is not installed"
command -v htpasswd > /dev/null || skip_all "htpasswd (apache2-utils) is not installed"

# No Secret Service for this test: the keyring falls back to its 0600 file, under our XDG dir.
export DBUS_SESSION_BUS_ADDRESS=unix:path=$work/no-bus XDG_DATA_HOME=$work/xdg

free_port () { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port_answers () { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- Apache with mod_dav_fs, basic auth for writing, a 507 for signatures under /broken ------
chmod 755 "$work"
mkdir -p apache/dav/group apache/lock
modules=/usr/lib/apache2/modules
htpasswd -cbB apache/htpasswd moderator 'server secret' > /dev/null 2>&1
run_as=
if [[ $(id -u) == 0 ]]; then
  chown -R www-data:www-data apache/dav apache/lock
  run_as=$'User www-data\nGroup www-data'
fi
port=$(free_port)
cat > apache/httpd.conf <<CONF
ServerRoot "$work/apache"
PidFile "$work/apache/httpd.pid"
ErrorLog "$work/apache/error.log"
LogLevel warn
Listen 127.0.0.1:$port
ServerName 127.0.0.1
LoadModule mpm_event_module $modules/mod_mpm_event.so
LoadModule authn_core_module $modules/mod_authn_core.so
LoadModule authn_file_module $modules/mod_authn_file.so
LoadModule authz_core_module $modules/mod_authz_core.so
LoadModule authz_user_module $modules/mod_authz_user.so
LoadModule auth_basic_module $modules/mod_auth_basic.so
LoadModule dav_module $modules/mod_dav.so
LoadModule dav_fs_module $modules/mod_dav_fs.so
LoadModule alias_module $modules/mod_alias.so
LoadModule mime_module $modules/mod_mime.so
LoadModule rewrite_module $modules/mod_rewrite.so
$run_as
Mutex file:$work/apache/lock
DAVLockDB "$work/apache/lock/DAVLock"
TypesConfig /etc/mime.types
DocumentRoot "$work/apache/dav"
RewriteEngine On
RewriteCond %{REQUEST_METHOD} =PUT
RewriteRule "^/broken/.*\.minisig$" - [R=507]
Alias /broken "$work/apache/dav"
<Directory "$work/apache/dav">
  Dav On
  AuthType Basic
  AuthName "Rempart"
  AuthUserFile "$work/apache/htpasswd"
  <RequireAny>
    Require method GET HEAD OPTIONS
    Require valid-user
  </RequireAny>
</Directory>
CONF
/usr/sbin/apache2 -f "$work/apache/httpd.conf" -DFOREGROUND > apache/stdout 2>&1 &
apache_pid=$!
for _ in $(seq 200); do port_answers "$port" && break; kill -0 "$apache_pid" 2>/dev/null || break; sleep 0.05; done
port_answers "$port" || { echo "Bail out! Apache did not start: $(cat apache/error.log apache/stdout 2>/dev/null)"; exit 1; }
base=http://127.0.0.1:$port
url=$base/group/feed.json
dav=$work/apache/dav/group

printf 'server secret\n' > srv.txt
printf 'wrong secret\n' > bad-srv.txt
printf 'key secret\n' > key.txt
"$feed" keygen -W -p our.pub -s our.key > /dev/null 2>&1
"$feed" keygen -p pw.pub -s pw.key --password-file key.txt > /dev/null 2>&1
pub=$(tail -n 1 our.pub)
auth=(-u moderator --server-password-file srv.txt --no-keyring)

# --- the command line ---------------------------------------------------------------------------
expect 0 "publish --help: exit 0" "$feed" publish --help
output_has "Exit status" "the help says what the exit codes mean"
"$feed" new a.json --title "Groupe" --feed-url "$url" > /dev/null 2>&1
expect 2 "publish to a file:// address: exit 2" "$feed" publish a.json file:///tmp/x -s our.key
expect 2 "publish without an address: exit 2" "$feed" publish a.json -s our.key
expect 2 "--prefer without --merge: exit 2" "$feed" publish a.json "$url" -s our.key --prefer ours
expect 2 "--prefer with a wrong side: exit 2" "$feed" publish a.json "$url" -s our.key --merge --prefer mine
expect 2 "both server password options: exit 2" "$feed" publish a.json "$url" -s our.key -u moderator --server-password-file srv.txt --server-password-fd 0
expect 2 "a server password without --user: exit 2" "$feed" publish a.json "$url" -s our.key --server-password-file srv.txt

# --- first publish, update ----------------------------------------------------------------------
"$feed" add a.json --id a1 --title "Premier" --url https://example.org/t/1 > /dev/null 2>&1
seq_before=$(field a.json 'd["_rempart"]["seq"]')
expect 0 "first publish: exit 0" "$feed" publish a.json "$url" -s our.key "${auth[@]}"
output_has "published to" "publish says where it published"
same a.json "$dav/feed.json" "the server holds the feed as published"
same a.json a.json.last-published "the copy last published is kept beside the feed"
check a.json 'd["_rempart"]["seq"]' $((seq_before + 1)) "the published seq is raised and written back"
expect 0 "the server's pair verifies" "$feed" verify "$dav/feed.json" -p our.pub
if command -v minisign > /dev/null; then
  expect 0 "minisign verifies the server's pair" minisign -V -m "$dav/feed.json" -p our.pub
fi
expect 0 "a volunteer's fetch accepts it" timeout 60 "$feed" fetch "$url" -P "$pub"
output_has "signed" "and says it is signed"
"$feed" add a.json --id a2 --title "Second" --url https://example.org/t/2 > /dev/null 2>&1
expect 0 "an update: exit 0" "$feed" publish a.json "$url" -s our.key "${auth[@]}"
check "$dav/feed.json" 'sorted(i["id"] for i in d["items"])' "['a1', 'a2']" "the server has both actions"
expect 0 "publishing again at once (Apache's weak ETag) works" "$feed" publish a.json "$url" -s our.key "${auth[@]}"

# --- a password-protected key, its password from a file, a descriptor, stdin -------------------
expect 0 "the key's password from --password-fd" "$feed" publish a.json "$url" -s pw.key --password-fd 3 "${auth[@]}" 3< key.txt
expect 0 "that pair verifies with that key" "$feed" verify "$dav/feed.json" -p pw.pub
cp "$dav/feed.json" server-before.json
STDIN=<(printf 'not it\n') expect 1 "a wrong key password: exit 1" "$feed" publish a.json "$url" -s pw.key "${auth[@]}"
same "$dav/feed.json" server-before.json "a wrong key password changes nothing on the server"

# --- server passwords: wrong, missing, from the keyring, typed -----------------------------------
expect 1 "a wrong server password: exit 1" "$feed" publish a.json "$url" -s our.key -u moderator --server-password-file bad-srv.txt --no-keyring
output_has "moderator" "the message names the user"
same "$dav/feed.json" server-before.json "a refused password changes nothing on the server"
expect 1 "no user for a server that asks for one: exit 1" "$feed" publish a.json "$url" -s our.key
output_has "user name" "the message asks for a user name"
expect 0 "--remember-password keeps the password that worked" "$feed" publish a.json "$url" -s our.key -u moderator --server-password-file srv.txt --remember-password
if [[ -n $(ls xdg/rempart/keys 2>/dev/null) && $(stat -c %a xdg/rempart/keys) == 700 ]]; then ok "in the keyring's 0600 file, without a Secret Service"; else not_ok "in the keyring's 0600 file, without a Secret Service"; fi
expect 0 "the next publish finds the password in the keyring" "$feed" publish a.json "$url" -s our.key -u moderator
STDIN=<(printf 'server secret\n') expect 0 "--no-keyring: the password is asked (read from stdin)" "$feed" publish a.json "$url" -s our.key -u moderator --no-keyring
expect 1 "no -s and no key in the keyring: exit 1" "$feed" publish a.json "$url" "${auth[@]}"
output_has "give the key file" "the message says to give the key file"
# The key the app keeps for this feed (RempartKeyring's file fallback: key-SHA256("URL\n")).
keyfile=xdg/rempart/keys/key-$(printf '%s\n' "$url" | sha256sum | cut -d' ' -f1)
cp our.key "$keyfile" && chmod 600 "$keyfile"
expect 0 "without -s, publish uses the key kept in the keyring for the feed" "$feed" publish a.json "$url" "${auth[@]}"
expect 0 "that pair verifies with its public key" "$feed" verify "$dav/feed.json" -p our.pub
rm -f "$keyfile"
expect 0 "the server password from --server-password-fd" "$feed" publish a.json "$url" -s our.key -u moderator --no-keyring --server-password-fd 4 4< srv.txt

# --- the server password in a real Secret Service: gnome-keyring on a private bus -----------------
if command -v gnome-keyring-daemon > /dev/null && command -v dbus-daemon > /dev/null && command -v gdbus > /dev/null; then
  mkdir -p gk/run gk/home gk/data/keyrings
  chmod 700 gk/run
  # A login keyring that needs no password (plain-text format): nobody is there to create one.
  printf '[keyring]\ndisplay-name=login\nctime=0\nmtime=0\nlock-on-idle=false\nlock-after=false\n' > gk/data/keyrings/login.keyring
  printf 'login' > gk/data/keyrings/default
  dbus-daemon --session --nofork --print-address=3 3> gk/bus-address > /dev/null 2>&1 &
  bus_pid=$!
  for _ in $(seq 200); do [[ -s gk/bus-address ]] && break; sleep 0.05; done
  gk_bus=$(head -n 1 gk/bus-address)
  DBUS_SESSION_BUS_ADDRESS=$gk_bus HOME=$work/gk/home XDG_RUNTIME_DIR=$work/gk/run XDG_DATA_HOME=$work/gk/data \
    gnome-keyring-daemon --foreground --unlock --components=secrets < /dev/null > /dev/null 2>&1 &
  keyring_pid=$!
  owned=
  for _ in $(seq 300); do
    if DBUS_SESSION_BUS_ADDRESS=$gk_bus gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
         --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null | grep -q true; then owned=1; break; fi
    sleep 0.1
  done
  if [[ -n $owned ]]; then
    gk () { DBUS_SESSION_BUS_ADDRESS=$gk_bus XDG_DATA_HOME=$work/gk/xdg "$@"; }
    expect 0 "--remember-password with gnome-keyring running" gk "$feed" publish a.json "$url" -s our.key -u moderator --server-password-file srv.txt --remember-password
    if [[ ! -e gk/xdg/rempart/keys ]]; then ok "the password went to the Secret Service, not to a file"; else not_ok "the password went to the Secret Service, not to a file"; fi
    expect 0 "the next publish reads it from gnome-keyring" gk "$feed" publish a.json "$url" -s our.key -u moderator
    expect 1 "another user's password is not there: asked, and none on stdin, exit 1" gk "$feed" publish a.json "$url" -s our.key -u someone-else
  else
    ok "gnome-keyring did not start # SKIP no org.freedesktop.secrets on the private bus"
  fi
  kill "$keyring_pid" 2>/dev/null; kill "$bus_pid" 2>/dev/null
  keyring_pid= bus_pid=
else
  ok "gnome-keyring # SKIP gnome-keyring-daemon, dbus-daemon or gdbus is not installed"
fi

# --- two moderators: conflict (exit 3), --merge, --prefer ------------------------------------------
mkdir -p b
cp a.json a.json.last-published b/
"$feed" add a.json --id from-a --title "Action de A" --url https://example.org/t/a > /dev/null 2>&1
expect 0 "moderator A publishes" "$feed" publish a.json "$url" -s our.key "${auth[@]}"
cp "$dav/feed.json" server-a.json
"$feed" add b/a.json --id from-b --title "Action de B" --url https://example.org/t/b > /dev/null 2>&1
cp b/a.json b-before.json
expect 3 "moderator B, who has not seen it: exit 3 (conflict)" "$feed" publish b/a.json "$url" -s our.key "${auth[@]}"
output_has "\-\-merge" "the message says how to merge"
same "$dav/feed.json" server-a.json "nothing of A's was overwritten"
same b/a.json b-before.json "B's file is left as it was"
expect 0 "B publishes with --merge: exit 0" "$feed" publish b/a.json "$url" -s our.key --merge "${auth[@]}"
output_has "from-a" "the merge report names A's action"
check "$dav/feed.json" 'sorted(i["id"] for i in d["items"])' "['a1', 'a2', 'from-a', 'from-b']" "the server has A's and B's actions"
same b/a.json "$dav/feed.json" "B's file is the merged feed"
expect 0 "the merged pair verifies" "$feed" verify "$dav/feed.json" -p our.pub
# Both change the same action.
"$feed" publish a.json "$url" -s our.key --merge "${auth[@]}" > /dev/null 2>&1
cp a.json a.json.last-published b/
"$feed" edit a.json a1 --title "Titre de A" > /dev/null 2>&1
"$feed" edit b/a.json a1 --title "Titre de B" > /dev/null 2>&1
expect 0 "A changes action a1 and publishes" "$feed" publish a.json "$url" -s our.key "${auth[@]}"
cp "$dav/feed.json" server-a.json
expect 3 "B changed a1 too: --merge stops at the conflict, exit 3" "$feed" publish b/a.json "$url" -s our.key --merge "${auth[@]}"
output_has "\-\-prefer" "and says how to choose"
same "$dav/feed.json" server-a.json "still nothing overwritten"
expect 0 "--prefer theirs keeps A's title" "$feed" publish b/a.json "$url" -s our.key --merge --prefer theirs "${auth[@]}"
check "$dav/feed.json" '[i["title"] for i in d["items"] if i["id"] == "a1"][0]' "Titre de A" "the server has A's version of a1"

# --- a 507 on the signature: the previous pair stays -------------------------------------------
cp "$dav/feed.json" pair-before.json
cp "$dav/feed.json.minisig" pair-before.minisig
"$feed" add a.json --id late --title "Trop tard" --url https://example.org/t/late > /dev/null 2>&1
"$feed" publish a.json "$url" -s our.key --merge --prefer ours "${auth[@]}" > /dev/null 2>&1
cp "$dav/feed.json" pair-before.json; cp "$dav/feed.json.minisig" pair-before.minisig
cp a.json a-before.json
"$feed" add a.json --id full --title "Disque plein" --url https://example.org/t/full > /dev/null 2>&1
expect 1 "a 507 on the signature: exit 1" "$feed" publish a.json "$base/broken/group/feed.json" -s our.key "${auth[@]}"
output_has "put back" "the message says the previous feed was put back"
same "$dav/feed.json" pair-before.json "the server's feed is the previous one"
same "$dav/feed.json.minisig" pair-before.minisig "with its signature"
expect 0 "and that pair still verifies" "$feed" verify "$dav/feed.json" -p our.pub

# --- key rotation: announce the next key, publish with the current one, then with the new one --
"$feed" keygen -W -p next.pub -s next.key > /dev/null 2>&1
expect 2 "rotate without a key: exit 2" "$feed" rotate a.json
expect 2 "rotate with a key and --withdraw: exit 2" "$feed" rotate a.json -p next.pub --withdraw
expect 1 "rotate refuses what is not a public key" "$feed" rotate a.json -P "not a key"
expect 0 "rotate announces the next key" "$feed" rotate a.json -p next.pub
output_has "$(grep -o 'minisign public key [0-9A-F]*' next.pub | grep -o '[0-9A-F]*$')" "and names its key id"
check a.json 'd["_rempart"]["next_key"]' "$(tail -n 1 next.pub)" "the feed holds it in _rempart.next_key"
expect 0 "publish the announcement with the current key" "$feed" publish a.json "$url" -s our.key --merge --prefer ours "${auth[@]}"
check "$dav/feed.json" 'd["_rempart"]["next_key"]' "$(tail -n 1 next.pub)" "the published feed announces it"
expect 0 "that pair verifies with the current key" "$feed" verify "$dav/feed.json" -p our.pub
expect 0 "publish with the next key" "$feed" publish a.json "$url" -s next.key "${auth[@]}"
check "$dav/feed.json" '"next_key" in d["_rempart"]' False "signing with the announced key drops the announcement"
check a.json '"next_key" in d["_rempart"]' False "in the moderators' file too"
expect 0 "that pair verifies with the new key" "$feed" verify "$dav/feed.json" -p next.pub
expect 1 "and no longer with the old one" "$feed" verify "$dav/feed.json" -p our.pub
"$feed" rotate a.json -p our.pub > /dev/null 2>&1
expect 0 "rotate --withdraw removes an announcement" "$feed" rotate a.json --withdraw
check a.json '"next_key" in d["_rempart"]' False "the announcement is gone"
pub=$(tail -n 1 next.pub)
cp next.key our.key; cp next.pub our.pub
cp a.json.last-published last-before.json

# --- server down, hostile servers --------------------------------------------------------------
down=$(free_port)
expect 1 "server down: exit 1" timeout 60 "$feed" publish a.json "http://127.0.0.1:$down/feed.json" -s our.key "${auth[@]}"
output_has "Could not reach" "the message says the server could not be reached"
hostile () {
  [[ -n $hostile_pid ]] && kill "$hostile_pid" 2>/dev/null && wait "$hostile_pid" 2>/dev/null
  /usr/bin/python3 "$src/tests/cli/hostile-dav.py" "$1" > hostile.port 2>hostile.log &
  hostile_pid=$!
  # Up to 60 s: a loaded machine can take long to start Python.
  for _ in $(seq 1200); do
    [[ $(cat hostile.port) == *[0-9] ]] && break
    kill -0 "$hostile_pid" 2>/dev/null || break
    sleep 0.05
  done
  [[ $(cat hostile.port) == *[0-9] ]] || echo "# hostile-dav.py $1 did not start: $(cat hostile.log)"
  hostile_url=http://127.0.0.1:$(cat hostile.port)/feed.json
}
hostile huge
start=$SECONDS
expect 1 "a 20 MiB answer is refused: exit 1" timeout 60 "$feed" publish a.json "$hostile_url" -s our.key "${auth[@]}"
output_has "MiB" "the message says the answer was too large"
hostile headers
expect 1 "endless headers are refused: exit 1" timeout 60 "$feed" publish a.json "$hostile_url" -s our.key "${auth[@]}"
hostile silent
expect 1 "a silent server: exit 1 after --timeout" timeout 60 "$feed" publish a.json "$hostile_url" -s our.key --timeout 2 "${auth[@]}"
hostile precondition
expect 3 "a server holding someone else's feed: exit 3" timeout 60 "$feed" publish a.json "$hostile_url" -s our.key "${auth[@]}"
hostile error
expect 1 "a 500 on the upload: exit 1" timeout 60 "$feed" publish a.json "$hostile_url" -s our.key "${auth[@]}"
output_has "500" "the message gives the status"
same a.json.last-published last-before.json "failed publishes leave the copy last published as it was"

echo "1..$n"
exit 0
