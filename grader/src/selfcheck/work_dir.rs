//! The self-check's work folder: where it is by default, why it must be outside the workbook, and
//! its lock.

use std::path::{Path, PathBuf};

use super::SelfCheckError;
use crate::grade::Progress;
use crate::workbook::Workbook;

/// Where the self-check stages and builds: `work_dir/solutions`, `work_dir/stubs`, `work_dir/build`.
///
/// The folder is outside the workbook, in the system's temporary folder: the staged code (the
/// solutions, the stubs, their tests and build scripts) runs from inside its stage, and a stage
/// inside the workbook would have the workbook's own files, the learner's included, a few `../`
/// away from anything that code writes; cargo, editors and searches would also see a second copy
/// of every day inside the workbook's `target/`. Its name comes from the workbook's canonical path:
/// the folder's name and an FNV-1a hash of the whole path, written out here because std's hashers
/// may change between Rust versions. So every run for one workbook reuses the same folder and its
/// build cache, and two clones of the workbook never share one.
pub fn default_work_dir(workbook: &Workbook) -> PathBuf {
    let root = workbook
        .root
        .canonicalize()
        .unwrap_or_else(|_| workbook.root.clone());
    let name: String = root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(32)
        .collect();
    let hash = fnv1a_64(root.as_os_str().as_encoded_bytes());
    std::env::temp_dir()
        .join("workbook-grader")
        .join(format!("selfcheck-{name}-{hash:016x}"))
}

/// The 64-bit FNV-1a hash of `bytes`: simple, and the same on every platform and Rust version.
fn fnv1a_64(bytes: &[u8]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET_BASIS, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

/// Refuses a work folder inside the workbook (the staged code could write to the workbook), or
/// one that holds it (laying a stage empties `work_dir/solutions` and `work_dir/stubs`).
pub(super) fn check_work_dir(workbook: &Workbook, work_dir: &Path) -> Result<(), SelfCheckError> {
    let problem = |source| SelfCheckError::WorkDir {
        work_dir: work_dir.to_owned(),
        problem: format!("cannot create it: {source}"),
    };
    std::fs::create_dir_all(work_dir).map_err(problem)?;
    let work = work_dir.canonicalize().map_err(problem)?;
    let root = workbook
        .root
        .canonicalize()
        .unwrap_or_else(|_| workbook.root.clone());
    if work.starts_with(&root) || root.starts_with(&work) {
        return Err(SelfCheckError::WorkDir {
            work_dir: work_dir.to_owned(),
            problem: format!(
                "it is inside the workbook {} or holds it, where the staged code could write to \
                 the workbook; use a folder outside it, such as the default in the system's \
                 temporary folder",
                root.display()
            ),
        });
    }
    Ok(())
}

/// Holds the work folder for this run; another self-check of the same workbook waits until it ends.
pub(super) fn lock_work_dir(
    work_dir: &Path,
    progress: &(dyn Fn(Progress<'_>) + Sync),
) -> Result<std::fs::File, SelfCheckError> {
    crate::folder_lock::lock_folder(work_dir, || {
        progress(Progress::Cargo(
            "Waiting for another self-check of this workbook to finish…",
        ));
    })
    .map_err(|source| SelfCheckError::WorkDir {
        work_dir: work_dir.to_owned(),
        problem: format!("cannot lock {}: {source}", work_dir.join(".lock").display()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workbook_at(root: &Path) -> Workbook {
        Workbook {
            root: root.to_owned(),
            units: Vec::new(),
        }
    }

    #[test]
    fn fnv1a_matches_its_published_test_vectors() {
        assert_eq!(fnv1a_64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a_64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_default_work_dir_is_outside_the_workbook_and_one_per_workbook() {
        let parent = tempfile::tempdir().expect("a temporary folder");
        let first = parent.path().join("my workbook");
        let second = parent.path().join("a clone");
        std::fs::create_dir_all(&first).unwrap();
        std::fs::create_dir_all(&second).unwrap();

        let work_dir = default_work_dir(&workbook_at(&first));
        assert!(
            work_dir.starts_with(std::env::temp_dir()),
            "{} is in the temporary folder",
            work_dir.display()
        );
        assert!(
            !work_dir.starts_with(&first) && !work_dir.starts_with(first.canonicalize().unwrap())
        );
        let name = work_dir.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("selfcheck-my_workbook-"), "{name}");
        assert_eq!(
            work_dir,
            default_work_dir(&workbook_at(&first)),
            "the same workbook gets the same folder, so its build cache is reused"
        );
        assert_ne!(work_dir, default_work_dir(&workbook_at(&second)));
        // The same folder, however it is spelled.
        assert_eq!(
            work_dir,
            default_work_dir(&workbook_at(&second.join("..").join("my workbook")))
        );
    }

    #[test]
    fn a_work_dir_inside_the_workbook_or_holding_it_is_refused() {
        let parent = tempfile::tempdir().expect("a temporary folder");
        let root = parent.path().join("workbook");
        std::fs::create_dir_all(&root).unwrap();
        let workbook = workbook_at(&root);
        let inside = check_work_dir(&workbook, &root.join("target/grader/selfcheck"));
        let message = inside
            .expect_err("a work folder inside the workbook")
            .to_string();
        assert!(message.contains("inside the workbook"), "{message}");
        assert!(check_work_dir(&workbook, parent.path()).is_err());
        assert!(check_work_dir(&workbook, &parent.path().join("elsewhere")).is_ok());
    }
}
