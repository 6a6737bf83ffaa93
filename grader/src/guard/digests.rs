//! Digests of the canonical files: which files are watched (and which are the learner's own or an
//! editor's), and what changed between two looks.

use std::collections::BTreeMap;
use std::hash::Hasher as _;
use std::path::{Path, PathBuf};

use super::ROOT_SETTINGS;
use crate::workbook::Unit;

/// Folders never walked: build output, version control, trybuild's notes of compiler output that
/// did not match (`wip/`, written while tests run, read by nothing), and editors' own folders.
const SKIPPED: [&str; 8] = [
    "target", ".git", "wip", ".idea", ".vscode", ".fleet", ".zed", ".history",
];
/// The workbook's folders, and the folders of tools' settings, that builds and tests read.
const WATCHED_FOLDERS: [&str; 8] = [
    "days",
    "capstone",
    "grader",
    "harness",
    "testkit",
    "solutions",
    ".cargo",
    ".config",
];

/// Digests of files, keyed by path.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Digests(BTreeMap<PathBuf, u64>);

impl Digests {
    /// Every canonical file of the workspace at `root`, relative to it: the files of the
    /// workbook's folders (hidden ones included, since tools read settings from them) but every
    /// unit's learner files and editors' swap and backup files, and the workspace's own settings
    /// files at its root (a learner's notes there are not watched). And, by their full paths, the
    /// cargo and rustup settings that builds in it read from outside it.
    /// `learner_files` are those of [`learner_files`], taken once: a manifest that a test rewrote
    /// must not decide what the second look leaves out.
    pub fn of_canonical_files(root: &Path, learner_files: &[PathBuf]) -> Digests {
        let mut digests = Digests::default();
        for folder in WATCHED_FOLDERS {
            digests.add_tree(root, Path::new(folder), learner_files);
        }
        for file in ROOT_SETTINGS {
            let _ = digests.add_relative(root, Path::new(file));
        }
        for file in cargo_settings_outside(root) {
            let _ = digests.add_file(&file);
        }
        digests
    }

    fn add_relative(&mut self, root: &Path, path: &Path) -> std::io::Result<()> {
        let digest = digest_of(&root.join(path))?;
        self.0.insert(path.to_owned(), digest);
        Ok(())
    }

    /// Every file below `root` but build output and version control, relative to `root`.
    pub fn of_tree(root: &Path) -> Digests {
        let mut digests = Digests::default();
        digests.add_tree(root, Path::new(""), &[]);
        digests
    }

    fn add_tree(&mut self, root: &Path, relative: &Path, excluded: &[PathBuf]) {
        let Ok(entries) = std::fs::read_dir(root.join(relative)) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let path = relative.join(&name);
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            if file_type.is_dir() {
                if !SKIPPED.iter().any(|s| name == *s) {
                    self.add_tree(root, &path, excluded);
                }
            } else if file_type.is_file()
                && !is_editors_own(&path)
                && !excluded.contains(&path)
                && !self.0.contains_key(&path)
                && let Ok(digest) = digest_of(&root.join(&path))
            {
                self.0.insert(path, digest);
            }
        }
    }

    /// One digest of them all, paths and contents: two sets of files have the same one only when
    /// the same files have the same contents.
    pub fn combined(&self) -> u64 {
        let mut hasher = std::hash::DefaultHasher::new();
        for (path, digest) in &self.0 {
            hasher.write(path.as_os_str().as_encoded_bytes());
            hasher.write_u8(0);
            hasher.write_u64(*digest);
        }
        hasher.finish()
    }

    /// Adds one file by its full path; an unreadable file is an error.
    pub fn add_file(&mut self, path: &Path) -> std::io::Result<()> {
        if !self.0.contains_key(path) {
            let digest = digest_of(path)?;
            self.0.insert(path.to_owned(), digest);
        }
        Ok(())
    }

    /// Files whose contents are not what they were, and files added or removed since (relative to
    /// `root` where the digests are, read anew from disk).
    pub fn changed_since(&self, now: &Digests) -> Vec<PathBuf> {
        let mut changed: Vec<PathBuf> = self
            .0
            .iter()
            .filter(|(path, digest)| now.0.get(*path) != Some(digest))
            .map(|(path, _)| path.clone())
            .collect();
        changed.extend(
            now.0
                .keys()
                .filter(|path| !self.0.contains_key(*path))
                .cloned(),
        );
        changed
    }

    /// The same files' digests as they are now on disk (a file gone has none).
    pub fn reread(&self, root: &Path) -> Digests {
        Digests(
            self.0
                .keys()
                .filter_map(|path| Some((path.clone(), digest_of(&root.join(path)).ok()?)))
                .collect(),
        )
    }
}

