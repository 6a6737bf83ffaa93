//! The sandbox around a submission's build and tests: a wrapped process cannot read or write
//! outside its scope nor reach the network, can work inside its scope, and passes its exit status
//! and output through; a real unit grades the same inside it as outside.
//!
//! The confined process is this test binary itself, run again with [`ACTION_ENV`] set: its
//! `attempts_everything` test then tries each action and prints what happened.

use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use grader::sandbox::{Sandbox, Scope};

/// Set in the confined copy of this binary: the folder its actions work in.
const ACTION_ENV: &str = "SANDBOX_TEST_ROOT";
/// Set with it: the host's listener to connect to.
const LISTENER_ENV: &str = "SANDBOX_TEST_LISTENER";
/// Set with it: the process id of the test that started it, outside the sandbox.
const OUTSIDE_PID_ENV: &str = "SANDBOX_TEST_OUTSIDE_PID";

fn sandbox() -> Sandbox {
    Sandbox::detect_with_wrapper(Some(env!("CARGO_BIN_EXE_grader").into()))
}

/// Whether this kernel has what a real sandbox needs; says why not when it does not.
fn kernel_has_a_sandbox() -> bool {
    match landlock_status() {
        Ok(()) => true,
        Err(why) => {
            println!("skipped: {why}");
            false
        }
    }
}

/// Whether this kernel enforces Landlock, asked of the kernel directly (a throwaway thread
/// restricts itself), not through the sandbox under test.
#[cfg(target_os = "linux")]
fn landlock_status() -> Result<(), String> {
    use landlock::{ABI, Access, AccessFs, Ruleset, RulesetAttr, RulesetStatus};
    let probe = std::thread::spawn(|| {
        Ruleset::default()
            .handle_access(AccessFs::from_all(ABI::V1))?
            .create()?
            .restrict_self()
    });
    match probe.join().expect("the probe thread") {
        Ok(status) if status.ruleset != RulesetStatus::NotEnforced => Ok(()),
        Ok(status) => Err(format!("this kernel does not enforce Landlock: {status:?}")),
        Err(e) => Err(format!("Landlock cannot be used: {e}")),
    }
}

#[cfg(not(target_os = "linux"))]
fn landlock_status() -> Result<(), String> {
    Err("no Landlock outside Linux".to_owned())
}

/// One action of the confined process and whether it worked: `name=ok` or `name=denied: why`.
fn attempt(name: &str, action: impl FnOnce() -> std::io::Result<()>) -> String {
    match action() {
        Ok(()) => format!("{name}=ok"),
        Err(e) => format!("{name}=denied: {e}"),
    }
}

/// Everything the confined process tries, in `root` (see [`Folder::scope`]), to `listener` and to
/// the process `outside` (the test that started it).
fn attempts(root: &Path, listener: &str, outside: u32) -> Vec<String> {
    let temp = std::env::temp_dir();
    let proc_of_outside = PathBuf::from(format!("/proc/{outside}"));
    vec![
        attempt("read_outside_environ", || {
            std::fs::read(proc_of_outside.join("environ")).map(drop)
        }),
        attempt("signal_outside", || signal(outside)),
        attempt("read_solutions", || {
            std::fs::read_to_string(root.join("solutions/answer.rs")).map(drop)
        }),
        attempt("list_solutions", || {
            std::fs::read_dir(root.join("solutions")).map(drop)
        }),
        attempt("write_outside", || {
            std::fs::write(root.join("outside.txt"), "escaped")
        }),
        attempt("read_stage", || {
            std::fs::read_to_string(root.join("stage/learner.rs")).map(drop)
        }),
        attempt("write_stage", || {
            std::fs::write(root.join("stage/built.txt"), "built")?;
            std::fs::read_to_string(root.join("stage/built.txt")).map(drop)
        }),
        attempt("write_temp", || {
            std::fs::write(temp.join("scratch.txt"), "scratch")?;
            std::fs::remove_file(temp.join("scratch.txt"))
        }),
        attempt("connect_host", || {
            let address = listener.parse().map_err(std::io::Error::other)?;
            TcpStream::connect_timeout(&address, Duration::from_secs(2)).map(drop)
        }),
        attempt("own_loopback", || {
            let own = TcpListener::bind("127.0.0.1:0")?;
            let mut client = TcpStream::connect(own.local_addr()?)?;
            client.write_all(b"ping")?;
            let mut received = [0; 4];
            own.accept()?.0.read_exact(&mut received)?;
            Ok(())
        }),
        format!("temp_dir={}", temp.display()),
    ]
}

