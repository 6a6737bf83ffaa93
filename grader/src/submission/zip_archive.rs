//! A `.zip` submission, extracted entry by entry through the [`Extractor`]: links, devices and
//! entries that escape are refused, and each entry's bytes are counted against its compressed size.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use zip::result::ZipError;

use super::extract::{Extractor, shown, too_many_files};
use super::{ArchiveLimits, OpenError};

/// The file-type bits of a Unix mode, and the types a submission may hold.
const TYPE_MASK: u32 = 0o170_000;
const REGULAR: u32 = 0o100_000;
const DIRECTORY: u32 = 0o040_000;

/// Extracts the zip archive at `path` into `scratch`.
pub(super) fn extract(
    path: &Path,
    scratch: &Path,
    limits: &ArchiveLimits,
) -> Result<(), OpenError> {
    let unreadable =
        |e: std::io::Error| OpenError::Unreadable(format!("cannot read {}: {e}", path.display()));
    let file = File::open(path).map_err(unreadable)?;
    let archive_bytes = file.metadata().map_err(unreadable)?.len();
    let mut archive = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| {
        OpenError::Unreadable(format!(
            "a corrupt or truncated zip archive ({}): {e}; ask for it again",
            path.display()
        ))
    })?;
    if archive.len() > limits.max_files {
        return Err(too_many_files(limits.max_files));
    }
    let mut extractor = Extractor::new(scratch, limits).with_archive_size(archive_bytes);
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .map_err(|e| entry_error(index, &e))?;
        let name = match entry.name() {
            Ok(name) => name.into_owned(),
            Err(_) => String::from_utf8_lossy(entry.name_raw()).into_owned(),
        };
        let file_type = entry.unix_mode().map_or(0, |mode| mode & TYPE_MASK);
        if entry.is_symlink() {
            return Err(OpenError::Refused(format!(
                "entry {} is a symbolic link",
                shown(&name)
            )));
        }
        if file_type != 0 && file_type != REGULAR && file_type != DIRECTORY {
            return Err(OpenError::Refused(format!(
                "entry {} is a device or another special file",
                shown(&name)
            )));
        }
        if entry.is_dir() {
            extractor.folder(&name)?;
        } else {
            let compressed = entry.compressed_size();
            extractor.file(&name, &mut entry, Some(compressed))?;
        }
    }
    Ok(())
}

fn entry_error(index: usize, error: &ZipError) -> OpenError {
    match error {
        ZipError::UnsupportedArchive(what) => OpenError::Unreadable(format!(
            "the zip archive's entry {index} cannot be read: {what} (only stored and deflated, \
             unencrypted entries are)"
        )),
        ZipError::CompressionMethodNotSupported(method) => OpenError::Unreadable(format!(
            "the zip archive's entry {index} uses compression method {method}: only stored and \
             deflated entries are read; zip it again with the default settings"
        )),
        other => OpenError::Unreadable(format!(
            "corrupt or truncated zip archive: entry {index}: {other}"
        )),
    }
}
