//! `grader day N --watch` and `--poll` against the fixture workbook: a save grades again, a burst
//! of saves grades once, other files never do, and Ctrl-C ends the session at once.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use support::FixtureWorkbook;

const FIXTURE: &str = "workbook";
const DONE: &str = "days/day1-fixture/src/done.rs";
/// The first report builds the fixture from nothing (its own target/ folder).
const FIRST_REPORT: Duration = Duration::from_secs(240);
/// Each later one builds one crate again, on a machine that may be busy with other tests.
const NEXT_REPORT: Duration = Duration::from_secs(90);
/// Long enough for a stray grade to have begun: a look of `--poll` (1 s) and the quiet time after.
const SETTLE: Duration = Duration::from_secs(3);

/// A watch session: the grader running with its output read as it comes, killed when dropped.
struct Session {
    child: Child,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
    /// The grader's own temporary folder (`TMPDIR`), to see what it leaves there (read by the
    /// Ctrl-C tests, which are Unix's; elsewhere it only keeps each session's files apart).
    #[cfg_attr(not(unix), allow(dead_code))]
    temporary: tempfile::TempDir,
}

impl Session {
    fn start(workbook: &FixtureWorkbook, args: &[&str]) -> Session {
        Session::spawn(workbook, args, true)
    }

    /// The same, with nowhere to print its messages: its stderr is a pipe whose reader is gone, as
    /// when the terminal was closed or the output piped into a program that ended.
    #[cfg(unix)]
    fn start_with_stderr_gone(workbook: &FixtureWorkbook, args: &[&str]) -> Session {
        Session::spawn(workbook, args, false)
    }

    fn spawn(workbook: &FixtureWorkbook, args: &[&str], read_stderr: bool) -> Session {
        let temporary = tempfile::tempdir().expect("a temporary folder");
        let mut child = Command::new(env!("CARGO_BIN_EXE_grader"))
            .current_dir(workbook.root())
            .args(args)
            .env("TMPDIR", temporary.path())
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("CARGO_TARGET_DIR")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the grader starts");
        let stdout = read_as_it_comes(child.stdout.take().expect("a stdout pipe"));
        let stderr_pipe = child.stderr.take().expect("a stderr pipe");
        let stderr = if read_stderr {
            read_as_it_comes(stderr_pipe)
        } else {
            drop(stderr_pipe);
            Arc::new(Mutex::new("(nothing reads stderr)".to_owned()))
        };
        Session {
            child,
            stdout,
            stderr,
            temporary,
        }
    }

