//! Builds a crate's test targets with cargo, keeping going past targets that do not compile.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use cargo_metadata::diagnostic::DiagnosticLevel;
use cargo_metadata::{Message, TargetKind};

use crate::paths::tidy_paths;

/// How many lines of the compiler's first error a report shows.
const MAX_ERROR_LINES: usize = 40;
/// How many of cargo's last stderr lines are kept to explain a failure that is not a compile error.
const STDERR_TAIL_LINES: usize = 15;

/// A target of a crate: the crate's folder (canonical) and the target's name.
pub type TargetKey = (PathBuf, String);

/// What a build of some packages' test targets produced.
#[derive(Debug, Default)]
pub struct BuildOutput {
    /// The test executable of every target that compiled.
    pub executables: BTreeMap<TargetKey, PathBuf>,
    /// The first error of every target that did not compile, in the order cargo reported them.
    pub first_errors: Vec<(TargetKey, String)>,
    /// Crates whose library or a binary did not compile, with that first error. Cargo still builds
    /// their integration tests, which would then run against an old binary or none at all.
    pub broken_crates: BTreeMap<PathBuf, String>,
    /// The last lines cargo printed, for a failure with no compiler error (a broken Cargo.toml, say).
    pub stderr_tail: Vec<String>,
    /// Whether cargo reported success.
    pub success: bool,
}

impl BuildOutput {
    /// The test executable of `target` in the crate at `crate_dir`, if it compiled and the code it
    /// tests (the crate's library and binaries) compiled too.
    pub fn executable(&self, crate_dir: &Path, target: &str) -> Option<&PathBuf> {
        let crate_dir = canonical(crate_dir);
        if self.broken_crates.contains_key(&crate_dir) {
            return None;
        }
        self.executables.get(&(crate_dir, target.to_owned()))
    }

    /// Why `target` of the crate at `crate_dir` has no executable, in words a learner can act on.
    pub fn why_not_built(&self, crate_dir: &Path, target: &str) -> String {
        let crate_dir = canonical(crate_dir);
        let errors_of_crate = || {
            self.first_errors
                .iter()
                .filter(|((dir, _), _)| *dir == crate_dir)
        };
        if let Some((_, error)) = errors_of_crate().find(|((_, name), _)| name == target) {
            return error.clone();
        }
        if let Some(error) = self.broken_crates.get(&crate_dir) {
            return error.clone();
        }
        // A target whose own code is fine is skipped when something it depends on (the crate's
        // library, say) does not compile: that error is the one to fix.
        if let Some((_, error)) = errors_of_crate().next().or(self.first_errors.first()) {
            return error.clone();
        }
        if !self.stderr_tail.is_empty() {
            return format!(
                "cargo could not build the tests:\n{}",
                self.stderr_tail.join("\n")
            );
        }
        format!("the test target `{target}` was not built: is tests/{target}.rs missing?")
    }
}

/// The crate folder a target's source file belongs to: the nearest folder with a Cargo.toml.
fn crate_dir_of(src_path: &Path) -> PathBuf {
    src_path
        .ancestors()
        .skip(1)
        .find(|dir| dir.join("Cargo.toml").is_file())
        .map_or_else(|| src_path.to_owned(), canonical)
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_owned())
}

/// Something that stops the build from running at all.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    #[error(
        "cannot run `{cargo}`: {source}. Is Rust installed? Get it from https://rustup.rs, then open a new terminal"
    )]
    CargoMissing {
        cargo: String,
        source: std::io::Error,
    },
    #[error("failed to read cargo's output: {0}")]
    Output(#[from] std::io::Error),
}

