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

# -Db_sanitize=undefined is clang's "undefined" group; add the checks for undefined behaviour
# it leaves out (a double divided by zero, an array's own bounds, clang's nullability
# attributes) and make every report fatal. float-cast-overflow is in the group and named
# again for the reader: a double outside an integer's range must never be cast to it.
# Not added: unsigned-integer-overflow and implicit-conversion, which are defined behaviour
# that BLAKE2b, scrypt and json-glib rely on.
ubsan="-fsanitize=float-cast-overflow,float-divide-by-zero,local-bounds,nullability"
ubsan+=" -fno-sanitize-recover=all"
if [[ ! -f $builddir/build.ninja ]]; then
  CC=clang meson setup "$builddir" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false --buildtype=debugoptimized -Dc_args="$ubsan" -Dc_link_args="$ubsan" \
    >/dev/null || exit 1
else
  meson configure "$builddir" -Dc_args="$ubsan" -Dc_link_args="$ubsan" >/dev/null || exit 1
fi
meson compile -C "$builddir" fuzz-feed-parser fuzz-minisign >/dev/null || exit 1

declare -A seeds=(
  [fuzz-feed-parser]=tests/unit/feeds
  [fuzz-minisign]=tests/unit/minisign
)
# libFuzzer dictionaries: tokens the fuzzer would take long to find by mutation.
declare -A dicts=(
  [fuzz-feed-parser]=tests/fuzz/json-numbers.dict
)
: > "$builddir/fuzz-results.json"
status=0
for target in fuzz-feed-parser fuzz-minisign; do
  corpus=$builddir/corpus-$target
  mkdir -p "$corpus"
  exe=$(find "$builddir/tests/fuzz" -maxdepth 1 -type f -name "$target" | head -n 1)
  dict=()
  [[ -n ${dicts[$target]:-} ]] && dict=(-dict="${dicts[$target]}")
  if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
       "$exe" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
       "${dict[@]}" "$corpus" "${seeds[$target]}" > "$builddir/$target.log" 2>&1; then
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
