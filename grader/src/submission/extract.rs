//! The one way an archive's or a repository's entries reach the disk: each name checked (no `..`,
//! no absolute path, no drive), each file created new inside the scratch folder, and every byte
//! counted as it is written, against the limits, whatever the entry's header claimed.

use std::fs::OpenOptions;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::{ArchiveLimits, OpenError};

const MIB: u64 = 1024 * 1024;

/// A refusal raised inside a reader (a stream that expands too far), carried through `io::Error`
/// so that the extraction reports it as a refusal rather than as a corrupt archive.
#[derive(Debug)]
pub(super) struct Refusal(pub String);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refusal {}

/// The error an archive reader failed with: a refusal it carried, or a corrupt archive.
pub(super) fn read_error(error: std::io::Error, context: &str) -> OpenError {
    match error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<Refusal>())
    {
        Some(refusal) => OpenError::Refused(refusal.0.clone()),
        None => OpenError::Unreadable(format!("corrupt or truncated archive: {context}: {error}")),
    }
}

/// An entry's name as it can be shown safely: control characters escaped, at most 200 characters.
pub(super) fn shown(name: &str) -> String {
    let escaped: String = name.chars().flat_map(char::escape_debug).collect();
    match escaped.char_indices().nth(200) {
        Some((cut, _)) => format!("`{}…`", &escaped[..cut]),
        None => format!("`{escaped}`"),
    }
}

/// The path an entry named `name` (with `/` or `\` separators) stands for, relative to the
/// scratch folder; `None` for the archive's top itself (`./`).
pub(super) fn entry_path(name: &str) -> Result<Option<PathBuf>, OpenError> {
    let refuse = |why: &str| Err(OpenError::Refused(format!("entry {} {why}", shown(name))));
    if name.contains('\0') {
        return refuse("has a NUL character in its name");
    }
    if name.starts_with(['/', '\\']) {
        return refuse("is an absolute path");
    }
    if let [drive, b':', ..] = name.as_bytes()
        && drive.is_ascii_alphabetic()
    {
        return refuse("names a Windows drive");
    }
    let mut path = PathBuf::new();
    for part in name.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => return refuse("climbs out of the archive with `..`"),
            part if part.contains(':') => {
                return refuse("has a `:` in its name (a Windows drive or stream)");
            }
            part if cfg!(windows) && is_reserved_on_windows(part) => {
                return refuse("is a name Windows reserves for a device");
            }
            part => path.push(part),
        }
    }
    Ok((!path.as_os_str().is_empty()).then_some(path))
}

/// `CON`, `NUL`, `COM1`, `aux.rs`…: names that open a device on Windows, whatever the extension.
fn is_reserved_on_windows(part: &str) -> bool {
    let stem = part.split('.').next().unwrap_or(part).trim_end();
    let upper = stem.to_ascii_uppercase();
    matches!(
        upper.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) || ((upper.starts_with("COM") || upper.starts_with("LPT"))
        && upper.len() == 4
        && upper.as_bytes()[3].is_ascii_digit())
}

/// Writes entries into the scratch folder, counting them and their bytes.
pub(super) struct Extractor<'a> {
    scratch: &'a Path,
    limits: &'a ArchiveLimits,
    entries: usize,
    total_bytes: u64,
    /// The archive's own size, for the ratio of all it expands to (an entry's compressed size
    /// is the archive's word, which a hostile one can inflate).
    archive_bytes: Option<u64>,
}

impl<'a> Extractor<'a> {
    pub(super) fn new(scratch: &'a Path, limits: &'a ArchiveLimits) -> Self {
        Extractor {
            scratch,
            limits,
            entries: 0,
            total_bytes: 0,
            archive_bytes: None,
        }
    }

    /// Checks the ratio of everything written to the archive's size, `archive_bytes`, too.
    pub(super) fn with_archive_size(mut self, archive_bytes: u64) -> Self {
        self.archive_bytes = Some(archive_bytes);
        self
    }

    /// Counts one more entry, refusing the archive past `max_files`.
    pub(super) fn count_entry(&mut self) -> Result<(), OpenError> {
        self.entries += 1;
        if self.entries > self.limits.max_files {
            return Err(too_many_files(self.limits.max_files));
        }
        Ok(())
    }

    /// Creates the folder an entry names.
    pub(super) fn folder(&mut self, name: &str) -> Result<(), OpenError> {
        self.count_entry()?;
        if let Some(relative) = entry_path(name)? {
            create_folder(&self.scratch.join(relative), name)?;
        }
        Ok(())
    }