    fn stdout(&self) -> String {
        self.stdout.lock().unwrap().clone()
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// How many reports the session printed: each ends with the day's summary line.
    fn reports(&self) -> usize {
        self.stdout()
            .lines()
            .filter(|line| line.starts_with("Day 1:"))
            .count()
    }

    /// How many grades finished: the session says what it watches after each.
    fn grades(&self) -> usize {
        self.stderr().matches(": save one to grade again").count()
    }

    /// Waits until `grades` grades have finished, or fails with what the session printed.
    fn wait_for_grades(&mut self, grades: usize, timeout: Duration) {
        let start = Instant::now();
        while self.grades() < grades {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("the session ended ({status}):\n{}", self.output());
            }
            assert!(
                start.elapsed() < timeout,
                "no grade {grades} within {timeout:?}:\n{}",
                self.output()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits at most `timeout` for the grader to end, and gives its exit code.
    #[cfg(unix)]
    fn wait_for_exit(&mut self, timeout: Duration) -> Option<i32> {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Ctrl-C, as the terminal sends it to the grader.
    #[cfg(unix)]
    fn interrupt(&self) {
        rustix::process::kill_process(
            rustix::process::Pid::from_child(&self.child),
            rustix::process::Signal::INT,
        )
        .expect("send SIGINT");
    }

    fn output(&self) -> String {
        format!(
            "--- stdout\n{}\n--- stderr\n{}",
            self.stdout(),
            self.stderr()
        )
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_as_it_comes(mut pipe: impl std::io::Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let shared = Arc::clone(&text);
    std::thread::spawn(move || {
        let mut buffer = [0u8; 8192];
        while let Ok(n @ 1..) = pipe.read(&mut buffer) {
            shared
                .lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buffer[..n]));
        }
    });
    text
}

/// A learner's save: the file with a line added.
fn save(workbook: &FixtureWorkbook, relative: &str, line: &str) {
    let path = workbook.path(relative);
    let mut text = std::fs::read_to_string(&path).expect("a learner file");
    text.push_str(line);
    text.push('\n');
    std::fs::write(path, text).expect("save a learner file");
}

/// An editor's save: a temporary file beside it, written, then renamed over it.
fn save_by_rename(workbook: &FixtureWorkbook, relative: &str, line: &str) {
    let path = workbook.path(relative);
    let temporary = path.with_file_name(".done.rs.tmp");
    let mut text = std::fs::read_to_string(&path).expect("a learner file");
    text.push_str(line);
    text.push('\n');
    std::fs::write(&temporary, text).expect("write a temporary file");
    std::fs::rename(&temporary, &path).expect("rename it over the learner file");
}

/// Saves, as a first grade, a second for one save, and one more for a burst of five.
fn grades_again_after_a_save_and_once_for_a_burst(mode: &str) {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    let mut session = Session::start(&workbook, &["day", "1", "--exercise", "done", mode]);
    session.wait_for_grades(1, FIRST_REPORT);
    assert_eq!(session.reports(), 1, "{}", session.output());

    save(&workbook, DONE, "// a first save");
    session.wait_for_grades(2, NEXT_REPORT);
    assert_eq!(session.reports(), 2, "{}", session.output());
    let done: PathBuf = Path::new(DONE).components().collect();
    let changed = format!("{} changed: grading again.", done.display());
    assert!(session.stderr().contains(&changed), "{}", session.output());

    for n in 0..5 {
        save_by_rename(&workbook, DONE, &format!("// burst {n}"));
        std::thread::sleep(Duration::from_millis(40));
    }
    session.wait_for_grades(3, NEXT_REPORT);
    std::thread::sleep(SETTLE);
    assert_eq!(
        session.grades(),
        3,
        "a burst, one grade:\n{}",
        session.output()
    );
    assert_eq!(session.reports(), 3, "{}", session.output());
    assert_eq!(
        session.stderr().matches("grading again").count(),
        2,
        "{}",
        session.output()
    );
}

#[test]
fn poll_grades_again_after_a_save_and_once_for_a_burst() {
    grades_again_after_a_save_and_once_for_a_burst("--poll");
}

#[test]
fn watch_grades_again_after_a_save_and_once_for_a_burst() {
    grades_again_after_a_save_and_once_for_a_burst("--watch");
}

#[test]
fn only_a_change_to_code_the_unit_builds_grades_again() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    let mut session = Session::start(&workbook, &["day", "1", "--exercise", "done", "--watch"]);
    session.wait_for_grades(1, FIRST_REPORT);

    // Build output and editors' swap and backup files are not code the unit builds.
    workbook.write("days/day1-fixture/src/.done.rs.swp", "swap");
    workbook.write("days/day1-fixture/src/done.rs~", "backup");
    workbook.write("days/day1-fixture/target/debug/notes.txt", "build output");
    // A learner file saved as it was: nothing to grade, and the session says so.
    let same = std::fs::read_to_string(workbook.path(DONE)).unwrap();
    workbook.write(DONE, &same);
    std::thread::sleep(SETTLE);
    assert_eq!(session.grades(), 1, "{}", session.output());
    assert!(
        session
            .stderr()
            .contains("saved without changes: the report above stands."),
        "{}",
        session.output()
    );

    // A learner file of the exercise's other folder still counts.
    save(
        &workbook,
        "days/day1-fixture/toolkit/src/lib.rs",
        "// a save",
    );
    session.wait_for_grades(2, NEXT_REPORT);

    // So does any Rust file already in the crates' `src/` (a module a learner split off, or the
    // crate's root): the tests are built from it.
    save(&workbook, "days/day1-fixture/src/lib.rs", "// a save");
    session.wait_for_grades(3, NEXT_REPORT);
}

#[cfg(unix)]
#[test]
fn ctrl_c_while_waiting_ends_the_session_at_once() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    let mut session = Session::start(&workbook, &["day", "1", "--exercise", "done", "--watch"]);
    session.wait_for_grades(1, FIRST_REPORT);
    let before = session.stdout();
    session.interrupt();
    let code = session.wait_for_exit(Duration::from_secs(5));
    assert_eq!(code, Some(130), "{}", session.output());
    std::thread::sleep(Duration::from_millis(100)); // The last bytes through the pipes.
    assert_eq!(session.stdout(), before, "nothing more on stdout");
    assert!(
        session.stderr().ends_with("\nStopped watching.\n"),
        "{}",
        session.output()
    );
}

/// Printing "Stopped watching." fails when nothing reads stderr any more: Ctrl-C (or SIGTERM) must
/// still end the session, not leave a watcher that only SIGKILL stops.
#[cfg(unix)]
#[test]
fn ctrl_c_ends_a_session_that_has_nowhere_to_print() {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    let mut session =
        Session::start_with_stderr_gone(&workbook, &["day", "1", "--exercise", "done", "--poll"]);
    let start = Instant::now();
    while session.reports() < 1 {
        assert!(start.elapsed() < FIRST_REPORT, "{}", session.output());
        std::thread::sleep(Duration::from_millis(50));
    }
    session.interrupt();
    let code = session.wait_for_exit(Duration::from_secs(5));
    assert_eq!(code, Some(130), "{}", session.output());
}

/// Ctrl-C during the second grade, once its tests run: the hostile exercise's, saved, take
/// seconds (one waits for its timeout).
#[cfg(unix)]
fn interrupt_a_grade() -> Session {
    let workbook = FixtureWorkbook::copy_of(FIXTURE);
    let mut session = Session::start(&workbook, &["day", "1", "--watch"]);
    session.wait_for_grades(1, FIRST_REPORT);
    save(&workbook, "days/day1-fixture/src/hostile.rs", "// a save");
    let start = Instant::now();
    while session.stderr().matches("Running ").count() < 2 {
        assert!(start.elapsed() < NEXT_REPORT, "{}", session.output());
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    session.interrupt();
    let code = session.wait_for_exit(Duration::from_secs(5));
    assert_eq!(code, Some(130), "{}", session.output());
    std::thread::sleep(Duration::from_millis(100));
    session
}

#[cfg(unix)]
#[test]
fn ctrl_c_while_grading_ends_the_session_at_once() {
    let session = interrupt_a_grade();
    assert!(
        session.stderr().ends_with("\nStopped watching.\n"),
        "{}",
        session.output()
    );
    assert_eq!(session.grades(), 1, "{}", session.output());
}

/// The interruption's exit runs no destructor, so the handler removes the run's scratch folder
/// itself.
#[cfg(unix)]
#[test]
fn ctrl_c_while_grading_leaves_no_scratch_folder() {
    let session = interrupt_a_grade();
    let left: Vec<String> = std::fs::read_dir(session.temporary.path())
        .expect("the grader's temporary folder")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("workbook-grading-"))
        .collect();
    assert!(
        left.is_empty(),
        "the interrupted grade left {left:?}\n{}",
        session.output()
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_while_grading_prints_no_report_of_the_stopped_tests() {
    let session = interrupt_a_grade();
    assert_eq!(session.reports(), 1, "{}", session.output());
}
