//! Progress on stderr while the grader works: cargo's lines as they come, then a count of tests.

use std::io::{IsTerminal as _, Write as _};
use std::sync::atomic::{AtomicUsize, Ordering};

use grader::grade::Progress;

/// Shows progress on stderr: cargo's lines as they come, then a count of finished tests.
pub struct ProgressPrinter {
    interactive: bool,
    total: AtomicUsize,
    finished: AtomicUsize,
}

impl ProgressPrinter {
    pub fn new() -> Self {
        ProgressPrinter {
            interactive: std::io::stderr().is_terminal(),
            total: AtomicUsize::new(0),
            finished: AtomicUsize::new(0),
        }
    }

    pub fn show(&self, event: Progress<'_>) {
        let mut err = anstream::stderr();
        match event {
            Progress::Cargo(line) => {
                let _ = writeln!(err, "{line}");
            }
            Progress::Running(total) => {
                self.total.store(total, Ordering::SeqCst);
                self.finished.store(0, Ordering::SeqCst);
                // With every result kept from an earlier run, there is nothing to announce.
                if total > 0 {
                    let tests = grader::render::counted(total, "test");
                    let _ = writeln!(err, "Running {tests}…");
                }
            }
            Progress::Note(text) => {
                // Below a count of tests being run, on a line of its own.
                if self.interactive && self.finished.load(Ordering::SeqCst) > 0 {
                    let _ = write!(err, "\r\x1b[2K");
                }
                let _ = writeln!(err, "{text}");
            }
            Progress::Finished(_) => {
                let done = self.finished.fetch_add(1, Ordering::SeqCst) + 1;
                if self.interactive {
                    let total = self.total.load(Ordering::SeqCst);
                    let _ = write!(err, "\r  {done}/{total} tests run");
                    let _ = err.flush();
                }
            }
        }
    }

    pub fn finish(&self) {
        if self.interactive && self.finished.load(Ordering::SeqCst) > 0 {
            let _ = writeln!(anstream::stderr(), "\r\x1b[2K");
        }
    }
}
