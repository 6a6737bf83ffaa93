//! Where news of changes comes from: the OS's file notifications, or a look every second.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use notify::{ErrorKind, RecursiveMode, Watcher as _};

use super::filter::{PathFilter, Relevance};
use super::snapshot::Snapshot;

/// How often `--poll` looks at the files.
pub(crate) const POLL_EVERY: Duration = Duration::from_secs(1);
/// How often it looks for a second after it saw a change, to see a burst of saves to its end.
const HOT_LOOK: Duration = Duration::from_millis(100);
const HOT_FOR: Duration = Duration::from_secs(1);

/// News from a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Signal {
    /// These watched files were written, renamed over, created or removed.
    Touched(Vec<PathBuf>),
    /// A folder on the way to them changed, or the OS lost track: look at them all.
    Folders,
    /// Notifications stopped working, for this reason.
    Failed(String),
}

/// The OS's file notifications about the folders that hold the watched files.
pub(crate) struct NotifySource {
    watcher: notify::RecommendedWatcher,
    files: Vec<PathBuf>,
    watched: Vec<PathBuf>,
}

impl NotifySource {
    /// Starts watching, or says why it cannot.
    pub(crate) fn start(files: &[PathBuf], signals: Sender<Signal>) -> Result<Self, String> {
        let filter = PathFilter::new(files);
        let watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
            let signal = match result {
                Ok(event) => match filter.relevance(&event.kind, &event.paths, event.need_rescan())
                {
                    Relevance::None => return,
                    Relevance::Folders => Signal::Folders,
                    Relevance::Files(files) => Signal::Touched(files),
                },
                Err(error)
                    if matches!(
                        error.kind,
                        ErrorKind::PathNotFound | ErrorKind::WatchNotFound
                    ) =>
                {
                    Signal::Folders
                }
                Err(error) => Signal::Failed(reason(&error)),
            };
            let _ = signals.send(signal);
        })
        .map_err(|error| reason(&error))?;
        let mut source = NotifySource {
            watcher,
            files: files.to_vec(),
            watched: Vec::new(),
        };
        source.refresh(true)?;
        Ok(source)
    }

    /// Watches the folders that hold the files now: again when `again` (a folder removed and
    /// made anew is another folder to the OS), else only when they are not those watched.
    pub(crate) fn refresh(&mut self, again: bool) -> Result<(), String> {
        let folders = folders_of(&self.files);
        if !again && folders == self.watched {
            return Ok(());
        }
        for folder in self.watched.drain(..) {
            let _ = self.watcher.unwatch(&folder);
        }
        for folder in folders {
            self.watcher
                .watch(&folder, RecursiveMode::NonRecursive)
                .map_err(|error| reason(&error))?;
            self.watched.push(folder);
        }
        Ok(())
    }
}

/// The folders to watch: each file's, or its nearest existing ancestor while it does not exist
/// (a learner file's folder made later is seen there, and then watched itself).
fn folders_of(files: &[PathBuf]) -> Vec<PathBuf> {
    let nearest = |file: &Path| {
        file.ancestors()
            .skip(1)
            .find(|folder| folder.is_dir())
            .map(Path::to_owned)
    };
    let folders: BTreeSet<PathBuf> = files.iter().filter_map(|f| nearest(f)).collect();
    folders.into_iter().collect()
}

/// Why notifications failed, in the learner's words, with what to do where there is something.
fn reason(error: &notify::Error) -> String {
    match &error.kind {
        ErrorKind::MaxFilesWatch => "the system's limit of watched folders is reached; on Linux, \
             `sudo sysctl fs.inotify.max_user_watches=524288` raises it"
            .to_owned(),
        ErrorKind::Io(io) => format!("{io}"),
        _ => error.to_string(),
    }
}

/// Looks at the files every [`POLL_EVERY`] (every [`HOT_LOOK`] for a while after a change) and
/// signals the files whose content changed, until the receiver is gone.
pub(crate) fn start_polling(files: Vec<PathBuf>, signals: Sender<Signal>) {
    std::thread::spawn(move || {
        let mut seen = Snapshot::take(&files);
        let mut last_change: Option<Instant> = None;
        loop {
            let hot = last_change.is_some_and(|at| at.elapsed() < HOT_FOR);
            std::thread::sleep(if hot { HOT_LOOK } else { POLL_EVERY });
            let now = Snapshot::take(&files);
            let changed = now.changed_since(&seen);
            if changed.is_empty() {
                continue;
            }
            last_change = Some(Instant::now());
            seen = now;
            if signals.send(Signal::Touched(changed)).is_err() {
                return;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_folder_is_watched_through_its_nearest_existing_ancestor() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let src = dir.path().join("src");
        std::fs::create_dir(&src).unwrap();
        let files = [
            src.join("a.rs"),
            src.join("b.rs"),
            dir.path().join("tests").join("deep").join("my_tests.rs"),
        ];
        assert_eq!(folders_of(&files), vec![dir.path().to_owned(), src]);
    }

    #[test]
    fn the_watch_limit_says_how_to_raise_it() {
        let why = reason(&notify::Error::new(ErrorKind::MaxFilesWatch));
        assert!(why.contains("fs.inotify.max_user_watches"), "{why}");
    }
}