/// Sends no signal, but checks that one could be sent to `pid` (`kill(pid, 0)`).
#[cfg(unix)]
fn signal(pid: u32) -> std::io::Result<()> {
    let pid = rustix::process::Pid::from_raw(pid.try_into().map_err(std::io::Error::other)?)
        .ok_or_else(|| std::io::Error::other("pid 0"))?;
    rustix::process::test_kill_process(pid).map_err(std::io::Error::from)
}

#[cfg(not(unix))]
fn signal(_pid: u32) -> std::io::Result<()> {
    Err(std::io::Error::other("no signals here"))
}

/// The confined side: the actions, printed. Without [`ACTION_ENV`] (an ordinary run) the same
/// actions run unconfined, where every one of them works.
#[test]
fn attempts_everything() {
    if let Some(root) = std::env::var_os(ACTION_ENV) {
        let listener = std::env::var(LISTENER_ENV).unwrap_or_default();
        let outside = std::env::var(OUTSIDE_PID_ENV).map_or(0, |p| p.parse().unwrap_or(0));
        for line in attempts(Path::new(&root), &listener, outside) {
            println!("{line}");
        }
        return;
    }
    let folder = Folder::new();
    let host = TcpListener::bind("127.0.0.1:0").expect("a listener");
    let results = attempts(
        folder.root(),
        &host.local_addr().unwrap().to_string(),
        std::process::id(),
    );
    let mut works = vec![
        "read_solutions",
        "write_outside",
        "read_stage",
        "connect_host",
    ];
    if cfg!(target_os = "linux") {
        works.extend(["read_outside_environ", "signal_outside"]);
    }
    for name in works {
        assert!(
            results.contains(&format!("{name}=ok")),
            "unconfined, {name} works: {results:#?}"
        );
    }
}

/// A folder laid out as a batch's worker sees it: a stage and a solutions folder beside it.
struct Folder(tempfile::TempDir);

