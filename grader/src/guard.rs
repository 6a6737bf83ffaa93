//! Proof that grading changed nothing it relies on: digests of the canonical files and the test
//! binaries, taken before the tests run and compared after.
//!
//! Learner code runs with the learner's own rights, so a test can write anywhere they can: into the
//! canonical tests, a manifest, or a sibling test binary in `target/` (which cargo would then keep
//! treating as fresh). Without a sandbox that cannot be prevented, so it is detected: a changed
//! test binary is deleted (the next build makes it anew) and its results do not count, and a changed
//! canonical file is reported by name.

use std::collections::BTreeMap;
use std::hash::Hasher as _;
use std::path::{Path, PathBuf};

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

/// When and how each file of a build's output was last written: a cheap check of a whole target
/// folder (thousands of files, tens of milliseconds) for anything a test wrote there.
///
/// Everything counts: the profile folder with rustc's incremental caches (a patched object file
/// there is linked into the next build of an unchanged part of a test crate), and whatever else is
/// in the target folder (a `.cargo/config.toml` there is read by the cargo that trybuild runs from
/// below it). Only trybuild's own build folder changes while tests run, so only the files in it
/// that change how cargo or rustup behave are stamped; the scratch folder `tmp/` and the grader's
/// demo stage `grader/` are left out.
///
/// On Unix the stamp includes the inode's change time, which no program can set back; elsewhere
/// the size and modification time only.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct OutputStamps {
    target_dir: PathBuf,
    profile_dir: PathBuf,
    stamps: BTreeMap<PathBuf, Stamp>,
}

type Stamp = (u64, Option<std::time::SystemTime>, i64, u64);

/// Folders of the target folder that are not stamped.
const UNSTAMPED: [&str; 2] = ["tmp", "grader"];
/// trybuild's folder, below the target folder, where its cargo builds while the tests run.
const TRYBUILD: [&str; 2] = ["tests", "trybuild"];
/// Files that change how cargo or rustup behave for every folder below theirs.
const CONFIG_FILES: [&str; 4] = [
    "config.toml",
    "config",
    "rust-toolchain",
    "rust-toolchain.toml",
];

/// How much of a folder is stamped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Depth {
    Everything,
    /// trybuild's build output, which its cargo writes while tests run: settings files only.
    ConfigOnly,
    /// A trybuild project folder: all but the files trybuild writes anew on every run.
    TrybuildProject,
}

/// The files trybuild writes anew in its project folder on every run, and its lock file (made
/// while a check runs, rewritten by a thread of trybuild's, removed after: left behind by a check
/// that was stopped).
const TRYBUILD_PROJECT_FILES: [&str; 4] = ["Cargo.toml", "Cargo.lock", "main.rs", ".lock"];

impl OutputStamps {
    /// Stamps the target folder of the profile folder `profile_dir` (`target/debug`).
    pub fn of(profile_dir: &Path) -> OutputStamps {
        let target_dir = profile_dir.parent().unwrap_or(profile_dir).to_owned();
        let mut stamps = OutputStamps {
            target_dir: target_dir.clone(),
            profile_dir: profile_dir.to_owned(),
            stamps: BTreeMap::new(),
        };
        stamps.add_tree(&target_dir, Depth::Everything);
        stamps
    }

