#!/bin/bash
# Builds the libFuzzer targets with clang, ASan and UBSan, and runs each for a bounded time.
#   tests/fuzz/run.sh BUILDDIR SECONDS
# Writes BUILDDIR/fuzz-results.json (one meson-style result per target) for .ci/run's count.
# Seeds come from the unit tests' own fixtures; new inputs go to a scratch corpus in BUILDDIR.
set -u
cd "$(dirname "$(readlink -f "$0")")/../.."
builddir=${1:-_build-fuzz} seconds=${2:-60}

if ! command -v clang >/dev/null; then
  echo "fuzz: clang is not installed, skipping"
  exit 0
fi

if [[ ! -f $builddir/build.ninja ]]; then
  CC=clang meson setup "$builddir" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false --buildtype=debugoptimized >/dev/null || exit 1
fi
meson compile -C "$builddir" fuzz-feed-parser fuzz-minisign fuzz-join-link >/dev/null || exit 1

declare -A seeds=(
  [fuzz-feed-parser]=tests/unit/feeds
  [fuzz-minisign]=tests/unit/minisign
  [fuzz-join-link]=tests/unit/join-links
)
: > "$builddir/fuzz-results.json"
status=0
for target in fuzz-feed-parser fuzz-minisign fuzz-join-link; do
  corpus=$builddir/corpus-$target
  mkdir -p "$corpus"
  exe=$(find "$builddir/tests/fuzz" -maxdepth 1 -type f -name "$target" | head -n 1)
  if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
       "$exe" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
       "$corpus" "${seeds[$target]}" > "$builddir/$target.log" 2>&1; then
    result=OK
  else
    result=FAIL
    status=1
    tail -n 40 "$builddir/$target.log"
  fi
  runs=$(grep -o 'Done [0-9]* runs' "$builddir/$target.log" | grep -o '[0-9]*')
  echo "fuzz: $target: $result after ${runs:-?} runs in ${seconds}s"
  printf '{"name": "%s", "result": "%s"}\n' "$target" "$result" >> "$builddir/fuzz-results.json"
done
exit $status
