//! Staging: a private copy of the workbook with other source files laid over the learner's stubs.
//!
//! The reference solutions and instructors' submissions are graded this way: the canonical tests,
//! manifests and Cargo files come from the workbook, and only the files each manifest names as the
//! learner's come from the overlay. Nothing in the overlay or the workbook is ever written to.
//!
//! Every file a stage lays down is dated now, whatever the date of its source: cargo tells a
//! stage's artifacts from an earlier stage's in a shared target folder only by the sources'
//! modification times, and `std::fs::copy` keeps the source's time on macOS and Windows.

use std::fmt;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::workbook::Workbook;

/// Folders never copied into a stage: build output and version control.
const SKIPPED: [&str; 2] = ["target", ".git"];

#[derive(Debug)]
pub enum StageError {
    Copy {
        from: PathBuf,
        to: PathBuf,
        source: std::io::Error,
    },
    Clear {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl fmt::Display for StageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StageError::Copy { from, to, source } => write!(
                f,
                "failed to copy {} to {}: {source}",
                from.display(),
                to.display()
            ),
            StageError::Clear { path, source } => write!(
                f,
                "failed to clear the staging folder {}: {source}",
                path.display()
            ),
        }
    }
}

// The message says the cause, so it is not given again as the source: printed as a chain
// (`{error:#}`), it would be said twice.
impl std::error::Error for StageError {}

/// What a stage took from its overlay.
#[derive(Debug, Default)]
pub struct Staged {
    /// The learner's files found in the overlay and laid over the stubs, relative to the root.
    pub overlaid: Vec<PathBuf>,
    /// The learner's files the overlay lacks: the stub stays in their place.
    pub missing: Vec<PathBuf>,
}

/// Copies `workbook` to `dest` (emptied first) and lays the learner's files from `overlay` over it.
///
/// `overlay` mirrors the workbook's layout: `overlay/days/day1-traits/src/ex1.rs` replaces
/// `days/day1-traits/src/ex1.rs`. With no overlay the stage holds the stubs as shipped.
pub fn stage(
    workbook: &Workbook,
    overlay: Option<&Path>,
    dest: &Path,
) -> Result<Staged, StageError> {
    if dest.exists() {
        std::fs::remove_dir_all(dest).map_err(|source| StageError::Clear {
            path: dest.to_owned(),
            source,
        })?;
    }
    copy_tree(&workbook.root, dest)?;
    let mut staged = Staged::default();
    let Some(overlay) = overlay else {
        return Ok(staged);
    };
    for unit in &workbook.units {
        for exercise in &unit.manifest.exercises {
            for file in &exercise.files {
                let relative = unit.dir.join(file);
                let from = overlay.join(&relative);
                if from.is_file() {
                    copy_file(&from, &dest.join(&relative))?;
                    staged.overlaid.push(relative);
                } else {
                    staged.missing.push(relative);
                }
            }
        }
    }
    Ok(staged)
}

/// Brings the stage at `dest` up to date with `workbook`, with `overrides` (a workbook-relative
/// path, and the file to take instead) laid over it, writing only the files whose content differs
/// and removing files the workbook no longer has. What did not change keeps its date, so cargo
/// rebuilds only what a change touches: the stage is graded again and again (the learner's own
/// tests against each planted bug), and a full copy each time would rebuild every crate.
pub fn sync(
    workbook: &Workbook,
    overrides: &[(PathBuf, PathBuf)],
    dest: &Path,
) -> Result<(), StageError> {
    sync_leaving_out(workbook, overrides, dest, &[])
}

/// The top-level folders of the workbook that a submission's stage never holds: the reference
/// solutions (with their alternatives and planted mistakes), which a student's code must not find.
pub const NOT_FOR_SUBMISSIONS: [&str; 1] = ["solutions"];

