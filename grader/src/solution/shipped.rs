//! The version of a learner file the workbook shipped with, read from the workbook's git history.

use std::path::Path;
use std::process::Command;

use super::SolutionError;

/// The commit the learner's work started from.
#[derive(Debug)]
pub struct Shipped {
    root: std::path::PathBuf,
    commit: String,
    /// Why this commit: "where your branch left origin/main".
    why: String,
}

/// What one git command answered: its stdout, or the first line of its complaint.
type Answer = Result<String, String>;

impl Shipped {
    /// Finds the commit in the workbook at `root`; `files` names the files wanted, for the advice
    /// to copy them by hand when there is no history to read.
    ///
    /// The rule: a learner's work starts where their branch left the repository they cloned, so
    /// the shipped version of a file is its content at `git merge-base HEAD @{upstream}` when the
    /// branch has an upstream; else at the merge base with `origin/HEAD` (a branch of their own in
    /// a clone); else at `HEAD` (a workbook that was never cloned: its last commit). A learner who
    /// pushes their work to that upstream moves the merge base past the stubs: the first line
    /// `cargo grader reset` prints names the commit it used, and why.
    pub fn find(root: &Path, files: &str) -> Result<Shipped, SolutionError> {
        let no_history = |git_says: String| SolutionError::NoHistory {
            root: root.to_owned(),
            git_says,
            files: files.to_owned(),
        };
        git(root, &["rev-parse", "--show-toplevel"], files)?.map_err(no_history)?;
        let head = git(root, &["rev-parse", "--verify", "HEAD^{commit}"], files)?
            .map_err(|_| no_history("the repository has no commit yet".to_owned()))?;
        let shipped = |commit: String, why: String| Shipped {
            root: root.to_owned(),
            commit,
            why,
        };
        for base in ["@{upstream}", "refs/remotes/origin/HEAD"] {
            let Ok(name) = git(root, &["rev-parse", "--abbrev-ref", base], files)? else {
                continue;
            };
            if let Ok(commit) = git(root, &["merge-base", "HEAD", base], files)? {
                return Ok(shipped(commit, format!("where your branch left {name}")));
            }
        }
        Ok(shipped(
            head,
            "your last commit: your branch has no upstream to tell where your work started"
                .to_owned(),
        ))
    }

    /// "commit 1a2b3c4 (where your branch left origin/main)", for the learner.
    pub fn describe(&self) -> String {
        format!("commit {} ({})", self.short(), self.why)
    }

    fn short(&self) -> &str {
        &self.commit[..self.commit.len().min(7)]
    }

    /// The file at `path` (relative to the workbook root, with `/`) as committed, byte for byte.
    pub fn read(&self, path: &str) -> Result<Vec<u8>, SolutionError> {
        // `./` makes the path relative to the workbook root, wherever the repository's top is.
        let object = format!("{}:./{path}", self.commit);
        let output = run(&self.root, &["show", "--no-textconv", &object], path)?;
        if output.status.success() {
            return Ok(output.stdout);
        }
        let git_says = first_line(&output.stderr);
        if git_says.contains("does not exist") || git_says.contains("exists on disk, but not in") {
            Err(SolutionError::NotShipped {
                path: path.to_owned(),
                commit: self.describe(),
            })
        } else {
            Err(SolutionError::Git {
                command: format!("git show {object}"),
                git_says,
            })
        }
    }
}

/// Runs git in `root`; `Err` only when git cannot run at all.
fn git(root: &Path, args: &[&str], files: &str) -> Result<Answer, SolutionError> {
    let output = run(root, args, files)?;
    Ok(if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
    } else {
        Err(first_line(&output.stderr))
    })
}

fn run(root: &Path, args: &[&str], files: &str) -> Result<std::process::Output, SolutionError> {
    let mut command = Command::new("git");
    command.arg("--no-pager").arg("-C").arg(root).args(args);
    // The repository is the workbook's, whatever a hook or a shell exported.
    for variable in [
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_COMMON_DIR",
    ] {
        command.env_remove(variable);
    }
    command.env("GIT_TERMINAL_PROMPT", "0");
    crate::process::output_own(&mut command).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => SolutionError::GitMissing {
            files: files.to_owned(),
        },
        _ => SolutionError::Git {
            command: format!("git {}", args.join(" ")),
            git_says: e.to_string(),
        },
    })
}

fn first_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("no message");
    line.trim().trim_start_matches("fatal: ").to_owned()
}
