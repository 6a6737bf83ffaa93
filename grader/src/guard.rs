//! Proof that grading changed nothing it relies on: digests of the canonical files and the test
//! binaries, taken before the tests run and compared after.
//!
//! Learner code runs with the learner's own rights, so a test can write anywhere they can: into the
//! canonical tests, a manifest, or a sibling test binary in `target/` (which cargo would then keep
//! treating as fresh). Without a sandbox that cannot be prevented, so it is detected: a changed
//! test binary is deleted (the next build makes it anew) and its results do not count, and a changed
//! canonical file is reported by name.

mod digests;
mod output_stamps;

pub use digests::{Digests, digest_of, learner_files};
pub use output_stamps::OutputStamps;

/// The settings files at the workspace's root that cargo, rustup, insta, clippy or rustfmt read.
pub(crate) const ROOT_SETTINGS: [&str; 10] = [
    "Cargo.toml",
    "Cargo.lock",
    "rust-toolchain",
    "rust-toolchain.toml",
    ".insta.yaml",
    "insta.yaml",
    "clippy.toml",
    ".clippy.toml",
    "rustfmt.toml",
    ".rustfmt.toml",
];