    fn add_tree(&mut self, folder: &Path, depth: Depth) {
        let Ok(entries) = std::fs::read_dir(folder) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(metadata) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            let relative = path.strip_prefix(&self.target_dir).unwrap_or(&path);
            if metadata.is_dir() {
                let top = relative.components().count() == 1;
                if top && UNSTAMPED.iter().any(|s| entry.file_name() == *s) {
                    continue;
                }
                let below_trybuild = relative
                    .iter()
                    .take(2)
                    .eq(TRYBUILD.iter().map(|s| std::ffi::OsStr::new(*s)));
                let depth = match depth {
                    // A planted `build.rs` or `src/` there would run or build at trybuild's next
                    // build: everything below a project folder counts.
                    Depth::TrybuildProject => Depth::Everything,
                    _ if below_trybuild
                        && relative.components().count() == 3
                        && path.join("Cargo.toml").is_file() =>
                    {
                        Depth::TrybuildProject
                    }
                    _ if below_trybuild => Depth::ConfigOnly,
                    depth => depth,
                };
                self.add_tree(&path, depth);
            } else if depth == Depth::Everything
                || (depth == Depth::TrybuildProject
                    && !TRYBUILD_PROJECT_FILES
                        .iter()
                        .any(|f| entry.file_name() == *f))
                || CONFIG_FILES.iter().any(|c| entry.file_name() == *c)
                || path
                    .parent()
                    .and_then(Path::file_name)
                    .is_some_and(|p| p == ".cargo")
            {
                self.stamps.insert(path, stamp_of(&metadata));
            }
        }
    }

    /// The files written, added or removed since these stamps were taken.
    pub fn changed(&self) -> Vec<PathBuf> {
        let now = OutputStamps::of(&self.profile_dir);
        let mut changed: Vec<PathBuf> = self
            .stamps
            .iter()
            .filter(|(path, stamp)| now.stamps.get(*path) != Some(stamp))
            .map(|(path, _)| path.clone())
            .collect();
        changed.extend(
            now.stamps
                .keys()
                .filter(|path| !self.stamps.contains_key(*path))
                .cloned(),
        );
        changed
    }

    /// Deletes `changed` files and makes cargo and rustc build anew whatever they belong to: a
    /// whole incremental cache for a file in one, the fingerprint of every unit whose hash a
    /// changed file carries (`libx-0123456789abcdef.rlib`), and those of `packages` for files
    /// without one (the binaries cargo copies up into the profile folder).
    pub fn discard(&self, changed: &[PathBuf], packages: &[&str]) {
        let fingerprints = self.profile_dir.join(".fingerprint");
        let incremental = self.profile_dir.join("incremental");
        let mut doomed_suffixes: Vec<String> = Vec::new();
        let mut doomed_prefixes: Vec<String> = Vec::new();
        for path in changed {
            let _ = std::fs::remove_file(path);
            if let Ok(inside) = path.strip_prefix(&incremental) {
                if let Some(cache) = inside.iter().next() {
                    let _ = std::fs::remove_dir_all(incremental.join(cache));
                }
                continue;
            }
            if !path.starts_with(&self.profile_dir) {
                continue;
            }
            match unit_hash(path) {
                Some(hash) => doomed_suffixes.push(format!("-{hash}")),
                None => doomed_prefixes.extend(packages.iter().map(|p| format!("{p}-"))),
            }
        }
        let Ok(entries) = std::fs::read_dir(&fingerprints) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if doomed_suffixes.iter().any(|s| name.ends_with(s.as_str()))
                || doomed_prefixes.iter().any(|p| name.starts_with(p.as_str()))
            {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
}

/// The 16 hex digits cargo puts in an artifact's name (`ex1_server-0123456789abcdef`,
/// `libserde-0123456789abcdef.rlib`), if it has them.
fn unit_hash(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let stem = name.split('.').next()?;
    let (_, hash) = stem.rsplit_once('-')?;
    (hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())).then(|| hash.to_owned())
}

#[cfg(unix)]
fn stamp_of(metadata: &std::fs::Metadata) -> Stamp {
    use std::os::unix::fs::MetadataExt as _;
    (
        metadata.len(),
        metadata.modified().ok(),
        metadata.ctime() * 1_000_000_000 + metadata.ctime_nsec(),
        metadata.ino(),
    )
}

