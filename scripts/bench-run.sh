#!/usr/bin/env bash
# Whole-run benchmark: cuesheet on synthetic corpora of realistic articles.
#
# Usage:
#   scripts/bench-run.sh [SIZE_MB ...]          # default sizes: 10 100 1000
#
#   BENCH_DIR=/path scripts/bench-run.sh 10     # where corpora and outputs go
#                                               # (default /tmp/cuesheet-bench)
#   BENCH_SEED=1   corpus seed (default 1)
#   BENCH_JOBS="1 2"  the --jobs values to time (default "1 2")
#   BENCH_RESOLVE=N  mentions for the resolution-only timing (default 1000000)
#   CARGO_TARGET_DIR  honoured when building
#
# It builds the release binary and the `gen_corpus` example, writes two corpora per size with
# `gen_corpus --realistic --megabytes N --only text` (plain-text and Markdown articles) and
# `--only html` (saved pages), and times `cuesheet --no-cache --quiet` on each corpus for each
# --jobs value under /usr/bin/time. Then one warm re-run at the smallest size: text corpus,
# cache on, highest --jobs value, run twice; both runs are reported. Last, resolution alone
# (`examples/resolve_synth`) on BENCH_RESOLVE mentions.
#
# A corpus is reused when one of the same kind, size, seed and generator (src/synth and
# examples/gen_corpus.rs) is already in BENCH_DIR, so re-running is cheap. Delete BENCH_DIR to
# start over. Outputs are deleted after each timed run; the corpora stay.
#
# Prints a Markdown table on stdout (progress goes to stderr). MB are 10^6 bytes; "size MB" and
# MB/s count the bytes of the articles, peak RSS is the maximum resident set size of the run.
# Note: a machine that is busy with other work gives slower, noisier numbers.

set -euo pipefail
shopt -s inherit_errexit

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_dir=${BENCH_DIR:-/tmp/cuesheet-bench}
seed=${BENCH_SEED:-1}
read -r -a jobs_list <<<"${BENCH_JOBS:-1 2}"
if [[ $# -gt 0 ]]; then sizes=("$@"); else sizes=(10 100 1000); fi

for s in "${sizes[@]}"; do
    [[ $s =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "bench-run.sh: size '$s' is not a number of MB" >&2; exit 2; }
done
for j in "${jobs_list[@]}"; do
    [[ $j =~ ^[1-9][0-9]*$ ]] || { echo "bench-run.sh: BENCH_JOBS value '$j' is not a thread count" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "bench-run.sh: /usr/bin/time (GNU time) is needed" >&2; exit 2; }

log() { echo "bench-run: $*" >&2; }

cd "$repo"
log "building (release)"
cargo build --quiet --release --bin cuesheet --example gen_corpus --example resolve_synth
target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
cuesheet="$target_dir/release/cuesheet"
gen_corpus="$target_dir/release/examples/gen_corpus"
resolve_synth="$target_dir/release/examples/resolve_synth"
[[ -x $cuesheet && -x $gen_corpus ]] || { echo "bench-run.sh: built binaries not found in $target_dir" >&2; exit 1; }

# Corpora made by another generator must not be reused.
generator=$(cat src/synth/*.rs examples/gen_corpus.rs | sha256sum | cut -c1-12)
mkdir -p "$bench_dir"

# corpus KIND SIZE: prints the folder of the corpus, generating it unless already there.
corpus() {
    local kind=$1 size=$2
    local dir="$bench_dir/$kind-${size}mb-seed$seed-$generator"
    if [[ ! -f $dir/complete ]]; then
        log "generating $kind corpus of about $size MB in $dir"
        rm -rf "$dir"
        mkdir -p "$dir"
        "$gen_corpus" --realistic --megabytes "$size" --only "$kind" --seed "$seed" --no-truth \
            --out "$dir/input" 2>"$dir/gen.log" || { cat "$dir/gen.log" >&2; exit 1; }
        touch "$dir/complete"
    else
        log "reusing $dir"
    fi
    echo "$dir"
}

# timed DIR OUT JOBS [--no-cache]: runs cuesheet, prints "seconds peak_rss_kb".
timed() {
    local dir=$1 out=$2 jobs=$3
    shift 3
    local t="$dir/time.txt"
    if ! /usr/bin/time -f '%e %M' -o "$t" "$cuesheet" --input "$dir/input" --output "$out" --jobs "$jobs" \
        --quiet "$@" >"$dir/run.log" 2>&1; then
        echo "bench-run.sh: cuesheet failed on $dir (see $dir/run.log)" >&2
        cat "$t" >&2
        exit 1
    fi
    tail -n 1 "$t"
}

# row LABEL DIR JOBS SECONDS RSS_KB: one table row.
row() {
    local label=$1 dir=$2 jobs=$3 secs=$4 rss=$5
    local articles bytes
    articles=$(find "$dir/input" -type f | wc -l)
    bytes=$(find "$dir/input" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
    awk -v l="$label" -v b="$bytes" -v j="$jobs" -v s="$secs" -v a="$articles" -v r="$rss" 'BEGIN {
        t = (s > 0) ? s : 0.01
        printf "| %s | %.1f | %d | %.2f | %.1f | %.0f | %.0f |\n", l, b / 1e6, j, s, b / 1e6 / t, a / t, r * 1024 / 1e6
    }'
}

echo
echo "cuesheet $(git describe --always --dirty 2>/dev/null || echo '?') on $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), seed $seed"
echo
echo "| kind | size MB | jobs | seconds | MB/s | articles/s | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for size in "${sizes[@]}"; do
    for kind in text html; do
        dir=$(corpus "$kind" "$size")
        for jobs in "${jobs_list[@]}"; do
            log "timing $kind $size MB, --jobs $jobs"
            rm -rf "$dir/output"
            result=$(timed "$dir" "$dir/output" "$jobs" --no-cache)
            read -r secs rss <<<"$result"
            rm -rf "$dir/output"
            row "$kind" "$dir" "$jobs" "$secs" "$rss"
        done
    done
done

smallest=$(printf '%s\n' "${sizes[@]}" | sort -g | head -n 1)
jobs=$(printf '%s\n' "${jobs_list[@]}" | sort -n | tail -n 1)
dir=$(corpus text "$smallest")
log "timing text $smallest MB with the cache, --jobs $jobs: first run, then warm re-run"
rm -rf "$dir/output"
result=$(timed "$dir" "$dir/output" "$jobs")
read -r secs rss <<<"$result"
row "text, cache on, first run" "$dir" "$jobs" "$secs" "$rss"
result=$(timed "$dir" "$dir/output" "$jobs")
read -r secs rss <<<"$result"
row "text, cache on, warm re-run" "$dir" "$jobs" "$secs" "$rss"
rm -rf "$dir/output"

# Resolution alone, on the ideal mentions of a synthetic corpus (BENCH_RESOLVE mentions).
resolve_n=${BENCH_RESOLVE:-1000000}
log "timing resolution of $resolve_n mentions"
echo
/usr/bin/time -f '%e %M' -o "$bench_dir/resolve-time.txt" "$resolve_synth" "$resolve_n" >"$bench_dir/resolve.log"
read -r secs rss <"$bench_dir/resolve-time.txt"
echo "$(cat "$bench_dir/resolve.log"); whole process $secs s, peak RSS $(awk -v r="$rss" 'BEGIN {printf "%.0f", r * 1024 / 1e6}') MB"
