//! What the watched files hold, as digests, to tell a real change from a save that changed nothing.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::guard::digest_of;

/// Each watched file's content digest, or `None` when it is absent or cannot be read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Snapshot(BTreeMap<PathBuf, Option<u64>>);

impl Snapshot {
    /// Reads every file whole: a change of content is seen even where the file system keeps
    /// modification times to the second or two, or a tool puts them back.
    pub(crate) fn take(files: &[PathBuf]) -> Snapshot {
        Snapshot(
            files
                .iter()
                .map(|file| (file.clone(), digest_of(file).ok()))
                .collect(),
        )
    }

    /// The files whose content differs from `earlier`, or that appeared or went since.
    pub(crate) fn changed_since(&self, earlier: &Snapshot) -> Vec<PathBuf> {
        self.0
            .iter()
            .filter(|(file, digest)| earlier.0.get(*file) != Some(digest))
            .map(|(file, _)| file.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_of_content_shows_even_with_the_same_length_and_time() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let file = dir.path().join("ex1.rs");
        std::fs::write(&file, "fn a() {}").unwrap();
        let time = std::fs::metadata(&file).unwrap().modified().unwrap();
        let files = vec![file.clone()];
        let before = Snapshot::take(&files);
        std::fs::write(&file, "fn b() {}").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(time)
            .unwrap();
        assert_eq!(Snapshot::take(&files).changed_since(&before), files);
    }

    #[test]
    fn the_same_content_written_again_is_no_change() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let file = dir.path().join("ex1.rs");
        std::fs::write(&file, "fn a() {}").unwrap();
        let files = vec![file.clone()];
        let before = Snapshot::take(&files);
        std::fs::write(&file, "fn a() {}").unwrap();
        assert!(Snapshot::take(&files).changed_since(&before).is_empty());
    }

    #[test]
    fn a_file_that_appears_or_goes_is_a_change() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (kept, gone, new) = (
            dir.path().join("kept.rs"),
            dir.path().join("gone.rs"),
            dir.path().join("new.rs"),
        );
        std::fs::write(&kept, "1").unwrap();
        std::fs::write(&gone, "2").unwrap();
        let files = vec![kept, gone.clone(), new.clone()];
        let before = Snapshot::take(&files);
        std::fs::remove_file(&gone).unwrap();
        std::fs::write(&new, "3").unwrap();
        assert_eq!(
            Snapshot::take(&files).changed_since(&before),
            vec![gone, new]
        );
    }
}
