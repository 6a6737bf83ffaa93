//! Running cargo: its command line, reading its output as it comes, and stopping a build that
//! goes too long without progress.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use super::messages::Message;
use super::output::{BuildOutput, is_long_evaluation, record};
use super::process_tree;
use super::{CompileError, SandboxUse, cargo_command};

/// How many of cargo's last stderr lines are kept to explain a failure that is not a compile error.
const STDERR_TAIL_LINES: usize = 15;
/// How long the output readers may go on after a stalled build was stopped: what cargo printed
/// before it was stopped is still collected, but a process that escaped the stop and holds the
/// output open is not waited for.
const READER_GRACE: Duration = Duration::from_secs(2);
/// What cargo prints while another cargo (an editor's, say) holds the target folder: that wait is
/// not this build's lack of progress, so the clock does not run while it lasts.
const WAITING_FOR_LOCK: &str = "Blocking waiting for file lock";

/// Where cargo runs: the workspace, its target folder (`None` for the workspace's own), and the
/// sandbox around it.
#[derive(Clone, Copy)]
pub(super) struct Place<'a> {
    pub(super) root: &'a Path,
    pub(super) target_dir: Option<&'a Path>,
    pub(super) sandbox: SandboxUse<'a>,
}

/// Runs `cargo <command> --keep-going` for `packages` and collects its JSON messages; stops cargo
/// and all it started when it goes `stall_limit` without printing anything.
pub(super) fn run_cargo(
    place: Place<'_>,
    command_args: &[&str],
    packages: &[&str],
    rustc_args: &[&str],
    stall_limit: Option<Duration>,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<BuildOutput, CompileError> {
    let Place {
        root,
        target_dir,
        sandbox,
    } = place;
    let cargo = cargo_command();
    let mut command = Command::new(&cargo);
    command
        .current_dir(root)
        .args(command_args)
        .args(["--keep-going", "--message-format=json"])
        .args(packages.iter().flat_map(|p| ["--package", p]));
    if !rustc_args.is_empty() {
        command.arg("--").args(rustc_args);
    }
    if let Some(dir) = target_dir {
        command.env("CARGO_TARGET_DIR", dir);
    }
    if let Some((sandbox, scope)) = sandbox {
        command = sandbox.wrap(command, scope);
    }
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    process_tree::start_own_tree(&mut command);
    let mut child = crate::process::spawn_own(&mut command)
        .map_err(|source| CompileError::CargoMissing { cargo, source })?;
    let _registration = process_tree::register(&child);
    let events = spawn_readers(&mut child);

    let mut collected = Collected::new(progress);
    let mut last_progress = Instant::now();
    loop {
        let clock_runs = !collected.waiting_for_lock;
        let event = match stall_limit.filter(|_| clock_runs) {
            None => events.recv().ok(),
            Some(limit) => {
                match events.recv_timeout(limit.saturating_sub(last_progress.elapsed())) {
                    Ok(event) => Some(event),
                    Err(RecvTimeoutError::Disconnected) => None,
                    Err(RecvTimeoutError::Timeout) => {
                        // Cargo may have finished while something it started holds its output.
                        let cargo_ended = matches!(child.try_wait(), Ok(Some(_)));
                        if !cargo_ended {
                            collected.output.stalled = Some(limit);
                        }
                        process_tree::stop(&mut child);
                        collected.drain(&events, READER_GRACE);
                        None
                    }
                }
            }
        };
        let Some(event) = event else { break };
        if collected.take(event) {
            last_progress = Instant::now();
        }
        if collected.read_error.is_some() {
            // Nothing more can be read, so nothing more could be graded: stop the build.
            process_tree::stop(&mut child);
            break;
        }
    }
    let status = child.wait()?;
    if let Some(error) = collected.read_error {
        return Err(CompileError::Output(error));
    }
    let mut output = collected.output;
    output.success = output.success && status.success() && output.stalled.is_none();
    if !output.success && output.first_errors.is_empty() {
        output.stderr_tail = collected.stderr_tail.into();
    }
    Ok(output)
}

/// Something cargo printed: a JSON message on stdout, or a line on stderr.
enum Event {
    Message(Message),
    Stderr(String),
    ReadFailed(std::io::Error),
}

/// Reads cargo's stdout and stderr on threads of their own, so that waiting for the next line never
/// holds up the clock. The channel closes when both streams have ended.
fn spawn_readers(child: &mut std::process::Child) -> Receiver<Event> {
    let (sender, receiver) = mpsc::channel();
    let stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
    let stderr = BufReader::new(child.stderr.take().expect("stderr is piped"));
    let stdout_sender = sender.clone();
    std::thread::spawn(move || {
        let mut stdout = stdout;
        let mut line = String::new();
        // Cargo's JSON is UTF-8: a line that is not is a failure to read it, as any other.
        loop {
            line.clear();
            let event = match stdout.read_line(&mut line) {
                Ok(0) => break,
                Ok(_) => Event::Message(Message::from_line(line.trim_end())),
                Err(error) => Event::ReadFailed(error),
            };
            let failed = matches!(event, Event::ReadFailed(_));
            if stdout_sender.send(event).is_err() || failed {
                break;
            }
        }
    });
    std::thread::spawn(move || {
        let mut stderr = stderr;
        let mut line = Vec::new();
        // Bytes, not `lines()`: a line that is not UTF-8 must not stop the reading (cargo would
        // then block on a full pipe).
        while stderr.read_until(b'\n', &mut line).is_ok_and(|n| n > 0) {
            let text = String::from_utf8_lossy(&line).trim_end().to_owned();
            if sender.send(Event::Stderr(text)).is_err() {
                break;
            }
            line.clear();
        }
    });
    receiver
}

/// What has been received from cargo so far.
struct Collected<'a> {
    output: BuildOutput,
    stderr_tail: VecDeque<String>,
    /// Cargo said it waits for another cargo's lock, and has printed nothing since.
    waiting_for_lock: bool,
    read_error: Option<std::io::Error>,
    progress: &'a (dyn Fn(&str) + Sync),
}

