//! One learner file back as shipped, after its current version went to a numbered backup beside it.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::SolutionError;
use super::diff::same_lines;

/// What became of one file.
#[derive(Debug, PartialEq, Eq)]
pub enum Restored {
    /// It already held the shipped lines: left alone, no backup.
    AlreadyShipped,
    /// It was missing: written, with nothing to back up.
    WasMissing,
    /// Written; the learner's version is in this backup (relative to the workbook root, `/`s).
    BackedUp(String),
}

/// Puts `shipped` at `path` (relative to `root`, with `/`s), keeping the learner's version: first
/// in a backup beside it (`ex2_mixins.rs.backup-1`: never overwritten, and never compiled since it
/// does not end in `.rs`), then the shipped text in its place, written whole or not at all.
pub fn restore(root: &Path, path: &str, shipped: &[u8]) -> Result<Restored, SolutionError> {
    let file = root.join(path);
    let current = match std::fs::read(&file) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(read_error(path, e)),
    };
    let Some(current) = current else {
        replace(&file, shipped).map_err(|e| write_error(path, None, e))?;
        return Ok(Restored::WasMissing);
    };
    let (ours, theirs) = (
        String::from_utf8_lossy(shipped),
        String::from_utf8_lossy(&current),
    );
    if same_lines(&ours, &theirs) {
        return Ok(Restored::AlreadyShipped);
    }
    let backup = write_backup(&file, &current).map_err(|e| SolutionError::Backup {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    let backup = format!("{path}{}", backup_suffix(&backup));
    // A checkout with CRLF line endings (Windows) gets the stub with CRLF too.
    let text = match theirs.contains("\r\n") && !ours.contains('\r') {
        true => ours.replace('\n', "\r\n").into_bytes(),
        false => shipped.to_vec(),
    };
    replace(&file, &text).map_err(|e| write_error(path, Some(&backup), e))?;
    Ok(Restored::BackedUp(backup))
}

/// The `.backup-N` that `backup` adds to its file's name.
fn backup_suffix(backup: &Path) -> String {
    let name = backup.file_name().unwrap_or_default().to_string_lossy();
    name.rfind(".backup-")
        .map(|at| name[at..].to_owned())
        .unwrap_or_default()
}

/// Writes `bytes` to `<file>.backup-N`, N one more than the highest backup there, never over an
/// existing file; returns its path.
fn write_backup(file: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let folder = file.parent().unwrap_or(Path::new("."));
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!("{name}.backup-");
    let highest = std::fs::read_dir(folder)?
        .flatten()
        .filter_map(|entry| {
            let entry = entry.file_name().to_string_lossy().into_owned();
            entry.strip_prefix(&prefix)?.parse::<u32>().ok()
        })
        .max()
        .unwrap_or(0);
    for n in highest + 1.. {
        let backup = folder.join(format!("{prefix}{n}"));
        match std::fs::File::create_new(&backup) {
            Ok(mut out) => {
                let written = out.write_all(bytes).and_then(|()| out.sync_all());
                if let Err(e) = written {
                    drop(out);
                    let _ = std::fs::remove_file(&backup);
                    return Err(e);
                }
                return Ok(backup);
            }
            // Another backup appeared meanwhile: take the next number.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    unreachable!("the backup numbers ran out")
}

/// Replaces `file` with `bytes` whole or not at all: a temporary file beside it, renamed over it,
/// with the old file's permissions.
fn replace(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = file.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let mut temporary = tempfile::Builder::new()
        .prefix(".grader-reset-")
        .tempfile_in(folder)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    if let Ok(metadata) = std::fs::metadata(file) {
        std::fs::set_permissions(temporary.path(), metadata.permissions())?;
    }
    temporary.persist(file).map_err(|e| e.error)?;
    Ok(())
}

fn read_error(path: &str, e: std::io::Error) -> SolutionError {
    SolutionError::Read {
        path: path.to_owned(),
        message: e.to_string(),
    }
}

fn write_error(path: &str, backup: Option<&str>, e: std::io::Error) -> SolutionError {
    SolutionError::Write {
        path: path.to_owned(),
        backup: backup.map(str::to_owned),
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_cannot_be_read_is_neither_backed_up_nor_replaced() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("src/ex1.rs")).unwrap();
        let error = restore(root.path(), "src/ex1.rs", b"stub\n").unwrap_err();
        assert!(matches!(error, SolutionError::Read { .. }), "{error}");
        assert!(root.path().join("src/ex1.rs").is_dir());
        let names: Vec<_> = std::fs::read_dir(root.path().join("src"))
            .unwrap()
            .collect();
        assert_eq!(names.len(), 1, "no backup, no temporary file");
    }

    #[test]
    fn backups_are_numbered_after_the_highest_and_keep_the_bytes() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("src")).unwrap();
        std::fs::write(root.path().join("src/ex1.rs"), "mine\r\n").unwrap();
        std::fs::write(root.path().join("src/ex1.rs.backup-7"), "old").unwrap();
        std::fs::write(root.path().join("src/ex1.rs.backup-x"), "not a number").unwrap();
        let restored = restore(root.path(), "src/ex1.rs", b"stub\n").unwrap();
        assert_eq!(
            restored,
            Restored::BackedUp("src/ex1.rs.backup-8".to_owned())
        );
        let read = |name: &str| std::fs::read(root.path().join("src").join(name)).unwrap();
        assert_eq!(read("ex1.rs.backup-8"), b"mine\r\n");
        assert_eq!(
            read("ex1.rs"),
            b"stub\r\n",
            "CRLF like the file it replaces"
        );
        assert_eq!(read("ex1.rs.backup-7"), b"old");
    }
}
