//! Git's plumbing, run so that the repository's configuration gets nothing to run: `git ls-tree`
//! lists the committed `HEAD`, `git cat-file --batch` gives each file's bytes as committed (no
//! filter, no hook, no pager, no network), and each file goes through the [`Extractor`].

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::process::OwnChild;

use super::extract::{Extractor, shown, too_many_files};
use super::{ArchiveLimits, OpenError};

/// One file of the committed tree.
pub(super) struct Blob {
    path: String,
    object: String,
}

/// Git, run with the repository's power to run anything taken away.
pub(super) struct Git {
    git_dir: PathBuf,
    /// An empty folder for `core.hooksPath` (no `/dev/null` on Windows), and git's stderr.
    private: tempfile::TempDir,
}

impl Git {
    pub(super) fn new(git_dir: &Path) -> Result<Git, OpenError> {
        let private = tempfile::Builder::new()
            .prefix("grader-git-")
            .tempdir()
            .map_err(|e| OpenError::Unreadable(format!("cannot create a temporary folder: {e}")))?;
        std::fs::create_dir(private.path().join("hooks"))
            .map_err(|e| OpenError::Unreadable(format!("cannot create a temporary folder: {e}")))?;
        Ok(Git {
            git_dir: git_dir.to_owned(),
            private,
        })
    }

