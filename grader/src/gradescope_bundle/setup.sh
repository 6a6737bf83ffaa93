#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder's image: it installs Rust
# (the workbook's toolchain, @CHANNEL@, as its rust-toolchain.toml says) and builds the workbook,
# so that grading a submission only rebuilds the learner crates.
set -euo pipefail

SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORKBOOK="$SOURCE/@WORKBOOK_DIR@"
TOOLCHAIN="@CHANNEL@"
COMPONENTS="@COMPONENTS@"
export CARGO_HOME="${CARGO_HOME:-/usr/local/cargo}"
export RUSTUP_HOME="${RUSTUP_HOME:-/usr/local/rustup}"
export PATH="$CARGO_HOME/bin:$PATH"

# A C linker for rustc, curl for rustup, and for the grader's sandbox util-linux's unshare and
# iproute2's ip (the network namespace's loopback); grading says which protections were in force.
if command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends build-essential ca-certificates curl util-linux iproute2
fi

if ! command -v rustup >/dev/null 2>&1; then
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs |
    sh -s -- -y --no-modify-path --profile minimal --default-toolchain none
fi
if [ -n "$COMPONENTS" ]; then
  rustup toolchain install "$TOOLCHAIN" --profile minimal --component "$COMPONENTS"
else
  rustup toolchain install "$TOOLCHAIN" --profile minimal
fi

cd "$WORKBOOK"
# Every dependency now, so that grading needs no network.
cargo fetch --locked
cargo build --locked -p grader
# Grade the unchanged stubs once: this builds the dependencies and the canonical tests where the
# batch keeps them, so a submission rebuilds only its learner crates. It must work: if it does
# not, the image is not fit to grade with, and Gradescope shows this script's output.
WARMUP="$(mktemp -d)"
cargo run --locked --quiet -p grader -- batch "$WORKBOOK" @UNITS@ --format json --out "$WARMUP"
rm -rf "$WARMUP"

# A zip made on Windows keeps no executable bit.
chmod +x "$SOURCE/run_autograder" 2>/dev/null || true
chmod +x /autograder/run_autograder 2>/dev/null || true
echo "The autograder is ready: Rust $TOOLCHAIN, the workbook built."