/// [`sync`], without the workbook's top-level folders named in `left_out` (a submission's stage
/// leaves out [`NOT_FOR_SUBMISSIONS`]).
pub fn sync_leaving_out(
    workbook: &Workbook,
    overrides: &[(PathBuf, PathBuf)],
    dest: &Path,
    left_out: &[&str],
) -> Result<(), StageError> {
    let mut wanted = std::collections::BTreeMap::new();
    list_files(&workbook.root, Path::new(""), &mut wanted)?;
    wanted.retain(|relative: &PathBuf, _| {
        !left_out.iter().any(|top| {
            relative.components().next() == Some(std::path::Component::Normal(top.as_ref()))
        })
    });
    for (relative, source) in overrides {
        wanted.insert(relative.clone(), source.clone());
    }
    let mut present = std::collections::BTreeMap::new();
    if dest.is_dir() {
        list_files(dest, Path::new(""), &mut present)?;
    }
    for (relative, staged) in &present {
        if !wanted.contains_key(relative) {
            std::fs::remove_file(staged).map_err(|source| StageError::Clear {
                path: staged.clone(),
                source,
            })?;
        }
    }
    for (relative, source) in &wanted {
        let to = dest.join(relative);
        let same = match (std::fs::read(source), std::fs::read(&to)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if !same {
            copy_file(source, &to)?;
        }
    }
    Ok(())
}

/// Every file under `root/relative` (but build output and version control), by relative path.
fn list_files(
    root: &Path,
    relative: &Path,
    into: &mut std::collections::BTreeMap<PathBuf, PathBuf>,
) -> Result<(), StageError> {
    let dir = root.join(relative);
    let error = |source| StageError::Copy {
        from: dir.clone(),
        to: dir.clone(),
        source,
    };
    for entry in std::fs::read_dir(&dir).map_err(error)? {
        let entry = entry.map_err(error)?;
        let name = entry.file_name();
        if SKIPPED.iter().any(|skip| name == *skip) {
            continue;
        }
        let file_type = entry.file_type().map_err(error)?;
        if file_type.is_dir() {
            list_files(root, &relative.join(&name), into)?;
        } else if file_type.is_file() {
            into.insert(relative.join(&name), entry.path());
        }
    }
    Ok(())
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), StageError> {
    std::fs::create_dir_all(to).map_err(|source| StageError::Copy {
        from: from.to_owned(),
        to: to.to_owned(),
        source,
    })?;
    let mut files = std::collections::BTreeMap::new();
    list_files(from, Path::new(""), &mut files)?;
    for (relative, source) in &files {
        copy_file(source, &to.join(relative))?;
    }
    Ok(())
}

pub(crate) fn copy_file(from: &Path, to: &Path) -> Result<(), StageError> {
    let error = |source| StageError::Copy {
        from: from.to_owned(),
        to: to.to_owned(),
        source,
    };
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).map_err(error)?;
    }
    std::fs::copy(from, to).map_err(error)?;
    date_now(to).map_err(error)
}

/// Sets the modification time of the file at `path` to now, so that it is newer than anything an
/// earlier stage built: macOS and Windows keep the source's time in a copy (rust-lang/rust#115982).
fn date_now(path: &Path) -> std::io::Result<()> {
    // Windows needs write access to change a time. A read-only file (a copy keeps the source's
    // permissions) cannot be opened for writing, but on Unix its owner may date it through a
    // read-only handle.
    let file = File::options()
        .write(true)
        .open(path)
        .or_else(|_| File::open(path))?;
    file.set_modified(SystemTime::now())
}

/// How [`copy_tree_keeping_times`] treats each file.
#[derive(Debug, Clone, Copy)]
pub struct TreeCopy {
    /// Hard-link files where the system allows it (a copy otherwise).
    pub link: bool,
    /// Leave a file that is already at the destination as it is.
    pub keep_existing: bool,
}