/// The cargo to run: the one that started us (`cargo day 1` sets `CARGO`), else the one on PATH.
pub fn cargo_command() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// Builds every test target of `packages` in the workspace at `root`.
///
/// `progress` receives cargo's status lines ("Compiling sysinfo v0.40.4") as they come, so that a
/// first build of the dependencies is never a silent minute.
pub fn build_tests(
    root: &Path,
    packages: &[&str],
    target_dir: Option<&Path>,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<BuildOutput, CompileError> {
    run_cargo(
        root,
        &["build", "--tests"],
        packages,
        &[],
        target_dir,
        progress,
    )
}

/// Runs clippy on every target of `packages` with warnings denied; its findings are the errors.
pub fn clippy(
    root: &Path,
    packages: &[&str],
    target_dir: Option<&Path>,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<BuildOutput, CompileError> {
    let deny = ["-D", "warnings"];
    run_cargo(
        root,
        &["clippy", "--all-targets"],
        packages,
        &deny,
        target_dir,
        progress,
    )
}

/// Runs `cargo <command> --keep-going` for `packages` and collects its JSON messages.
fn run_cargo(
    root: &Path,
    command_args: &[&str],
    packages: &[&str],
    rustc_args: &[&str],
    target_dir: Option<&Path>,
    progress: &(dyn Fn(&str) + Sync),
) -> Result<BuildOutput, CompileError> {
    let cargo = cargo_command();
    let mut command = Command::new(&cargo);
    command
        .current_dir(root)
        .args(command_args)
        .args(["--keep-going", "--message-format=json"])
        .args(packages.iter().flat_map(|p| ["--package", p]))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if !rustc_args.is_empty() {
        command.arg("--").args(rustc_args);
    }
    if let Some(dir) = target_dir {
        command.env("CARGO_TARGET_DIR", dir);
    }
    let mut child = command
        .spawn()
        .map_err(|source| CompileError::CargoMissing { cargo, source })?;

    let stderr = child.stderr.take().expect("stderr is piped");
    let stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
    std::thread::scope(|scope| {
        let stderr_reader = scope.spawn(move || {
            let mut tail = std::collections::VecDeque::with_capacity(STDERR_TAIL_LINES);
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if !is_summary_of_errors(&line) {
                    progress(&line);
                }
                if tail.len() == STDERR_TAIL_LINES {
                    tail.pop_front();
                }
                tail.push_back(line);
            }
            tail
        });
        let mut output = BuildOutput::default();
        for message in Message::parse_stream(stdout) {
            record(&mut output, message?);
        }
        let status = child.wait()?;
        output.success = output.success && status.success();
        let tail = stderr_reader.join().unwrap_or_default();
        if !output.success && output.first_errors.is_empty() {
            output.stderr_tail = tail.into();
        }
        Ok(output)
    })
}

/// Cargo's closing lines about failed targets: the report explains those, target by target.
fn is_summary_of_errors(line: &str) -> bool {
    line.starts_with("error: could not compile") || line.starts_with("warning: build failed")
}

fn record(output: &mut BuildOutput, message: Message) {
    match message {
        Message::CompilerArtifact(artifact) if artifact.profile.test => {
            if let Some(executable) = artifact.executable {
                let key = (
                    crate_dir_of(artifact.target.src_path.as_std_path()),
                    artifact.target.name.clone(),
                );
                output
                    .executables
                    .insert(key, executable.into_std_path_buf());
            }
        }
        Message::CompilerMessage(message) if message.message.level == DiagnosticLevel::Error => {
            let key = (
                crate_dir_of(message.target.src_path.as_std_path()),
                message.target.name.clone(),
            );
            if let Some(rendered) = &message.message.rendered
                && !output.first_errors.iter().any(|(k, _)| *k == key)
            {
                let error = first_lines(&tidy_paths(rendered), MAX_ERROR_LINES);
                let tested_code = !message.target.kind.contains(&TargetKind::Test);
                if tested_code {
                    output
                        .broken_crates
                        .entry(key.0.clone())
                        .or_insert_with(|| error.clone());
                }
                output.first_errors.push((key, error));
            }
        }
        Message::BuildFinished(finished) => output.success = finished.success,
        _ => {}
    }
}

fn first_lines(text: &str, max: usize) -> String {
    let lines: Vec<&str> = text.trim_end().lines().collect();
    if lines.len() <= max {
        return lines.join("\n");
    }
    format!(
        "{}\n… ({} more lines: run `cargo test` in the crate's folder to see them all)",
        lines[..max].join("\n"),
        lines.len() - max
    )
}
