//! The learner files taken from an opened submission: only those the manifests name, only regular
//! files of a sane size, never through a link; and what else the student changed, listed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::root::{Found, is_noise, lookup};
use crate::batch::IgnoredFile;
use crate::workbook::{Unit, Workbook};

/// The largest learner file taken; a larger one is ignored, and its stub graded.
pub const MAX_LEARNER_FILE_BYTES: u64 = 1024 * 1024;

/// How many entries of a unit's folders are looked at for changed and extra files.
const MAX_WALKED: usize = 50_000;

/// The largest file compared with the workbook's; a larger one counts as differing.
const MAX_COMPARED_BYTES: u64 = 20 * 1024 * 1024;

/// What was taken from a submission.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Taken {
    /// A learner file (relative to the workbook root) and the submission's file to take instead,
    /// as [`crate::stage::sync`] takes them.
    pub overrides: Vec<(PathBuf, PathBuf)>,
    /// The learner files that were not taken (absent, or ignored below): their stubs are graded.
    pub missing: Vec<PathBuf>,
    /// Files of the submission not used, with why.
    pub ignored: Vec<IgnoredFile>,
    /// A digest of the taken files' paths and contents and of which are missing: the submission's
    /// part of a cache key. Stable across runs and platforms (FNV-1a).
    pub digest: u64,
}

/// Takes the learner files of `units` from the submission whose workbook root is `root`.
pub fn take(workbook: &Workbook, units: &[&Unit], root: &Path) -> Taken {
    let mut taken = Taken::default();
    let mut digest = Fnv::new();
    let learner_files: BTreeSet<PathBuf> =
        units.iter().flat_map(|unit| unit.learner_files()).collect();
    for relative in &learner_files {
        digest.write(slashed(relative).as_bytes());
        let why = match lookup(root, relative) {
            Found::File(metadata) if metadata.len() <= MAX_LEARNER_FILE_BYTES => {
                match std::fs::read(root.join(relative)) {
                    Ok(content) => {
                        digest.write(b"\0file\0");
                        digest.write(&(content.len() as u64).to_le_bytes());
                        digest.write(&content);
                        taken
                            .overrides
                            .push((relative.clone(), root.join(relative)));
                        continue;
                    }
                    Err(e) => Some(format!("cannot be read ({e}): ignored")),
                }
            }
            Found::File(_) => Some(format!(
                "larger than {} KiB: ignored",
                MAX_LEARNER_FILE_BYTES / 1024
            )),
            Found::Link => {
                Some("a symbolic link (or one on its path): ignored, not followed".into())
            }
            Found::NotAFile => Some("not a regular file: ignored".into()),
            Found::Missing => None,
        };
        digest.write(b"\0missing\0");
        if let Some(why) = why {
            taken.ignored.push(IgnoredFile {
                path: slashed(relative),
                why,
            });
        }
        taken.missing.push(relative.clone());
    }
    for unit in units {
        list_changes(
            workbook,
            root,
            &unit.dir,
            &learner_files,
            &mut taken.ignored,
        );
    }
    taken.ignored.sort_by(|a, b| a.path.cmp(&b.path));
    taken.digest = digest.finish();
    taken
}

/// Lists the files under `unit_dir` in the submission that are nobody's learner file and differ
/// from the workbook's, or that the workbook does not have.
fn list_changes(
    workbook: &Workbook,
    root: &Path,
    unit_dir: &Path,
    learner_files: &BTreeSet<PathBuf>,
    ignored: &mut Vec<IgnoredFile>,
) {
    if !matches!(lookup(root, unit_dir), Found::NotAFile) {
        return; // No such folder (or a link, or a file): nothing of the unit was handed in.
    }
    let mut pending = vec![unit_dir.to_owned()];
    let mut walked = 0usize;
    while let Some(folder) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(root.join(&folder)) else {
            continue;
        };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(|entry| entry.file_name());
        for entry in entries {
            walked += 1;
            if walked > MAX_WALKED {
                ignored.push(IgnoredFile {
                    path: slashed(unit_dir),
                    why: format!("more than {MAX_WALKED} files: the rest were not looked at"),
                });
                return;
            }
            let name = entry.file_name();
            if is_noise(&name.to_string_lossy()) {
                continue;
            }
            let relative = folder.join(&name);
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            if file_type.is_dir() {
                pending.push(relative);
                continue;
            }
            if learner_files.contains(&relative) {
                continue; // Taken, or already listed with its reason.
            }
            let canonical = workbook.root.join(&relative);
            let why = if !canonical.is_file() {
                "not a learner file: ignored"
            } else if file_type.is_file() && same_text(&canonical, &entry.path()) {
                continue;
            } else {
                "differs: ignored"
            };
            ignored.push(IgnoredFile {
                path: slashed(&relative),
                why: why.to_owned(),
            });
        }
    }
}

/// Whether two files hold the same text, CRLF and LF line endings counting as the same.
pub(super) fn same_text(a: &Path, b: &Path) -> bool {
    let read = |path: &Path| {
        let size = std::fs::metadata(path).ok()?.len();
        (size <= MAX_COMPARED_BYTES)
            .then(|| std::fs::read(path).ok())
            .flatten()
    };
    match (read(a), read(b)) {
        (Some(a), Some(b)) => {
            a == b || without_carriage_returns(&a) == without_carriage_returns(&b)
        }
        _ => false,
    }
}

/// The content with every CRLF made LF.
fn without_carriage_returns(content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len());
    for (index, &byte) in content.iter().enumerate() {
        if byte == b'\r' && content.get(index + 1) == Some(&b'\n') {
            continue;
        }
        out.push(byte);
    }
    out
}

/// A relative path with `/` separators, as reports show it on every system.
fn slashed(path: &Path) -> String {
    path.components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// FNV-1a, 64 bits: a digest that is the same on every run, build and platform.
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_lf_are_the_same_text() {
        assert_eq!(without_carriage_returns(b"a\r\nb\r\n"), b"a\nb\n");
        assert_eq!(without_carriage_returns(b"a\rb\r"), b"a\rb\r");
    }

    #[test]
    fn the_digest_is_fnv_1a() {
        let mut fnv = Fnv::new();
        fnv.write(b"a");
        assert_eq!(fnv.finish(), 0xaf63_dc4c_8601_ec8c);
    }
}
