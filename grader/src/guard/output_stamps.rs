//! Stamps of a build's output (the whole target folder): what a test wrote there, and how to make
//! cargo build it anew.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