/// Copies the folder `from` to `to`, files and folders only, each file keeping its modification
/// time: cargo takes a build output dated after its sources as up to date, and a copy dated now
/// would make it build every dependency again.
pub fn copy_tree_keeping_times(from: &Path, to: &Path, how: TreeCopy) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let file_type = entry.file_type()?;
        let target = to.join(entry.file_name());
        if file_type.is_dir() {
            copy_tree_keeping_times(&entry.path(), &target, how)?;
        } else if file_type.is_file()
            && !(how.keep_existing && target.exists())
            && (!how.link || std::fs::hard_link(entry.path(), &target).is_err())
        {
            copy_keeping_time(&entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Copies one file and gives the copy the original's modification time.
fn copy_keeping_time(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::copy(from, to)?;
    let modified = std::fs::metadata(from)?.modified()?;
    std::fs::File::options()
        .write(true)
        .open(to)?
        .set_modified(modified)
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, SystemTime};

    use super::*;

    /// Linux's `std::fs::copy` makes a new file, dated now anyway: this checks the dating itself.
    #[test]
    fn dating_a_file_now_replaces_an_old_date() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("old.rs");
        std::fs::write(&path, "// old\n").unwrap();
        let long_ago = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
        File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        let before = SystemTime::now() - Duration::from_secs(2);
        date_now(&path).expect("the file is dated");
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        assert!(modified >= before, "still dated {modified:?}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "// old\n");
    }

    /// On macOS and Windows `std::fs::copy` keeps the source's date: this is the whole stage.
    #[test]
    fn a_staged_file_is_dated_now_not_as_its_source() {
        let workbook_dir = tempfile::tempdir().expect("a temporary folder");
        let source = workbook_dir.path().join("days").join("ex1.rs");
        std::fs::create_dir_all(source.parent().unwrap()).unwrap();
        std::fs::write(&source, "pub fn one() -> u32 { 1 }\n").unwrap();
        let long_ago = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000); // 2001
        File::options()
            .write(true)
            .open(&source)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        assert_eq!(
            std::fs::metadata(&source).unwrap().modified().unwrap(),
            long_ago,
            "the source is dated 2001 before it is staged"
        );
        let workbook = Workbook {
            root: workbook_dir.path().to_owned(),
            units: Vec::new(),
        };

        let stage_dir = tempfile::tempdir().expect("a temporary folder");
        let dest = stage_dir.path().join("stage");
        // Some file systems keep times in whole seconds (or two, FAT): allow for the rounding.
        let before = SystemTime::now() - Duration::from_secs(2);
        stage(&workbook, None, &dest).expect("the stage is laid");

        let staged = dest.join("days").join("ex1.rs");
        assert_eq!(
            std::fs::read_to_string(&staged).unwrap(),
            "pub fn one() -> u32 { 1 }\n"
        );
        let modified = std::fs::metadata(&staged).unwrap().modified().unwrap();
        assert!(
            modified >= before,
            "the staged copy is dated {modified:?}, before the stage was laid ({before:?}): \
             cargo would take an earlier stage's build of it as up to date"
        );
    }

    #[test]
    fn a_stage_error_names_the_paths_and_its_cause_once() {
        let copy = StageError::Copy {
            from: PathBuf::from("days/a.rs"),
            to: PathBuf::from("stage/a.rs"),
            source: std::io::Error::other("disk full"),
        };
        assert_eq!(
            copy.to_string(),
            "failed to copy days/a.rs to stage/a.rs: disk full"
        );
        assert!(
            std::error::Error::source(&copy).is_none(),
            "the message says the cause; given as the source too, a chain would print it twice"
        );
        let clear = StageError::Clear {
            path: PathBuf::from("stage"),
            source: std::io::Error::other("in use"),
        };
        assert_eq!(
            clear.to_string(),
            "failed to clear the staging folder stage: in use"
        );
        assert!(
            std::error::Error::source(&clear).is_none(),
            "the message says the cause; given as the source too, a chain would print it twice"
        );
    }
}