    /// Writes the file an entry names with `content`, which was `compressed` bytes in the archive
    /// when that is known for this entry alone (a zip entry), for the ratio check.
    pub(super) fn file(
        &mut self,
        name: &str,
        content: &mut dyn Read,
        compressed: Option<u64>,
    ) -> Result<(), OpenError> {
        self.count_entry()?;
        let Some(relative) = entry_path(name)? else {
            return Err(OpenError::Refused(format!(
                "entry {} is a file with no name",
                shown(name)
            )));
        };
        let destination = self.scratch.join(&relative);
        if let Some(parent) = destination.parent() {
            create_folder(parent, name)?;
        }
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&destination)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => OpenError::Refused(format!(
                    "entry {} appears twice (or as names that differ only in case)",
                    shown(name)
                )),
                _ => OpenError::Unreadable(format!("cannot write entry {}: {e}", shown(name))),
            })?;
        let mut buffer = vec![0u8; 64 * 1024];
        let mut file_bytes = 0u64;
        loop {
            let read = match content.read(&mut buffer) {
                Ok(0) => break,
                Ok(read) => read,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(read_error(e, &format!("entry {}", shown(name)))),
            };
            file_bytes += read as u64;
            self.total_bytes += read as u64;
            self.check(name, file_bytes, compressed)?;
            file.write_all(&buffer[..read]).map_err(|e| {
                OpenError::Unreadable(format!("cannot write entry {}: {e}", shown(name)))
            })?;
        }
        Ok(())
    }

    fn check(&self, name: &str, file_bytes: u64, compressed: Option<u64>) -> Result<(), OpenError> {
        let limits = self.limits;
        if file_bytes > limits.max_file_bytes {
            return Err(OpenError::Refused(format!(
                "entry {} expands past {} for one file",
                shown(name),
                megabytes(limits.max_file_bytes)
            )));
        }
        if self.total_bytes > limits.max_total_bytes {
            return Err(too_large(limits.max_total_bytes));
        }
        let past = |written: u64, compressed: u64| {
            written > limits.ratio_floor_bytes
                && written > compressed.saturating_mul(limits.max_ratio)
        };
        if let Some(compressed) = compressed
            && past(file_bytes, compressed)
        {
            return Err(OpenError::Refused(format!(
                "entry {} expands more than {} times its compressed size (a zip bomb)",
                shown(name),
                limits.max_ratio
            )));
        }
        if let Some(archive_bytes) = self.archive_bytes
            && past(self.total_bytes, archive_bytes)
        {
            return Err(OpenError::Refused(format!(
                "the archive expands more than {} times its own size (a zip bomb)",
                limits.max_ratio
            )));
        }
        Ok(())
    }
}

fn create_folder(path: &Path, name: &str) -> Result<(), OpenError> {
    std::fs::create_dir_all(path).map_err(|e| {
        OpenError::Refused(format!(
            "entry {} needs a folder where another entry is a file: {e}",
            shown(name)
        ))
    })
}

pub(super) fn too_many_files(max_files: usize) -> OpenError {
    OpenError::Refused(format!("the archive has more than {max_files} entries"))
}

pub(super) fn too_large(max_total_bytes: u64) -> OpenError {
    OpenError::Refused(format!(
        "the archive expands past {} in all",
        megabytes(max_total_bytes)
    ))
}

pub(super) fn megabytes(bytes: u64) -> String {
    if bytes >= MIB {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(name: &str) -> String {
        match entry_path(name) {
            Err(OpenError::Refused(reason)) => reason,
            other => panic!("{name} was not refused: {other:?}"),
        }
    }

    #[test]
    fn names_that_escape_or_are_absolute_are_refused() {
        assert!(refused("../evil.rs").contains("climbs out"));
        assert!(refused("a/../../evil.rs").contains("climbs out"));
        assert!(refused("a\\..\\evil.rs").contains("climbs out"));
        assert!(refused("/etc/passwd").contains("absolute"));
        assert!(refused("\\\\server\\share\\x").contains("absolute"));
        assert!(refused("C:\\Windows\\x").contains("drive"));
        assert!(refused("c:/x").contains("drive"));
        assert!(refused("a/b:stream").contains("`:`"));
        assert!(refused("a\0b").contains("NUL"));
    }

    #[test]
    fn ordinary_names_become_relative_paths() {
        let path = entry_path("./repo-main/days/x.rs").unwrap().unwrap();
        assert_eq!(path, Path::new("repo-main").join("days").join("x.rs"));
        assert_eq!(
            entry_path("a\\b.rs").unwrap().unwrap(),
            Path::new("a").join("b.rs")
        );
        assert_eq!(entry_path("./").unwrap(), None);
    }

    #[test]
    fn reserved_windows_names_are_recognised() {
        assert!(is_reserved_on_windows("aux.rs"));
        assert!(is_reserved_on_windows("COM1"));
        assert!(!is_reserved_on_windows("auxiliary.rs"));
        assert!(!is_reserved_on_windows("com.rs"));
    }

    #[test]
    fn shown_names_escape_control_characters() {
        assert_eq!(shown("a\u{1b}[31mb"), "`a\\u{1b}[31mb`");
        assert!(shown(&"x".repeat(500)).ends_with("…`"));
    }
}
