//! Where news of changes comes from: what a source signals, and the look at the files every second
//! (`--poll`); the OS's file notifications are in `notifications.rs`.

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

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
    #[cfg_attr(
        all(not(feature = "file-notifications"), not(test)),
        expect(dead_code, reason = "only notifications send it")
    )]
    Folders,
    /// Notifications stopped working, for this reason.
    #[cfg_attr(
        all(not(feature = "file-notifications"), not(test)),
        expect(dead_code, reason = "only notifications send it")
    )]
    Failed(String),
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