/// Every unit's learner files in the workspace at `root`, relative to it (`unit`'s alone when the
/// workbook's manifests cannot be read).
pub fn learner_files(root: &Path, unit: &Unit) -> Vec<PathBuf> {
    let units = crate::workbook::Workbook::load(root)
        .map(|w| w.units)
        .unwrap_or_else(|_| vec![unit.clone()]);
    units.iter().flat_map(Unit::learner_files).collect()
}

/// Whether a file is an editor's swap, backup or lock file, written whenever the learner types, or
/// a backup `cargo grader reset` made.
fn is_editors_own(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    // `cargo grader reset`'s backups of a learner's files: `ex1.rs.backup-2`.
    let reset_backup = name
        .rsplit_once(".backup-")
        .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    reset_backup
        || name.ends_with('~')
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == ".DS_Store"
        || [".swp", ".swo", ".swx", ".bak", ".orig", ".tmp"]
            .iter()
            .any(|suffix| name.ends_with(suffix))
}

/// The files outside the workspace at `root` that change how cargo or rustup build in it: the
/// settings in every folder above it, and cargo's own in `CARGO_HOME`.
fn cargo_settings_outside(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for folder in root.ancestors().skip(1) {
        files.extend([
            folder.join(".cargo").join("config.toml"),
            folder.join(".cargo").join("config"),
            folder.join("rust-toolchain.toml"),
            folder.join("rust-toolchain"),
        ]);
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .or_else(|| std::env::var_os("USERPROFILE"))
                .map(|home| PathBuf::from(home).join(".cargo"))
        });
    if let Some(cargo_home) = cargo_home {
        files.extend([cargo_home.join("config.toml"), cargo_home.join("config")]);
    }
    files
}

/// A digest of a file's contents, good for telling whether it changed (see `workbook-digest`).
pub fn digest_of(path: &Path) -> std::io::Result<u64> {
    workbook_digest::digest_file(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_an_added_and_a_removed_file_are_all_named() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("tests")).unwrap();
        std::fs::write(root.join("tests/a.rs"), "a").unwrap();
        std::fs::write(root.join("tests/b.rs"), "b").unwrap();
        let mut before = Digests::default();
        before.add_tree(root, Path::new("tests"), &[]);

        std::fs::write(root.join("tests/a.rs"), "changed").unwrap();
        std::fs::remove_file(root.join("tests/b.rs")).unwrap();
        std::fs::write(root.join("tests/c.rs"), "new").unwrap();
        let mut now = Digests::default();
        now.add_tree(root, Path::new("tests"), &[]);

        let changed = before.changed_since(&now);
        let names: Vec<&str> = changed.iter().filter_map(|p| p.to_str()).collect();
        let expected = [
            Path::new("tests").join("a.rs"),
            Path::new("tests").join("b.rs"),
            Path::new("tests").join("c.rs"),
        ];
        let expected: Vec<&str> = expected.iter().filter_map(|p| p.to_str()).collect();
        assert_eq!(names, expected);
        assert!(before.changed_since(&before.reread(root)).len() == 2);
    }

    #[test]
    fn excluded_files_and_target_folders_are_not_digested() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("day/src")).unwrap();
        std::fs::create_dir_all(root.join("day/target")).unwrap();
        std::fs::write(root.join("day/src/ex1.rs"), "learner").unwrap();
        std::fs::write(root.join("day/src/lib.rs"), "canonical").unwrap();
        std::fs::write(root.join("day/target/x"), "build").unwrap();
        let mut digests = Digests::default();
        digests.add_tree(
            root,
            Path::new("day"),
            &[Path::new("day/src/ex1.rs").to_owned()],
        );
        let paths: Vec<&PathBuf> = digests.0.keys().collect();
        assert_eq!(paths, [&Path::new("day/src").join("lib.rs")]);
    }
}
