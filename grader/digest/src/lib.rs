//! Digests of files and bytes for the grader, in a crate of its own so that it can be optimized.
//!
//! The grader digests about 1,500 files and some 20 MB of test binaries and libraries in each run.
//! Hashing is code the compiler instantiates in the crate that calls it, so in the grader's
//! unoptimized build it ran at about a fifth of its speed; the workspace's `Cargo.toml` builds this
//! crate optimized (`[profile.dev.package.workbook-digest]`), which costs a fraction of a second once.
//!
//! SipHash-1-3 with fixed keys (std's `DefaultHasher`): good for telling whether a file changed, not
//! against a forger who can also rewrite the record the digest is compared with.

use std::hash::Hasher as _;
use std::io::Read as _;
use std::path::Path;

/// The digest of a file's contents.
pub fn digest_file(path: &Path) -> std::io::Result<u64> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = std::hash::DefaultHasher::new();
    // On the stack: a fresh heap buffer per file (zeroed, its pages faulted in) costs more than
    // reading a small file.
    let mut buffer = [0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            return Ok(hasher.finish());
        }
        hasher.write(&buffer[..n]);
    }
}

/// The digest of some bytes: the same as [`digest_file`] of a file holding them.
pub fn digest_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_and_its_bytes_have_the_same_digest_and_a_changed_byte_changes_it() {
        let dir = std::env::temp_dir().join(format!("workbook-digest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("file");
        // Longer than the buffer, so the digest spans several reads.
        let mut bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap();
        let of_file = digest_file(&path).unwrap();
        assert_eq!(of_file, digest_bytes(&bytes));
        bytes[150_000] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert_ne!(
            digest_file(&path).unwrap(),
            of_file,
            "one changed byte must change the digest"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_file_is_an_error() {
        assert!(digest_file(Path::new("no/such/file/here")).is_err());
    }
}
