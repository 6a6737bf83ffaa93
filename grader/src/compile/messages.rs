//! Cargo's `--message-format=json` lines, as far as the grader reads them.
//!
//! Only the fields the build's collection reads are declared; cargo's other fields are skipped.
//! A line is read as one flat record and only then sorted by its `reason`: serde's tagged enums
//! would first buffer the whole line as a tree, and a diagnostic's macro-expansion chain can nest
//! deeper than serde_json allows a tree to go (rustc's error for a macro that expands itself
//! forever does), which would lose the very error to report. Skipped fields are skipped without
//! that limit.

use std::path::PathBuf;

use serde::Deserialize;

/// One line cargo printed on stdout.
#[derive(Debug)]
pub enum Message {
    /// A target was built: `"reason": "compiler-artifact"`.
    CompilerArtifact(Artifact),
    /// The compiler said something about a target: `"reason": "compiler-message"`.
    CompilerMessage(CompilerMessage),
    /// The build ended: `"reason": "build-finished"`.
    BuildFinished { success: bool },
    /// Any other line: another reason (a build script ran, say), or a line that is not one of
    /// cargo's messages or lacks a field the grader reads.
    Other,
}

/// A target cargo built, and its files.
#[derive(Debug, Deserialize)]
pub struct Artifact {
    /// Cargo's id of the package: a workspace crate's starts with `path+`.
    pub package_id: String,
    pub target: Target,
    pub profile: Profile,
    /// Everything the compiler wrote for the target (a library's `.rlib` and `.rmeta`, say).
    pub filenames: Vec<PathBuf>,
    /// The program to run, for a test or a binary.
    pub executable: Option<PathBuf>,
}

/// How an artifact was built: only whether it is a test.
#[derive(Debug, Deserialize)]
pub struct Profile {
    pub test: bool,
}

/// A crate's target: its name, its kinds (`lib`, `bin`, `test`, `custom-build`…) and its root
/// source file.
#[derive(Debug, Deserialize)]
pub struct Target {
    pub name: String,
    pub kind: Vec<String>,
    pub src_path: PathBuf,
}

impl Target {
    /// Whether one of the target's kinds is `kind` (`"test"`, `"custom-build"`, …).
    pub fn is_kind(&self, kind: &str) -> bool {
        self.kind.iter().any(|k| k == kind)
    }
}

/// A message of the compiler about a target.
#[derive(Debug, Deserialize)]
pub struct CompilerMessage {
    pub target: Target,
    pub message: Diagnostic,
}

/// The compiler's diagnostic: its level, its one-line text and the whole of it as rustc prints it.
#[derive(Debug, Deserialize)]
pub struct Diagnostic {
    pub message: String,
    /// `error`, `warning`, `note`, `help`, `failure-note` or `error: internal compiler error`.
    pub level: String,
    pub rendered: Option<String>,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.level == "error"
    }

    pub fn is_warning(&self) -> bool {
        self.level == "warning"
    }
}

/// A line as read, before its `reason` says which of its fields it must have.
#[derive(Deserialize)]
struct Line {
    reason: String,
    package_id: Option<String>,
    target: Option<Target>,
    profile: Option<Profile>,
    filenames: Option<Vec<PathBuf>>,
    executable: Option<PathBuf>,
    message: Option<Diagnostic>,
    success: Option<bool>,
}

impl Message {
    /// The message on one line of cargo's stdout (its line ending is allowed).
    pub fn from_line(line: &str) -> Message {
        let Ok(line) = serde_json::from_str::<Line>(line) else {
            return Message::Other;
        };
        line.into_message().unwrap_or(Message::Other)
    }
}

