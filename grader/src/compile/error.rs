//! What stops a build from running at all: cargo missing, or its output unreadable.

use std::fmt;

/// Something that stops the build from running at all.
#[derive(Debug)]
pub enum CompileError {
    CargoMissing {
        cargo: String,
        source: std::io::Error,
    },
    Output(std::io::Error),
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::CargoMissing { cargo, source } => write!(
                f,
                "cannot run `{cargo}`: {source}. Is Rust installed? Get it from https://rustup.rs, then open a new terminal"
            ),
            CompileError::Output(source) => write!(f, "failed to read cargo's output: {source}"),
        }
    }
}

// The message says the cause, so it is not given again as the source: printed as a chain
// (`{error:#}`), it would be said twice.
impl std::error::Error for CompileError {}

impl From<std::io::Error> for CompileError {
    fn from(source: std::io::Error) -> Self {
        CompileError::Output(source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compile_error_says_what_failed_and_its_cause_once() {
        let missing = CompileError::CargoMissing {
            cargo: "cargo".into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "program not found"),
        };
        assert_eq!(
            missing.to_string(),
            "cannot run `cargo`: program not found. Is Rust installed? Get it from \
             https://rustup.rs, then open a new terminal"
        );
        assert!(
            std::error::Error::source(&missing).is_none(),
            "the message says the cause; given as the source too, a chain would print it twice"
        );
        let output = CompileError::from(std::io::Error::other("broken pipe"));
        assert!(matches!(output, CompileError::Output(_)));
        assert_eq!(
            output.to_string(),
            "failed to read cargo's output: broken pipe"
        );
        assert!(
            std::error::Error::source(&output).is_none(),
            "the message says the cause; given as the source too, a chain would print it twice"
        );
    }
}
