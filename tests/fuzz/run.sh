#!/bin/bash
# Builds the libFuzzer targets with clang, ASan and UBSan, and runs each for a bounded time.
#   tests/fuzz/run.sh BUILDDIR SECONDS [TARGET...]
# CI gives each target 30 s (ten targets: five minutes); README.md says how to fuzz for hours.
# Writes BUILDDIR/fuzz-results.json (one meson-style result per target) for .ci/run's count.
# Seeds come from the unit tests' fixtures, data/ and tests/fuzz/seeds; new inputs go to a
# scratch corpus in BUILDDIR, so the seeds stay as they are.
set -u
cd "$(dirname "$(readlink -f "$0")")/../.."
builddir=${1:-_build-fuzz} seconds=${2:-30}
shift $(($# < 2 ? $# : 2))

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
# Each target with its own seeds (folders of inputs) and, for some, a dictionary.
targets=(fuzz-feed-parser fuzz-minisign fuzz-minisign-keys fuzz-join-link fuzz-template-pack
         fuzz-template-fill fuzz-tone-pack fuzz-tone-check fuzz-html-text fuzz-date)
declare -A seeds=(
  [fuzz-feed-parser]=tests/unit/feeds
  [fuzz-minisign]=tests/unit/minisign
  [fuzz-minisign-keys]=tests/fuzz/seeds/minisign-keys
  [fuzz-join-link]=tests/unit/join-links
  [fuzz-template-pack]=data/templates
  [fuzz-template-fill]=tests/fuzz/seeds/template-fill
  [fuzz-tone-pack]=data/tone
  [fuzz-tone-check]=tests/fuzz/seeds/tone-check
  [fuzz-html-text]=tests/fuzz/seeds/html-text
  [fuzz-date]=tests/fuzz/seeds/date
)
# libFuzzer dictionaries: tokens the fuzzer would take long to find by mutation.
declare -A dicts=(
  [fuzz-feed-parser]=tests/fuzz/json-numbers.dict
  [fuzz-template-pack]=tests/fuzz/json-numbers.dict
  [fuzz-tone-pack]=tests/fuzz/json-numbers.dict
)
(( $# > 0 )) && targets=("$@")
meson compile -C "$builddir" "${targets[@]}" >/dev/null || exit 1

: > "$builddir/fuzz-results.json"
status=0
for target in "${targets[@]}"; do
  corpus=$builddir/corpus-$target
  mkdir -p "$corpus"
  exe=$(find "$builddir/tests/fuzz" -maxdepth 1 -type f -name "$target" | head -n 1)
  dict=()
  [[ -n ${dicts[$target]:-} ]] && dict=(-dict="${dicts[$target]}")
  if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
       "$exe" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
       -artifact_prefix="$builddir/$target-" \
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
