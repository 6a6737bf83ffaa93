//! A `.tar.gz` submission, extracted entry by entry through the [`Extractor`], with the
//! decompressed stream itself bounded (a gzip bomb expands in headers and padding too).

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use tar::EntryType;

use super::extract::{Extractor, Refusal, read_error, shown, too_large};
use super::{ArchiveLimits, OpenError};

/// Room in a tar stream for each entry's header, long-name records and padding.
const BYTES_PER_ENTRY: u64 = 4 * 512;

/// Extracts the gzip-compressed tar archive at `path` into `scratch`.
pub(super) fn extract_gz(
    path: &Path,
    scratch: &Path,
    limits: &ArchiveLimits,
) -> Result<(), OpenError> {
    let unreadable =
        |e: std::io::Error| OpenError::Unreadable(format!("cannot read {}: {e}", path.display()));
    let mut file = File::open(path).map_err(unreadable)?;
    let compressed = file.metadata().map_err(unreadable)?.len();
    let mut magic = [0u8; 2];
    if file.read_exact(&mut magic).is_err() || magic != [0x1f, 0x8b] {
        return Err(OpenError::Unreadable(format!(
            "not a .tar.gz archive (no gzip header): {}",
            path.display()
        )));
    }
    let file = File::open(path).map_err(unreadable)?;
    let gzip = flate2::read::GzDecoder::new(BufReader::new(file));
    let ratio_limit = compressed
        .saturating_mul(limits.max_ratio)
        .max(limits.ratio_floor_bytes);
    let stream = Bounded {
        inner: gzip,
        read: 0,
        limit: stream_limit(limits).min(ratio_limit),
        refusal: if ratio_limit < stream_limit(limits) {
            format!(
                "the archive expands more than {} times its compressed size (a gzip bomb)",
                limits.max_ratio
            )
        } else {
            too_large(limits.max_total_bytes).reason().to_owned()
        },
    };
    extract_tar(stream, scratch, limits)
}

/// The most a tar stream may hold: the content limit and room for every entry's headers.
fn stream_limit(limits: &ArchiveLimits) -> u64 {
    let entries = u64::try_from(limits.max_files).unwrap_or(u64::MAX);
    limits
        .max_total_bytes
        .saturating_add(entries.saturating_add(2).saturating_mul(BYTES_PER_ENTRY))
}

/// Extracts a tar stream into `scratch`, refusing links, devices and entries that escape.
fn extract_tar(stream: impl Read, scratch: &Path, limits: &ArchiveLimits) -> Result<(), OpenError> {
    let mut archive = tar::Archive::new(stream);
    let entries = archive
        .entries()
        .map_err(|e| read_error(e, "the tar archive"))?;
    let mut extractor = Extractor::new(scratch, limits);
    for entry in entries {
        let mut entry = entry.map_err(|e| read_error(e, "an entry's header"))?;
        let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let refuse = |why: &str| Err(OpenError::Refused(format!("entry {} {why}", shown(&name))));
        match entry.header().entry_type() {
            EntryType::Regular | EntryType::Continuous => {
                extractor.file(&name, &mut entry, None)?;
            }
            EntryType::Directory => extractor.folder(&name)?,
            EntryType::Symlink => return refuse("is a symbolic link"),
            EntryType::Link => return refuse("is a hard link"),
            EntryType::Char | EntryType::Block | EntryType::Fifo => {
                return refuse("is a device or another special file");
            }
            // Metadata for the entries that follow (git's commit id, long names): no file.
            EntryType::XGlobalHeader | EntryType::XHeader => extractor.count_entry()?,
            other => return refuse(&format!("is a kind of tar entry not extracted ({other:?})")),
        }
    }
    Ok(())
}

/// A reader that fails with a [`Refusal`] once more than `limit` bytes came through it.
struct Bounded<R> {
    inner: R,
    read: u64,
    limit: u64,
    refusal: String,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buffer)?;
        self.read += read as u64;
        if self.read > self.limit {
            return Err(std::io::Error::other(Refusal(self.refusal.clone())));
        }
        Ok(read)
    }
}
