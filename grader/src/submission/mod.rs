//! A student's submission as handed in (a folder, a git repository, a `.zip` or `.tar.gz`), opened
//! safely, and the learner files taken from it.
//!
//! [`open`] turns what was handed in into a folder that mirrors the workbook's layout: a folder is
//! read where it is; an archive is extracted into a scratch folder, entry by entry, refusing any
//! entry that could write outside it or expand without bound; a git repository gives its committed
//! `HEAD`, read as raw objects so that nothing its configuration names ever runs. [`take`] then
//! picks from that folder only the files each manifest names as the learner's, never following a
//! link, and lists what else the student changed.

mod extract;
mod git;
mod git_plumbing;
mod root;
mod take;
mod tar_archive;
mod zip_archive;

use std::fmt;
use std::path::{Path, PathBuf};

pub use take::{MAX_LEARNER_FILE_BYTES, Taken, take};

use crate::workbook::Workbook;

/// How far an archive may expand before it is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveLimits {
    /// The bytes written for all files together.
    pub max_total_bytes: u64,
    /// The entries (files and folders) an archive may hold.
    pub max_files: usize,
    /// The bytes written for any one file.
    pub max_file_bytes: u64,
    /// How many times its compressed size a file (a `.zip` entry) or the whole archive may
    /// expand to, once past [`ArchiveLimits::ratio_floor_bytes`]: source code compresses about 4
    /// to 10 times, a zip bomb a thousand times.
    pub max_ratio: u64,
    /// Below this many bytes the ratio is not checked (a small file of blanks compresses well).
    pub ratio_floor_bytes: u64,
}

impl Default for ArchiveLimits {
    fn default() -> Self {
        ArchiveLimits {
            max_total_bytes: 200 * 1024 * 1024,
            max_files: 20_000,
            max_file_bytes: 20 * 1024 * 1024,
            max_ratio: 200,
            ratio_floor_bytes: 1024 * 1024,
        }
    }
}

/// Why a submission could not be opened: the reason is the submission's result, not the batch's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// Not there, not an archive, corrupt or truncated, git missing: nothing could be read.
    Unreadable(String),
    /// Readable but refused unread: an entry that escapes, a link, a device, too large.
    Refused(String),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.reason())
    }
}

impl std::error::Error for OpenError {}

impl OpenError {
    /// The reason alone, for `SubmissionOutcome::{Unreadable, Refused}`.
    pub fn reason(&self) -> &str {
        match self {
            OpenError::Unreadable(reason) | OpenError::Refused(reason) => reason,
        }
    }

    /// The batch report's outcome for a submission that could not be opened.
    pub fn outcome(&self) -> crate::batch::SubmissionOutcome {
        use crate::batch::SubmissionOutcome;
        match self {
            OpenError::Unreadable(reason) => SubmissionOutcome::Unreadable {
                reason: reason.clone(),
            },
            OpenError::Refused(reason) => SubmissionOutcome::Refused {
                reason: reason.clone(),
            },
        }
    }
}

/// What was handed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubmissionKind {
    Folder,
    Git,
    Zip,
    TarGz,
}

/// A submission, opened: the folder where its copy of the workbook's layout is.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The folder that stands for the workbook root (inside the submission folder, or inside the
    /// scratch folder for an archive or a repository).
    pub root: PathBuf,
    pub kind: SubmissionKind,
    /// Things worth telling the instructor: uncommitted changes, a layout not found.
    pub notes: Vec<String>,
}

/// Opens the submission at `path`, extracting an archive or a repository's `HEAD` into `scratch`
/// (the caller's, absent or empty: nothing is ever written over; a folder submission is read
/// where it is), and finds the folder in it that mirrors `workbook`.
pub fn open(
    path: &Path,
    workbook: &Workbook,
    scratch: &Path,
    limits: &ArchiveLimits,
) -> Result<Opened, OpenError> {
    let metadata = std::fs::metadata(path)
        .map_err(|e| OpenError::Unreadable(format!("cannot read {}: {e}", path.display())))?;
    let mut notes = Vec::new();
    let mut work_tree = None;
    let (top, kind) = if metadata.is_dir() {
        if let Some(repository) = git::Repository::find(path)? {
            make_scratch(scratch)?;
            git::extract_head(&repository, scratch, limits, &mut notes)?;
            work_tree = repository.work_tree;
            (scratch.to_owned(), SubmissionKind::Git)
        } else {
            (path.to_owned(), SubmissionKind::Folder)
        }
    } else if metadata.is_file() {
        let kind = archive_kind(path)?;
        make_scratch(scratch)?;
        match kind {
            SubmissionKind::Zip => zip_archive::extract(path, scratch, limits)?,
            _ => tar_archive::extract_gz(path, scratch, limits)?,
        }
        (scratch.to_owned(), kind)
    } else {
        return Err(OpenError::Unreadable(format!(
            "{} is neither a folder nor a file",
            path.display()
        )));
    };
    let root = match root::find(&top, workbook) {
        Some(root) => root,
        None => {
            notes.push(
                "the workbook's layout (a days/ or capstone/ folder, or a learner file) was not \
                 found in the submission's top three folder levels: every exercise is graded as \
                 not started"
                    .to_owned(),
            );
            top.clone()
        }
    };
    if let Some(work_tree) = work_tree {
        let below = root.strip_prefix(&top).unwrap_or(Path::new(""));
        git::note_uncommitted(workbook, &work_tree.join(below), &root, &mut notes);
    }
    Ok(Opened { root, kind, notes })
}

