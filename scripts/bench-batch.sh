#!/usr/bin/env bash
# Grading a class, measured in one run: a generated class of Day 1 submissions (partial, complete,
# and with planted mistakes; folders, .zip and .tar.gz) graded by `cargo grader batch`, against
# grading each submission in a fresh clone of the workbook with `cargo day 1`.
#
# Prints:
#   - the batch's time from a cold work folder (the dependencies built once) against CLASS times
#     one fresh clone's `cargo day 1` (cold: grader, dependencies and all). Target: at least 10x.
#     Fresh clones are slow, so FRESH of them are timed and the mean stands for each of the class.
#   - the marginal cost per submission (a warm batch with the cache off, over CLASS) against one
#     incremental `cargo day 1` after a one-file edit. Target: at most 1.5x.
#
#   scripts/bench-batch.sh [CLASS [FRESH [JOBS]]]   (default: 30 submissions, 2 fresh clones,
#                                                    the batch's --jobs 2)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

class_size="${1:-30}"
fresh="${2:-2}"
jobs="${3:-2}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

now_ms() { date +%s%3N; }
# Runs a command quietly and prints its wall time in ms (a day with unfinished work exits 1).
timed() {
    local start end
    start="$(now_ms)"
    "$@" >"$scratch/last.log" 2>&1 || true
    end="$(now_ms)"
    echo $((end - start))
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

python3 scripts/make-class.py days/day1-traits "$scratch/class" "$class_size"
cargo build -q -p grader

echo "batch, cold work folder: $class_size submissions"
batch_cold="$(timed cargo grader batch "$scratch"/class/* --unit day1 --format json,csv \
    --jobs "$jobs" --out "$scratch/out" --work-dir "$scratch/work")"
grep -c '"student"' "$scratch/out/class.json" >/dev/null || { cat "$scratch/last.log"; exit 1; }
cached="$(grep -c '"cached": true' "$scratch/out/class.json" || true)"
echo "  (${cached} of ${class_size} taken from the cache)"
echo "  ${batch_cold} ms"
echo "batch again, warm, cache off"
batch_warm="$(timed cargo grader batch "$scratch"/class/* --unit day1 --format json \
    --jobs "$jobs" --out "$scratch/out2" --work-dir "$scratch/work" --no-cache)"
echo "  ${batch_warm} ms"

fresh_total=0
for i in $(seq "$fresh"); do
    clone="$scratch/clone-$i"
    git clone -q "$root" "$clone"
    # The student's files over the stubs: a complete submission (student02 is one).
    cp -r "$scratch/class/student02/." "$clone/" 2>/dev/null || true
    t="$(cd "$clone" && CARGO_TARGET_DIR="$clone/target" timed cargo day 1)"
    echo "fresh clone $i, cold cargo day 1: ${t} ms"
    fresh_total=$((fresh_total + t))
done
fresh_mean=$((fresh_total / fresh))

# One incremental `cargo day 1`: the last clone is warm; edit one learner file, then grade.
clone="$scratch/clone-$fresh"
file="$clone/days/day1-traits/src/ex2_mixins.rs"
(cd "$clone" && CARGO_TARGET_DIR="$clone/target" timed cargo day 1) >/dev/null
printf '\n// benchmark edit\n' >>"$file"
incremental="$(cd "$clone" && CARGO_TARGET_DIR="$clone/target" timed cargo day 1)"

per_clone_class=$((fresh_mean * class_size))
marginal=$((batch_warm / class_size))
echo
echo "class of $class_size (each student's files their own), Day 1, --jobs $jobs, $(nproc 2>/dev/null || echo '?') cores"
echo "  batch (cold work folder):             ${batch_cold} ms"
echo "  fresh clones (${fresh} timed, mean ${fresh_mean} ms) x ${class_size}: ${per_clone_class} ms"
echo "  speed-up: $(ratio "$per_clone_class" "$batch_cold")x   (target: at least 10x)"
echo "  marginal per submission (warm batch / ${class_size}): ${marginal} ms"
echo "  one incremental cargo day 1:          ${incremental} ms"
echo "  marginal / incremental: $(ratio "$marginal" "$incremental")x   (target: at most 1.5x)"
