#!/usr/bin/env bash
# Lints the workbook for the learners' other platforms, Windows and macOS, from Linux: the grader
# (full and as the learners' aliases build it), and every crate with the reference solutions laid
# over the stubs, all targets, warnings denied. It checks types, cfgs and lints, not behaviour:
# nothing is linked or run.
#
#   scripts/check-platforms.sh            # both platforms
#   scripts/check-platforms.sh --if-installed
#                                         # only the platforms whose standard library is installed
#                                         # (CI, which has no network for rustup); says what it skipped
#
# Needs each platform's standard library once: `rustup target add x86_64-pc-windows-msvc
# aarch64-apple-darwin` (the script asks for it unless --if-installed).
set -euo pipefail
cd "$(dirname "$0")/.."

platforms=(x86_64-pc-windows-msvc aarch64-apple-darwin)
if_installed=false
[[ "${1:-}" == "--if-installed" ]] && if_installed=true

installed=$(rustup target list --installed 2>/dev/null || true)
chosen=()
for platform in "${platforms[@]}"; do
    if grep -qx "$platform" <<<"$installed"; then
        chosen+=("$platform")
    elif $if_installed; then
        echo "check-platforms: skipped $platform (not installed: rustup target add $platform)"
    else
        rustup target add "$platform"
        chosen+=("$platform")
    fi
done
[[ ${#chosen[@]} -eq 0 ]] && exit 0

# A copy of the tracked files with the reference solutions laid over the stubs (as the self-check
# stages them), in its own build folder so that the workbook's own is left alone.
stage=$(mktemp -d "${TMPDIR:-/tmp}/workbook-platforms.XXXXXX")
trap 'rm -rf "$stage"' EXIT
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$stage"
for unit in solutions/days/* solutions/capstone; do
    [[ -d "$unit" ]] || continue
    (cd "$unit" && tar --exclude ./variants --exclude ./variants.toml -cf - .) |
        (cd "$stage/${unit#solutions/}" && tar -xf -)
done
build_dir="${CARGO_TARGET_DIR:-$PWD/target}/platforms"
[[ "$build_dir" == /* ]] || build_dir="$PWD/$build_dir"
export CARGO_TARGET_DIR="$build_dir"

cd "$stage"
for platform in "${chosen[@]}"; do
    echo "check-platforms: $platform"
    cargo clippy --locked --workspace --all-targets --target "$platform" -- -D warnings
    cargo clippy --locked -p grader --no-default-features --all-targets --target "$platform" -- -D warnings
done
echo "check-platforms: clean for ${chosen[*]}"