/// Which archive a file is, by its first bytes (a download may have lost its extension), else by
/// its name (whose reader then says what is wrong with it), or why it is none.
fn archive_kind(path: &Path) -> Result<SubmissionKind, OpenError> {
    let mut start = [0u8; 4];
    let read = std::fs::File::open(path)
        .and_then(|mut file| std::io::Read::read(&mut file, &mut start))
        .unwrap_or(0);
    match &start[..read] {
        [b'P', b'K', 3, 4] | [b'P', b'K', 5, 6] => return Ok(SubmissionKind::Zip),
        [0x1f, 0x8b, ..] => return Ok(SubmissionKind::TarGz),
        _ => {}
    }
    let name = file_name_lowercase(path);
    if name.ends_with(".zip") {
        Ok(SubmissionKind::Zip)
    } else if name.ends_with(".tar.gz") || name.ends_with(".tgz") {
        Ok(SubmissionKind::TarGz)
    } else {
        Err(OpenError::Unreadable(format!(
            "{} is not a submission: hand in a folder, a git repository, a .zip or a .tar.gz",
            path.display()
        )))
    }
}

/// Creates the scratch folder, which must be empty: an entry is never written over a file.
fn make_scratch(scratch: &Path) -> Result<(), OpenError> {
    std::fs::create_dir_all(scratch).map_err(|e| {
        OpenError::Unreadable(format!(
            "cannot create the scratch folder {}: {e}",
            scratch.display()
        ))
    })?;
    let empty = std::fs::read_dir(scratch).is_ok_and(|mut entries| entries.next().is_none());
    if !empty {
        return Err(OpenError::Unreadable(format!(
            "the scratch folder {} is not empty: the grader must empty it before opening a \
             submission there",
            scratch.display()
        )));
    }
    Ok(())
}

fn file_name_lowercase(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Who handed it in: the file or folder name without its archive extension (`alice.zip`,
/// `alice.tar.gz`, `alice/` all give `alice`), with anything but letters, digits, `-`, `_` and
/// `.` replaced by `_`, so it is safe as a file name on every system.
pub fn student_name(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = [".tar.gz", ".tgz", ".zip", ".git"]
        .iter()
        .find_map(|extension| {
            let cut = name.len().checked_sub(extension.len())?;
            let suffix = name.get(cut..)?;
            suffix.eq_ignore_ascii_case(extension).then(|| &name[..cut])
        })
        .unwrap_or(name.as_str());
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let safe = safe.trim_matches('.');
    if safe.is_empty() {
        "submission".to_owned()
    } else {
        safe.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::{OpenError, student_name};
    use std::path::Path;

    #[test]
    fn student_names_drop_the_archive_extension_and_unsafe_characters() {
        assert_eq!(student_name(Path::new("/in/alice.zip")), "alice");
        assert_eq!(student_name(Path::new("/in/alice.tar.gz")), "alice");
        assert_eq!(student_name(Path::new("/in/Bob.TGZ")), "Bob");
        assert_eq!(student_name(Path::new("/in/carol")), "carol");
        assert_eq!(student_name(Path::new("/in/carol/")), "carol");
        assert_eq!(student_name(Path::new("/in/dan.git")), "dan");
        assert_eq!(student_name(Path::new("/in/e v:e*.zip")), "e_v_e_");
        assert_eq!(student_name(Path::new("/in/..zip")), "submission");
        assert_eq!(student_name(Path::new("/")), "submission");
    }

    #[test]
    fn an_open_error_reads_as_its_reason_alone() {
        let unreadable = OpenError::Unreadable("not a zip archive".into());
        assert_eq!(unreadable.to_string(), "not a zip archive");
        let refused = OpenError::Refused("`a/../../b` escapes the submission".into());
        assert_eq!(refused.to_string(), "`a/../../b` escapes the submission");
        assert!(std::error::Error::source(&refused).is_none());
    }
}
