#!/bin/bash
# run-in-locale.sh LOCALE PROGRAM [ARGS...]: runs PROGRAM with LANG and LC_ALL set to LOCALE
# (say de_DE.UTF-8). When the system does not have that locale, it is made first with
# localedef (Debian's "locales" package, in build-aux/debian-packages.txt) into a folder of
# its own, given to the program as LOCPATH: no root needed, nothing installed. A locale that
# cannot be made fails the test, saying why; it is not skipped.
set -u
locale=$1
shift
language=${locale%%_*}
normalized=$(sed 's/UTF-8$/utf8/I' <<<"$locale")

dir=
if ! locale -a 2>/dev/null | grep -qixF "$normalized"; then
  if ! command -v localedef >/dev/null; then
    echo "Bail out! $locale is not installed and localedef is missing (apt-get install locales)"
    exit 1
  fi
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
  if ! localedef -i "${locale%%.*}" -f UTF-8 "$dir/$locale" 2>"$dir/localedef.log"; then
    echo "Bail out! localedef could not make $locale: $(tr '\n' ' ' <"$dir/localedef.log")"
    exit 1
  fi
  export LOCPATH=$dir
fi

# REMPART_TEST_LOCALE: the program checks that it really runs under the locale asked for.
export LANG=$locale LC_ALL=$locale LANGUAGE=$language TZ=UTC REMPART_TEST_LOCALE=$locale
"$@"