impl Line {
    fn into_message(self) -> Option<Message> {
        match self.reason.as_str() {
            "compiler-artifact" => Some(Message::CompilerArtifact(Artifact {
                package_id: self.package_id?,
                target: self.target?,
                profile: self.profile?,
                filenames: self.filenames?,
                executable: self.executable,
            })),
            "compiler-message" => Some(Message::CompilerMessage(CompilerMessage {
                target: self.target?,
                message: self.message?,
            })),
            "build-finished" => Some(Message::BuildFinished {
                success: self.success?,
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target() -> serde_json::Value {
        serde_json::json!({
            "kind": ["test"], "crate_types": ["bin"], "name": "ex1", "src_path": "/day/tests/ex1.rs",
            "edition": "2024", "doc": false, "doctest": false, "test": true
        })
    }

    #[test]
    fn an_artifact_keeps_its_package_target_files_and_executable() {
        let line = serde_json::json!({
            "reason": "compiler-artifact", "package_id": "path+file:///day#day1@0.1.0",
            "manifest_path": "/day/Cargo.toml", "target": target(),
            "profile": {"opt_level": "0", "debuginfo": 2, "debug_assertions": true,
                        "overflow_checks": true, "test": true},
            "features": [], "filenames": ["/t/debug/deps/ex1-abc"],
            "executable": "/t/debug/deps/ex1-abc", "fresh": false
        });
        let Message::CompilerArtifact(artifact) = Message::from_line(&line.to_string()) else {
            panic!("an artifact");
        };
        assert!(artifact.package_id.starts_with("path+"));
        assert!(artifact.profile.test && artifact.target.is_kind("test"));
        assert!(!artifact.target.is_kind("custom-build"));
        assert_eq!(artifact.target.name, "ex1");
        assert_eq!(artifact.target.src_path, PathBuf::from("/day/tests/ex1.rs"));
        assert_eq!(artifact.filenames, [PathBuf::from("/t/debug/deps/ex1-abc")]);
        assert_eq!(
            artifact.executable,
            Some(PathBuf::from("/t/debug/deps/ex1-abc"))
        );
        let library = line.to_string().replace(
            "\"executable\":\"/t/debug/deps/ex1-abc\"",
            "\"executable\":null",
        );
        let Message::CompilerArtifact(library) = Message::from_line(&library) else {
            panic!("an artifact");
        };
        assert_eq!(library.executable, None);
    }

    /// rustc's error for a macro that expands itself: each expansion is a span inside the last.
    /// Written as text: a `serde_json::Value` that deep would overflow the test's stack.
    fn deeply_expanded_error(depth: usize) -> String {
        let open = r#"{"file_name":"src/lib.rs","expansion":{"macro_decl_name":"again!","span":"#;
        let span = format!(
            "{}{}{}",
            open.repeat(depth),
            r#"{"file_name":"src/lib.rs","expansion":null}"#,
            "}}".repeat(depth)
        );
        let line = serde_json::json!({
            "reason": "compiler-message", "package_id": "path+file:///day#day1@0.1.0",
            "manifest_path": "/day/Cargo.toml", "target": target(),
            "message": {"rendered": "error: recursion limit reached\n", "$message_type": "diagnostic",
                        "children": [], "code": null, "level": "error",
                        "message": "recursion limit reached while expanding `again!`",
                        "spans": ["SPAN"]}
        });
        line.to_string().replace(r#""SPAN""#, &span)
    }

    #[test]
    fn a_compiler_error_nested_deeper_than_serde_json_builds_is_still_read() {
        let line = deeply_expanded_error(1_000);
        assert!(
            serde_json::from_str::<serde_json::Value>(&line).is_err(),
            "the line is deeper than serde_json builds a tree: the test would prove nothing"
        );
        let Message::CompilerMessage(message) = Message::from_line(&line) else {
            panic!("a compiler message");
        };
        assert!(message.message.is_error() && !message.message.is_warning());
        assert_eq!(
            message.message.message,
            "recursion limit reached while expanding `again!`"
        );
        assert_eq!(
            message.message.rendered.as_deref(),
            Some("error: recursion limit reached\n")
        );
    }

    #[test]
    fn the_end_of_the_build_and_any_other_line() {
        let finished = Message::from_line(r#"{"reason":"build-finished","success":false}"#);
        assert!(matches!(
            finished,
            Message::BuildFinished { success: false }
        ));
        for other in [
            r#"{"reason":"build-script-executed","package_id":"x","linked_libs":[],"out_dir":"/o"}"#,
            r#"{"reason":"compiler-artifact","package_id":"path+file:///day"}"#,
            r#"{"reason":"build-finished"}"#,
            "warning: not JSON at all",
            "",
        ] {
            assert!(
                matches!(Message::from_line(other), Message::Other),
                "{other}"
            );
        }
    }
}
