//! `--watch`: grade, then grade again each time one of a unit's files is saved.
//!
//! The folders that hold the learner files are watched (not each file: editors save by writing a
//! temporary file and renaming it over the old one, which ends a watch on the file itself), and
//! only events that may change a learner file count ([`filter`]). A burst of them is one change
//! ([`debounce`]); the files' contents then decide whether anything changed since the last grade
//! ([`snapshot`]), so that a save during a grade grades once more after it, and a save that
//! changed nothing grades nothing. `--poll`, or notifications that cannot be set up, look at the
//! files' contents every second instead ([`source`]). The notifications themselves
//! (`notifications.rs`) come with the `file-notifications` feature.
//!
//! Ctrl-C is the grader's own handler ([`crate::process::stop_all_on_signal`]): it stops the build
//! or the tests running, prints the note set here and exits with 130.

mod debounce;
#[cfg(feature = "file-notifications")]
mod filter;
#[cfg(feature = "file-notifications")]
mod notifications;
mod screen;
mod snapshot;
mod source;

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::workbook::Unit;
use debounce::Debouncer;
use notifications::NotifySource;
use screen::Screen;
use snapshot::Snapshot;
use source::Signal;

/// Whether this grader was built with the OS's file notifications (the `file-notifications`
/// feature). The learners' first build leaves them out, to be ready sooner; `cargo day N --watch`
/// then runs itself again in a grader built with them.
pub const FILE_NOTIFICATIONS: bool = cfg!(feature = "file-notifications");

/// Without the `file-notifications` feature there are none: a watch asked for them looks at the
/// files every second instead, and says why.
#[cfg(not(feature = "file-notifications"))]
mod notifications {
    use std::path::PathBuf;
    use std::sync::mpsc::Sender;

    use super::source::Signal;

    pub(crate) struct NotifySource;

    impl NotifySource {
        pub(crate) fn start(_: &[PathBuf], _: Sender<Signal>) -> Result<Self, String> {
            Err(
                "this grader was built without file notifications (its `file-notifications` \
                 feature)"
                    .to_owned(),
            )
        }

        pub(crate) fn refresh(&mut self, _: bool) -> Result<(), String> {
            Ok(())
        }
    }
}

/// How long the files must stay untouched before a burst of saves is graded.
const QUIET: Duration = Duration::from_millis(200);
/// The same for `--poll`, whose looks come 100 ms apart while the files change.
const QUIET_POLLING: Duration = Duration::from_millis(300);
/// The longest a burst of saves waits for its grade.
const LONGEST: Duration = Duration::from_secs(3);

/// How changes are noticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WatchMode {
    /// The operating system's file notifications.
    Notify,
    /// Looking at the files every second (`--poll`).
    Poll,
}

#[derive(Debug)]
pub enum WatchError {
    NoFiles,
}

impl fmt::Display for WatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WatchError::NoFiles => f.write_str(
                "there are no files to watch: the unit's exercises.toml names no learner files",
            ),
        }
    }
}

impl std::error::Error for WatchError {}

/// The files whose change re-grades `unit`: its exercises' learner files, each once, also those
/// that do not exist yet (one made later is graded); and every Rust file already in its crates'
/// `src/` folders, so that a module a learner split off is watched too. (Instructors' grading
/// takes only the learner files; a module file made after the watch started is seen at the next
/// start.)
pub fn watched_paths(root: &Path, unit: &Unit) -> Vec<PathBuf> {
    let mut seen = BTreeSet::new();
    let mut paths: Vec<PathBuf> = unit
        .learner_files()
        .map(|file| root.join(file))
        .filter(|path| seen.insert(path.clone()))
        .collect();
    for krate in &unit.crates {
        add_rust_files(&root.join(&krate.dir).join("src"), &mut seen, &mut paths);
    }
    paths
}

fn add_rust_files(folder: &Path, seen: &mut BTreeSet<PathBuf>, paths: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => add_rust_files(&path, seen, paths),
            Ok(kind)
                if kind.is_file()
                    && path.extension().is_some_and(|e| e == "rs")
                    && seen.insert(path.clone()) =>
            {
                paths.push(path);
            }
            _ => {}
        }
    }
}