    fn command(&self, args: &[&str]) -> Result<OwnChild, OpenError> {
        let hooks = self.private.path().join("hooks");
        let stderr = std::fs::File::create(self.private.path().join("stderr"))
            .map_err(|e| OpenError::Unreadable(format!("cannot create a temporary file: {e}")))?;
        let mut command = Command::new("git");
        command.arg("--no-pager").arg("--no-replace-objects");
        for setting in [
            "core.fsmonitor=false".to_owned(),
            format!("core.hooksPath={}", hooks.display()),
            "safe.directory=*".to_owned(),
            "core.untrackedCache=false".to_owned(),
            "protocol.allow=never".to_owned(),
        ] {
            command.arg("-c").arg(setting);
        }
        for protocol in ["file", "git", "http", "https", "ssh", "ext"] {
            command
                .arg("-c")
                .arg(format!("protocol.{protocol}.allow=never"));
        }
        for variable in [
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_INDEX_FILE",
            "GIT_OBJECT_DIRECTORY",
            "GIT_ALTERNATE_OBJECT_DIRECTORIES",
            "GIT_COMMON_DIR",
            "GIT_NAMESPACE",
            "GIT_CONFIG",
            "GIT_CONFIG_PARAMETERS",
            "GIT_CONFIG_COUNT",
            "GIT_EXTERNAL_DIFF",
            "GIT_SSH",
            "GIT_SSH_COMMAND",
        ] {
            command.env_remove(variable);
        }
        command
            .arg("--git-dir")
            .arg(&self.git_dir)
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_NO_LAZY_FETCH", "1")
            .env("GIT_OPTIONAL_LOCKS", "0")
            .env("GIT_PAGER", "cat")
            .env("PAGER", "cat")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr);
        crate::process::spawn_own(&mut command).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => OpenError::Unreadable(
                "git is not installed (or not on PATH): a git repository cannot be read \
                 without it; install git, or hand in the submission as a folder or an archive"
                    .to_owned(),
            ),
            _ => OpenError::Unreadable(format!("cannot run git: {e}")),
        })
    }

    /// What git said on stderr, first line.
    fn complaint(&self) -> String {
        let text = std::fs::read_to_string(self.private.path().join("stderr")).unwrap_or_default();
        text.lines()
            .next()
            .unwrap_or("no message")
            .trim()
            .to_owned()
    }

    /// The files of the committed tree, refusing links and more than `max_files` of them.
    pub(super) fn list_head(
        &self,
        limits: &ArchiveLimits,
        notes: &mut Vec<String>,
    ) -> Result<Vec<Blob>, OpenError> {
        let mut child = Reaped(self.command(&["ls-tree", "-r", "-z", "--full-tree", "HEAD"])?);
        let stdout = child.0.stdout.take().expect("stdout is piped");
        let mut reader = BufReader::new(stdout);
        let mut blobs = Vec::new();
        let mut record = Vec::new();
        loop {
            record.clear();
            let read = (&mut reader)
                .take(64 * 1024)
                .read_until(0, &mut record)
                .map_err(|e| OpenError::Unreadable(format!("cannot read git's output: {e}")))?;
            if read == 0 {
                break;
            }
            if blobs.len() >= limits.max_files {
                return Err(too_many_files(limits.max_files));
            }
            let record = String::from_utf8_lossy(record.strip_suffix(b"\0").unwrap_or(&record));
            let Some((meta, path)) = record.split_once('\t') else {
                return Err(OpenError::Unreadable(format!(
                    "unexpected output from git ls-tree: {}",
                    shown(&record)
                )));
            };
            let mut fields = meta.split_whitespace();
            let (mode, object) = (fields.next().unwrap_or(""), fields.nth(1).unwrap_or(""));
            match mode {
                "100644" | "100755" => blobs.push(Blob {
                    path: path.to_owned(),
                    object: object.to_owned(),
                }),
                "120000" => {
                    return Err(OpenError::Refused(format!(
                        "committed file {} is a symbolic link",
                        shown(path)
                    )));
                }
                "160000" => notes.push(format!(
                    "submodule {} was not included: only the repository's own files are graded",
                    shown(path)
                )),
                other => {
                    return Err(OpenError::Refused(format!(
                        "committed file {} has a mode git does not make ({other})",
                        shown(path)
                    )));
                }
            }
        }
        let status = child
            .0
            .wait()
            .map_err(|e| OpenError::Unreadable(e.to_string()))?;
        if !status.success() {
            let complaint = self.complaint();
            return Err(OpenError::Unreadable(
                if complaint
                    .to_lowercase()
                    .contains("not a valid object name head")
                {
                    "the git repository has no commits: commit the work, then hand it in".to_owned()
                } else {
                    format!("git cannot read the repository: {complaint}")
                },
            ));
        }
        Ok(blobs)
    }

    /// Writes each blob's content, as `git cat-file --batch` gives it, through `extractor`.
    pub(super) fn write_blobs(
        &self,
        blobs: &[Blob],
        extractor: &mut Extractor<'_>,
    ) -> Result<(), OpenError> {
        let mut child = Reaped(self.command(&["cat-file", "--batch"])?);
        let mut stdin = child.0.stdin.take().expect("stdin is piped");
        let mut stdout = BufReader::new(child.0.stdout.take().expect("stdout is piped"));
        let broken = |e: std::io::Error| {
            OpenError::Unreadable(format!("git cat-file failed ({e}): {}", self.complaint()))
        };
        for blob in blobs {
            writeln!(stdin, "{}", blob.object)
                .and_then(|()| stdin.flush())
                .map_err(broken)?;
            let mut header = Vec::new();
            (&mut stdout)
                .take(256)
                .read_until(b'\n', &mut header)
                .map_err(broken)?;
            let header = String::from_utf8_lossy(&header);
            let size = match header.split_whitespace().collect::<Vec<_>>()[..] {
                [_, "blob", size] => size.parse::<u64>().ok(),
                _ => None,
            };
            let Some(size) = size else {
                return Err(OpenError::Unreadable(format!(
                    "the repository lacks the content of {} (git says {}): it is incomplete \
                     or corrupt",
                    shown(&blob.path),
                    shown(header.trim())
                )));
            };
            let mut content = (&mut stdout).take(size);
            extractor.file(&blob.path, &mut content, None)?;
            if content.limit() != 0 {
                return Err(OpenError::Unreadable(format!(
                    "git's output ended inside {}",
                    shown(&blob.path)
                )));
            }
            let mut newline = [0u8; 1];
            stdout.read_exact(&mut newline).map_err(broken)?;
        }
        Ok(())
    }
}

/// A child process that is killed and waited for when dropped, however its reader ended.
struct Reaped(OwnChild);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