#[cfg(not(unix))]
fn stamp_of(metadata: &std::fs::Metadata) -> Stamp {
    (metadata.len(), metadata.modified().ok(), 0, 0)
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
    fn a_planted_artifact_is_found_deleted_and_its_unit_built_anew() {
        let dir = tempfile::tempdir().unwrap();
        let profile = &dir.path().join("debug");
        std::fs::create_dir_all(profile.join("deps")).unwrap();
        std::fs::create_dir_all(profile.join(".fingerprint/workbook-harness-0123456789abcdef"))
            .unwrap();
        std::fs::create_dir_all(profile.join(".fingerprint/fixture-toolkit-fedcba9876543210"))
            .unwrap();
        std::fs::create_dir_all(profile.join(".fingerprint/serde-1111111111111111")).unwrap();
        std::fs::create_dir_all(profile.join("incremental/ex2_mixins-1a2b/s-x")).unwrap();
        std::fs::write(
            profile.join("incremental/ex2_mixins-1a2b/s-x/a.o"),
            "honest",
        )
        .unwrap();
        std::fs::create_dir_all(dir.path().join("tests/trybuild/debug")).unwrap();
        std::fs::create_dir_all(dir.path().join("tests/trybuild/day1")).unwrap();
        std::fs::write(
            dir.path().join("tests/trybuild/day1/Cargo.toml"),
            "[package]",
        )
        .unwrap();
        std::fs::create_dir_all(dir.path().join("tmp")).unwrap();
        let rlib = profile.join("deps/libworkbook_harness-0123456789abcdef.rlib");
        std::fs::write(&rlib, "honest").unwrap();
        std::fs::write(profile.join("fixture-toolkit"), "honest binary").unwrap();
        let stamps = OutputStamps::of(profile);

        std::fs::write(&rlib, "planted").unwrap();
        std::fs::write(profile.join("fixture-toolkit"), "planted binary").unwrap();
        std::fs::write(
            profile.join("incremental/ex2_mixins-1a2b/s-x/a.o"),
            "patched",
        )
        .unwrap();
        // trybuild's builds and the scratch folder change as tests run; a cargo config does not.
        std::fs::write(
            dir.path().join("tests/trybuild/debug/libx.rlib"),
            "trybuild's",
        )
        .unwrap();
        std::fs::write(dir.path().join("tmp/scratch"), "a test's").unwrap();
        // trybuild writes its project's manifest anew, and its lock file comes and goes (a check
        // stopped at its time limit leaves it); a build script planted beside them counts.
        std::fs::write(
            dir.path().join("tests/trybuild/day1/Cargo.toml"),
            "[package] anew",
        )
        .unwrap();
        std::fs::write(dir.path().join("tests/trybuild/day1/.lock"), "1764329000").unwrap();
        std::fs::write(
            dir.path().join("tests/trybuild/day1/build.rs"),
            "fn main() {}",
        )
        .unwrap();
        std::fs::create_dir_all(dir.path().join("tests/trybuild/.cargo")).unwrap();
        std::fs::write(
            dir.path().join("tests/trybuild/.cargo/config.toml"),
            "[build]",
        )
        .unwrap();
        let changed = stamps.changed();
        assert_eq!(changed.len(), 5, "{changed:?}");
        stamps.discard(&changed, &["fixture-toolkit"]);
        assert!(!rlib.exists() && !profile.join("fixture-toolkit").exists());
        assert!(
            !profile.join("incremental/ex2_mixins-1a2b").exists(),
            "the whole cache goes"
        );
        assert!(
            !dir.path()
                .join("tests/trybuild/.cargo/config.toml")
                .exists()
        );
        assert!(
            !profile
                .join(".fingerprint/workbook-harness-0123456789abcdef")
                .exists()
        );
        assert!(
            !profile
                .join(".fingerprint/fixture-toolkit-fedcba9876543210")
                .exists()
        );
        assert!(
            profile.join(".fingerprint/serde-1111111111111111").exists(),
            "an untouched unit keeps its fingerprint"
        );
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