/// Runs `grade` once, then again after each change to one of `paths` (with the files that
/// changed), until Ctrl-C ends the process.
pub fn watch(
    paths: &[PathBuf],
    mode: WatchMode,
    grade: &mut dyn FnMut(&[PathBuf]),
) -> Result<(), WatchError> {
    if paths.is_empty() {
        return Err(WatchError::NoFiles);
    }
    crate::process::note_on_interrupt("Stopped watching.".to_owned());
    let screen = Screen::new(paths);
    let (sender, signals) = mpsc::channel();
    let mut notify = match mode {
        WatchMode::Notify => match NotifySource::start(paths, sender.clone()) {
            Ok(source) => Some(source),
            Err(why) => {
                fall_back(&screen, &why);
                None
            }
        },
        WatchMode::Poll => None,
    };
    if notify.is_none() {
        source::start_polling(paths.to_vec(), sender.clone());
    }
    let mut graded = Snapshot::take(paths);
    grade_once(grade, &[]);
    screen.waiting(current_mode(&notify));
    loop {
        let quiet = if notify.is_some() {
            QUIET
        } else {
            QUIET_POLLING
        };
        let burst = next_burst(&signals, quiet);
        if let Some(source) = notify.as_mut() {
            let refreshed = match &burst.failed {
                Some(why) => Err(why.clone()),
                None => source.refresh(burst.folders),
            };
            if let Err(why) = refreshed {
                notify = None;
                fall_back(&screen, &why);
                source::start_polling(paths.to_vec(), sender.clone());
            }
        }
        let now = Snapshot::take(paths);
        let changed = now.changed_since(&graded);
        if changed.is_empty() {
            if !burst.touched.is_empty() {
                screen.unchanged(&burst.touched.into_iter().collect::<Vec<_>>());
            }
            continue;
        }
        graded = now;
        screen.grading_again(&changed);
        grade_once(grade, &changed);
        screen.waiting(current_mode(&notify));
    }
}

/// Grades, then waits for Ctrl-C's handler to end the process if it came meanwhile: nothing is
/// printed after a report of stopped tests.
fn grade_once(grade: &mut dyn FnMut(&[PathBuf]), changed: &[PathBuf]) {
    grade(changed);
    while crate::process::interrupted() {
        std::thread::park();
    }
}

fn current_mode(notify: &Option<NotifySource>) -> WatchMode {
    match notify {
        Some(_) => WatchMode::Notify,
        None => WatchMode::Poll,
    }
}

fn fall_back(screen: &Screen, why: &str) {
    screen.note(&format!(
        "file notifications cannot be used here: {why}. Looking at the files every second \
         instead, as `--poll` does."
    ));
}

/// What one burst of signals said.
#[derive(Debug, Default, PartialEq, Eq)]
struct Burst {
    /// The watched files events named.
    touched: BTreeSet<PathBuf>,
    /// Whether a folder on the way to them changed.
    folders: bool,
    /// Why notifications stopped, if they did.
    failed: Option<String>,
}

/// Waits for a signal, then for the burst it begins to end; a failure ends it at once.
fn next_burst(signals: &Receiver<Signal>, quiet: Duration) -> Burst {
    let mut burst = Burst::default();
    let mut debouncer = Debouncer::new(quiet, LONGEST);
    let mut next = signals.recv().map_err(|_| RecvTimeoutError::Disconnected);
    loop {
        match next {
            Ok(Signal::Touched(files)) => burst.touched.extend(files),
            Ok(Signal::Folders) => burst.folders = true,
            Ok(Signal::Failed(why)) => {
                burst.failed = Some(why);
                return burst;
            }
            Err(RecvTimeoutError::Timeout) => return burst,
            Err(RecvTimeoutError::Disconnected) => {
                burst.failed = Some("the watcher stopped".to_owned());
                return burst;
            }
        }
        debouncer.event(Instant::now());
        let deadline = debouncer.deadline().unwrap_or_else(Instant::now);
        next = signals.recv_timeout(deadline.saturating_duration_since(Instant::now()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_of_signals_is_one_burst_and_the_next_waits() {
        let (sender, signals) = mpsc::channel();
        let file = PathBuf::from("ex1.rs");
        let sending = std::thread::spawn({
            let file = file.clone();
            move || {
                for _ in 0..5 {
                    sender.send(Signal::Touched(vec![file.clone()])).unwrap();
                    std::thread::sleep(Duration::from_millis(40));
                }
                sender.send(Signal::Folders).unwrap();
                std::thread::sleep(Duration::from_millis(600));
                sender
                    .send(Signal::Touched(vec![PathBuf::from("ex2.rs")]))
                    .unwrap();
                std::thread::sleep(Duration::from_millis(600));
            }
        });
        let first = next_burst(&signals, QUIET);
        assert_eq!(first.touched, BTreeSet::from([file]));
        assert!(first.folders);
        let second = next_burst(&signals, QUIET);
        assert_eq!(second.touched, BTreeSet::from([PathBuf::from("ex2.rs")]));
        assert!(!second.folders);
        sending.join().unwrap();
    }

    #[test]
    fn a_failure_ends_a_burst_at_once() {
        let (sender, signals) = mpsc::channel();
        sender
            .send(Signal::Touched(vec![PathBuf::from("a.rs")]))
            .unwrap();
        sender
            .send(Signal::Failed("too many watches".to_owned()))
            .unwrap();
        let started = Instant::now();
        let burst = next_burst(&signals, Duration::from_secs(30));
        assert_eq!(burst.failed.as_deref(), Some("too many watches"));
        assert!(started.elapsed() < Duration::from_secs(5));
        drop(sender);
        assert_eq!(
            next_burst(&signals, QUIET).failed.as_deref(),
            Some("the watcher stopped")
        );
    }

    #[test]
    fn nothing_to_watch_says_where_the_files_come_from() {
        let error = WatchError::NoFiles;
        assert_eq!(
            error.to_string(),
            "there are no files to watch: the unit's exercises.toml names no learner files"
        );
        assert!(std::error::Error::source(&error).is_none());
    }
}
