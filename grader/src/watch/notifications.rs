//! The OS's file notifications (inotify, FSEvents, ReadDirectoryChangesW, through notify) about
//! the folders that hold the watched files. Built with the `file-notifications` feature only.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use notify::{ErrorKind, RecursiveMode, Watcher as _};

use super::filter::{PathFilter, Relevance};
use super::source::Signal;

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