impl Folder {
    fn new() -> Folder {
        let dir = tempfile::Builder::new()
            .prefix("sandbox-test-")
            .tempdir()
            .expect("a temporary folder");
        for (file, text) in [
            ("solutions/answer.rs", "pub fn answer() -> u32 { 42 }"),
            ("stage/learner.rs", "pub fn answer() -> u32 { todo!() }"),
        ] {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        Folder(dir)
    }

    fn root(&self) -> &Path {
        self.0.path()
    }

    /// The stage and the build folder writable, a private temporary folder, and this test
    /// binary's folder readable (it is the confined program).
    fn scope(&self) -> Scope {
        let exe = std::env::current_exe().expect("this test's binary");
        Scope {
            writable: vec![self.root().join("stage"), self.root().join("build")],
            readable: vec![exe.parent().expect("its folder").to_owned()],
            temp_dir: self.root().join("tmp"),
        }
    }
}

/// Runs `command` wrapped in `sandbox` for `scope`: (status, stdout, stderr).
fn run_wrapped(sandbox: &Sandbox, command: Command, scope: &Scope) -> (i32, String, String) {
    let mut wrapped = sandbox.wrap(command, scope);
    let output = wrapped
        .stdin(Stdio::null())
        .output()
        .expect("the wrapped command starts");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_wrapped_process_works_in_its_scope_only() {
    if !kernel_has_a_sandbox() {
        return;
    }
    let sandbox = sandbox();
    assert!(
        sandbox.is_real(),
        "Landlock is on, so the sandbox is real: {:#?}",
        sandbox.protections()
    );
    let folder = Folder::new();
    let host = TcpListener::bind("127.0.0.1:0").expect("a listener");
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args(["--exact", "attempts_everything", "--nocapture"])
        .args(["--test-threads=1", "--quiet"])
        .env(ACTION_ENV, folder.root())
        .env(LISTENER_ENV, host.local_addr().unwrap().to_string())
        .env(OUTSIDE_PID_ENV, std::process::id().to_string());
    let scope = folder.scope();
    let (status, stdout, stderr) = run_wrapped(&sandbox, command, &scope);
    assert_eq!(status, 0, "{stdout}\n{stderr}");
    let result = |name: &str| {
        stdout
            .lines()
            .find_map(|line| line.strip_prefix(&format!("{name}=")))
            .unwrap_or_else(|| panic!("no {name} in:\n{stdout}\n{stderr}"))
            .to_owned()
    };
    for denied in [
        "read_solutions",
        "list_solutions",
        "write_outside",
        "connect_host",
        "read_outside_environ",
        "signal_outside",
    ] {
        assert!(
            result(denied).starts_with("denied"),
            "{denied} must be denied: {stdout}"
        );
    }
    for allowed in ["read_stage", "write_stage", "write_temp", "own_loopback"] {
        assert_eq!(result(allowed), "ok", "{allowed} must work: {stdout}");
    }
    assert_eq!(result("temp_dir"), scope.temp_dir.display().to_string());
    assert!(!folder.root().join("outside.txt").exists());
    assert_eq!(
        std::fs::read_to_string(folder.root().join("stage/built.txt")).unwrap(),
        "built"
    );
}

#[test]
fn exit_status_and_output_pass_through_the_wrapper() {
    if !kernel_has_a_sandbox() {
        return;
    }
    let folder = Folder::new();
    let mut command = Command::new("sh");
    command
        .args([
            "-c",
            "echo \"out $GREETING\"; echo err >&2; echo t > \"$TMPDIR/t\" && exit 7",
        ])
        .env("GREETING", "hello")
        .current_dir(folder.root().join("stage"));
    // Relative paths in the scope are the grader's, not the program's working folder's.
    let scope = folder.scope();
    let scope = Scope {
        writable: Vec::new(),
        temp_dir: relative_to_here(&scope.temp_dir),
        ..scope
    };
    let (status, stdout, stderr) = run_wrapped(&sandbox(), command, &scope);
    assert_eq!((status, stdout.as_str()), (7, "out hello\n"), "{stderr}");
    assert_eq!(stderr, "err\n");
    assert!(folder.root().join("tmp/t").is_file(), "written to TMPDIR");
}

/// `path` relative to this process's working folder (`../../tmp/…`).
fn relative_to_here(path: &Path) -> PathBuf {
    let here = std::env::current_dir().expect("a working folder");
    let up: PathBuf = here.components().skip(1).map(|_| "..").collect();
    up.join(path.strip_prefix("/").expect("an absolute path"))
}

#[test]
fn a_program_that_cannot_run_is_a_clear_failure_of_the_wrapper() {
    if !kernel_has_a_sandbox() {
        return;
    }
    let folder = Folder::new();
    let command = Command::new(folder.root().join("stage/no-such-program"));
    let (status, _, stderr) = run_wrapped(&sandbox(), command, &folder.scope());
    assert_eq!(
        status,
        i32::from(grader::sandbox::WRAPPER_FAILED),
        "{stderr}"
    );
    assert!(stderr.contains("cannot run"), "{stderr}");
}

#[test]
fn the_protections_say_what_enforces_each() {
    let sandbox = sandbox();
    let lines = sandbox.protections();
    assert!(lines.iter().any(|l| l.starts_with("tests: ")), "{lines:#?}");
    if kernel_has_a_sandbox() {
        let joined = lines.join("\n");
        for enforcer in ["(Landlock ABI", "network: ", "(rlimits)"] {
            assert!(joined.contains(enforcer), "{enforcer} in {joined}");
        }
    }
    let none = Sandbox::detect_with_wrapper(None);
    assert!(!none.is_real());
    assert!(none.protections()[0].starts_with("no sandbox"));
    // A binary that is not the grader's (this test harness) would take the wrapper's arguments
    // for its own: it is not used.
    let not_a_wrapper = Sandbox::detect_with_wrapper(std::env::current_exe().ok());
    assert!(!not_a_wrapper.is_real());
    assert!(not_a_wrapper.protections()[0].starts_with("no sandbox"));
    let folder = Folder::new();
    let mut command = not_a_wrapper.wrap(Command::new("sh"), &folder.scope());
    assert_eq!(command.get_program(), "sh");
    let temp = command.get_envs().find(|(key, _)| *key == "TMPDIR");
    assert_eq!(
        temp,
        Some(("TMPDIR".as_ref(), Some(folder.scope().temp_dir.as_os_str())))
    );
    if cfg!(unix) {
        assert!(command.arg("-c").arg("true").status().unwrap().success());
    }
}

/// What the wrapper costs per process: a wrapped `true` against a bare one.
#[test]
fn the_wrapper_costs_little_per_process() {
    if !kernel_has_a_sandbox() {
        return;
    }
    let folder = Folder::new();
    let sandbox = sandbox();
    let scope = folder.scope();
    let time = |wrap: bool| {
        let started = Instant::now();
        for _ in 0..20 {
            let command = Command::new("true");
            let mut command = if wrap {
                sandbox.wrap(command, &scope)
            } else {
                command
            };
            assert!(command.status().expect("true runs").success());
        }
        started.elapsed() / 20
    };
    let (bare, wrapped) = (time(false), time(true));
    println!("per process: bare {bare:?}, wrapped {wrapped:?}");
    assert!(
        wrapped < bare + Duration::from_millis(200),
        "bare {bare:?}, wrapped {wrapped:?}"
    );
}

/// A real unit graded inside the sandbox: its stubs, built by cargo in the sandbox, grade as they
/// do outside it: not started.
#[test]
fn a_day_grades_the_same_inside_the_sandbox() {
    if !kernel_has_a_sandbox() {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let workbook = grader::workbook::Workbook::load(&root).expect("the workbook");
    let unit = workbook.day(2).expect("day 2");
    // Kept between runs, so that the dependencies are built once.
    let work: PathBuf = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sandbox-grade");
    let stage = work.join("workbook");
    grader::stage::stage(&workbook, None, &stage).expect("a stage");
    let build = work.join("build");
    let sandbox = sandbox();
    let scope = Scope {
        writable: vec![stage.clone(), build.clone()],
        readable: Vec::new(),
        temp_dir: work.join("tmp"),
    };
    let staged_unit = grader::workbook::Workbook::load(&stage)
        .expect("the staged workbook")
        .day(2)
        .cloned()
        .expect("day 2");
    let grade_only = |sandboxed: bool, only: &[&str]| {
        let options = grader::grade::GradeOptions {
            target_dir: Some(build.clone()),
            only: only.iter().map(|id| id.to_string()).collect(),
            sandbox: sandboxed.then_some((&sandbox, &scope)),
            ..grader::grade::GradeOptions::quiet()
        };
        let started = Instant::now();
        let report =
            grader::grade::grade_unit(&stage, &staged_unit, &options).expect("the day grades");
        println!("graded (sandbox: {sandboxed}) in {:?}", started.elapsed());
        report
    };
    // The sandbox has no network: the packages the lock names are fetched before, as the batch's
    // first build (outside the sandbox) fetches them.
    let fetched = std::process::Command::new(env!("CARGO"))
        .args(["fetch", "--locked"])
        .current_dir(&stage)
        .status()
        .expect("cargo runs");
    assert!(fetched.success(), "cargo fetch --locked in the stage");
    let grade = |sandboxed: bool| grade_only(sandboxed, &[]);
    // Inside first: the stage is new, so cargo rebuilds the day's crates in the sandbox.
    let inside = grade(true);
    let outside = grade(false);
    let statuses = |report: &grader::report::UnitReport| {
        report
            .exercises
            .iter()
            .flat_map(|e| {
                e.tests
                    .iter()
                    .map(move |t| (e.id.clone(), t.name.clone(), t.status, t.message.clone()))
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(unit.manifest.exercises.len(), inside.exercises.len());
    assert_eq!(statuses(&outside), statuses(&inside));
    let exercise_statuses = |report: &grader::report::UnitReport| {
        report
            .exercises
            .iter()
            .map(|e| (e.id.clone(), e.status))
            .collect::<Vec<_>>()
    };
    assert_eq!(exercise_statuses(&outside), exercise_statuses(&inside));
    // The stubs' tests reach their `todo!()`s: they ran, inside the sandbox too.
    let not_started = statuses(&inside)
        .iter()
        .filter(|(_, _, status, _)| *status == grader::report::TestStatus::NotStarted)
        .count();
    assert!(not_started > 10, "{:#?}", statuses(&inside));
    assert!(inside.warnings.is_empty(), "{:?}", inside.warnings);
    assert!(
        inside.protections.contains("Landlock"),
        "{}",
        inside.protections
    );
    assert!(!outside.protections.contains("Landlock"));

    // A learner's code that reads the canonical workbook beside the stage (where the reference
    // solutions are, in a copy that has them), while its tests run: out of its reach in the
    // sandbox only. The day's lesson stands for them, since a release has no solutions/.
    let solution = root
        .join("days/day2-derives/README.md")
        .canonicalize()
        .expect("the day's lesson in the canonical workbook");
    let learner_file = stage.join("days/day2-derives/src/ex4_log_entries.rs");
    let stub = std::fs::read_to_string(&learner_file).expect("the stub");
    let todo = "todo!(\"match on the text: \\\"DEBUG\\\" => Ok(Level::Debug), ...\")";
    assert!(stub.contains(todo), "the stub's first todo!() moved");
    let peek = format!(
        "panic!(\"the solution: {{:?}}\", std::fs::read_to_string({solution:?}).map(|t| t.len()))"
    );
    std::fs::write(&learner_file, stub.replace(todo, &peek)).unwrap();
    let message = |report: &grader::report::UnitReport| {
        report.exercises[0]
            .tests
            .iter()
            .find_map(|t| t.message.clone().filter(|m| m.contains("the solution:")))
            .unwrap_or_else(|| panic!("no test reached the peek: {:#?}", report.exercises))
    };
    let inside = message(&grade_only(true, &["log-entries"]));
    let outside = message(&grade_only(false, &["log-entries"]));
    assert!(inside.contains("PermissionDenied"), "{inside}");
    assert!(outside.contains("the solution: Ok("), "{outside}");
}