impl<'a> Collected<'a> {
    fn new(progress: &'a (dyn Fn(&str) + Sync)) -> Self {
        Collected {
            output: BuildOutput::default(),
            stderr_tail: VecDeque::with_capacity(STDERR_TAIL_LINES),
            waiting_for_lock: false,
            read_error: None,
            progress,
        }
    }

    /// Records `event`; returns whether it was progress. rustc's warning that a constant's
    /// evaluation is taking a long time is not: it is the very thing the limit is for.
    fn take(&mut self, event: Event) -> bool {
        self.waiting_for_lock = false;
        match event {
            Event::Message(message) => {
                let still_evaluating =
                    matches!(&message, Message::CompilerMessage(m) if is_long_evaluation(m));
                record(&mut self.output, message);
                return !still_evaluating;
            }
            Event::Stderr(line) => {
                if !is_summary_of_errors(&line) {
                    (self.progress)(&line);
                }
                self.waiting_for_lock = line.trim_start().starts_with(WAITING_FOR_LOCK);
                if self.stderr_tail.len() == STDERR_TAIL_LINES {
                    self.stderr_tail.pop_front();
                }
                self.stderr_tail.push_back(line);
            }
            Event::ReadFailed(error) => self.read_error = Some(error),
        }
        true
    }

    /// Takes what is still on its way after cargo was stopped, for at most `grace`.
    fn drain(&mut self, events: &Receiver<Event>, grace: Duration) {
        let deadline = Instant::now() + grace;
        while let Ok(event) =
            events.recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            let _ = self.take(event);
        }
    }
}

/// Cargo's closing lines about failed targets: the report explains those, target by target.
fn is_summary_of_errors(line: &str) -> bool {
    line.starts_with("error: could not compile") || line.starts_with("warning: build failed")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::output::canonical;

    /// A compiler message as cargo prints it, for the target `slow` of the crate at `day`.
    fn compiler_message(day: &Path, level: &str, text: &str) -> Event {
        let json = serde_json::json!({
            "reason": "compiler-message",
            "package_id": "path+file:///day#day@0.1.0",
            "manifest_path": day.join("Cargo.toml"),
            "target": {
                "kind": ["test"], "crate_types": ["bin"], "name": "slow",
                "src_path": day.join("tests").join("slow.rs"), "edition": "2024",
                "doc": false, "doctest": false, "test": true
            },
            "message": {
                "rendered": format!("{level}: {text}\n --> tests/../src/slow.rs:4:5\n"),
                "children": [], "code": null, "level": level, "message": text, "spans": []
            }
        });
        let message = Message::from_line(&json.to_string());
        assert!(matches!(message, Message::CompilerMessage(_)), "{json}");
        Event::Message(message)
    }

    #[test]
    fn a_long_evaluation_warning_is_kept_but_is_no_progress() {
        let day = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(day.path().join("Cargo.toml"), "").unwrap();
        let mut collected = Collected::new(&|_| {});
        let text = "constant evaluation is taking a long time";
        let warning = compiler_message(day.path(), "warning", text);
        assert!(
            !collected.take(warning),
            "the warning does not restart the clock"
        );
        let key = (canonical(day.path()), "slow".to_owned());
        assert_eq!(
            collected
                .output
                .long_evaluations
                .get(&key)
                .map(String::as_str),
            Some("warning: constant evaluation is taking a long time\n --> src/slow.rs:4:5")
        );
        let other = compiler_message(day.path(), "warning", "unused variable: `x`");
        assert!(collected.take(other), "any other message is progress");
        assert!(collected.take(Event::Stderr("   Compiling day v0.1.0".into())));
        assert_eq!(collected.output.long_evaluations.len(), 1);
    }

    #[test]
    fn the_clock_stops_only_while_cargo_waits_for_a_lock() {
        let mut collected = Collected::new(&|_| {});
        collected.take(Event::Stderr(
            "    Blocking waiting for file lock on build directory".into(),
        ));
        assert!(collected.waiting_for_lock);
        collected.take(Event::Stderr("   Compiling day1 v0.1.0".into()));
        assert!(!collected.waiting_for_lock);
        assert_eq!(collected.stderr_tail.len(), 2);
    }
}
