//! Which file notifications are about a learner file (or a folder on the way to one).

use std::path::{Path, PathBuf};

use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};

/// The watched files, by the paths events may name them with.
#[derive(Debug, Clone)]
pub(crate) struct PathFilter {
    /// Each watched file as given, and its canonical form (macOS reports `/private/var/…` for
    /// `/var/…`; Windows `\\?\C:\…`).
    files: Vec<(PathBuf, PathBuf)>,
}

/// What one event says about the watched files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Relevance {
    /// Not about them: another file (target/, a swap file), or only read.
    None,
    /// About a folder on the way to a watched file (created, removed, renamed), or the watcher
    /// lost track (a rescan): the files must be looked at.
    Folders,
    /// About these watched files (as given to [`PathFilter::new`]).
    Files(Vec<PathBuf>),
}

impl PathFilter {
    pub(crate) fn new(files: &[PathBuf]) -> PathFilter {
        PathFilter {
            files: files
                .iter()
                .map(|file| (file.clone(), canonical_best(file)))
                .collect(),
        }
    }

    /// Whether an event of this kind about these paths may change a watched file.
    pub(crate) fn relevance(&self, kind: &EventKind, paths: &[PathBuf], rescan: bool) -> Relevance {
        if rescan {
            return Relevance::Folders;
        }
        if !changes_content(kind) {
            return Relevance::None;
        }
        let mut files = Vec::new();
        let mut folders = false;
        for path in paths {
            let forms = [path.clone(), canonical_best(path)];
            for (given, canonical) in &self.files {
                if forms.iter().any(|p| p == given || p == canonical) {
                    if !files.contains(given) {
                        files.push(given.clone());
                    }
                } else if forms
                    .iter()
                    .any(|p| given.starts_with(p) || canonical.starts_with(p))
                {
                    folders = true;
                }
            }
        }
        match (files.is_empty(), folders) {
            (false, _) => Relevance::Files(files),
            (true, true) => Relevance::Folders,
            (true, false) => Relevance::None,
        }
    }
}

/// Whether an event of this kind may change what a file holds, or whether it is there: not an
/// open, a read or a close after reading (a build reads every learner file), nor a change of
/// permissions or times alone.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Any | EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
        EventKind::Other => true,
    }
}

/// `path` with its longest existing beginning made canonical (links resolved), the rest as given:
/// a file that does not exist yet, in a folder that does, still gets its folder's canonical form.
pub(crate) fn canonical_best(path: &Path) -> PathBuf {
    let mut rest = Vec::new();
    let mut current = path;
    loop {
        if let Ok(canonical) = current.canonicalize() {
            return rest.iter().rev().fold(canonical, |p, name| p.join(name));
        }
        match (current.parent(), current.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                current = parent;
            }
            _ => return path.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, MetadataKind, RemoveKind, RenameMode};

    fn write() -> EventKind {
        EventKind::Modify(ModifyKind::Data(DataChange::Content))
    }

    fn setup() -> (tempfile::TempDir, PathBuf, PathFilter) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let src = dir.path().join("day").join("src");
        std::fs::create_dir_all(&src).expect("a src folder");
        let file = src.join("ex1.rs");
        std::fs::write(&file, "todo!()").expect("a learner file");
        let filter = PathFilter::new(std::slice::from_ref(&file));
        (dir, file, filter)
    }

    #[test]
    fn a_write_to_a_learner_file_counts() {
        let (_dir, file, filter) = setup();
        assert_eq!(
            filter.relevance(&write(), std::slice::from_ref(&file), false),
            Relevance::Files(vec![file.clone()])
        );
    }

    #[test]
    fn an_editors_rename_onto_a_learner_file_counts() {
        let (_dir, file, filter) = setup();
        let temp = file.with_file_name(".ex1.rs.tmp");
        let rename = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        assert_eq!(
            filter.relevance(&rename, &[temp, file.clone()], false),
            Relevance::Files(vec![file])
        );
    }

    #[test]
    fn swap_files_target_and_other_files_never_count() {
        let (dir, file, filter) = setup();
        let src = file.parent().unwrap();
        for other in [
            src.join(".ex1.rs.swp"),
            src.join("ex1.rs~"),
            src.join("4913"),
            src.join("lib.rs"),
            dir.path().join("day/target/debug/deps/day-123"),
            dir.path().join("day/target"),
        ] {
            let create = EventKind::Create(CreateKind::File);
            assert_eq!(
                filter.relevance(&create, std::slice::from_ref(&other), false),
                Relevance::None,
                "{}",
                other.display()
            );
        }
    }

    #[test]
    fn reading_a_learner_file_or_touching_its_times_does_not_count() {
        let (_dir, file, filter) = setup();
        for kind in [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)),
        ] {
            assert_eq!(
                filter.relevance(&kind, std::slice::from_ref(&file), false),
                Relevance::None,
                "{kind:?}"
            );
        }
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        assert_ne!(filter.relevance(&closed, &[file], false), Relevance::None);
    }

    #[test]
    fn a_folder_on_the_way_to_a_learner_file_counts_as_folders() {
        let (dir, file, filter) = setup();
        let removed = EventKind::Remove(RemoveKind::Folder);
        let src = file.parent().unwrap().to_owned();
        assert_eq!(
            filter.relevance(&removed, &[src], false),
            Relevance::Folders
        );
        assert_eq!(
            filter.relevance(&write(), &[dir.path().join("elsewhere")], true),
            Relevance::Folders,
            "a rescan always looks"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_path_through_a_link_matches_its_canonical_form() {
        let (dir, file, _) = setup();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(dir.path().join("day"), &link).expect("a link");
        let through_link = link.join("src").join("ex1.rs");
        let filter = PathFilter::new(std::slice::from_ref(&through_link));
        assert_eq!(
            filter.relevance(&write(), &[file], false),
            Relevance::Files(vec![through_link])
        );
    }

    #[test]
    fn a_missing_file_keeps_its_folders_canonical_form() {
        let (_dir, file, _) = setup();
        let absent = file.with_file_name("absent.rs");
        assert_eq!(
            canonical_best(&absent),
            file.parent()
                .unwrap()
                .canonicalize()
                .unwrap()
                .join("absent.rs")
        );
    }
}
