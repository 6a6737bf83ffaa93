//! # Exercise 3: a project template (alternative: a table of files)
//!
//! One table of (path pieces, text) and one loop: each file's folder is made with
//! `create_dir_all` on its parent. The name is checked over bytes with `matches!`; the manifest
//! spells its requirements another way (`^2.31.0`, `~0.19` in a `[dependencies.promstats]`
//! table, `>=7, <8`); the `.gitignore` says `target/`; the test file is `tests/checks.rs` and the
//! folders hold `.gitkeep` and a config of their own.
//!
//! ## Read more
//!
//! - The Cargo Book, cargo new: <https://doc.rust-lang.org/cargo/commands/cargo-new.html>
//! - The Cargo Book, The Manifest Format: <https://doc.rust-lang.org/cargo/reference/manifest.html>
//! - The Cargo Book, Specifying Dependencies: <https://doc.rust-lang.org/cargo/reference/specifying-dependencies.html>
//! - The Cargo Book, FAQ: Why have Cargo.lock in version control?: <https://doc.rust-lang.org/cargo/faq.html#why-have-cargolock-in-version-control>
//! - The rustup book, Overrides: the toolchain file: <https://rust-lang.github.io/rustup/overrides.html#the-toolchain-file>
//! - std::fs (create_dir_all, write, read_dir): <https://doc.rust-lang.org/std/fs/index.html>

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The project's name when none is given: the seed's `${1:-"sre-project"}`.
pub const DEFAULT_NAME: &str = "sre-project";

/// Why no project was made. Given: use it as it is.
#[derive(Debug)]
pub enum TemplateError {
    /// A name cargo would refuse as a package name; `why` says which rule it breaks.
    InvalidName { name: String, why: String },
    /// The project folder exists and holds something: the template never overwrites.
    NotEmpty(PathBuf),
    /// Reading or writing the disk failed.
    Io(io::Error),
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::InvalidName { name, why } => {
                write!(f, "{name:?} is not a valid package name: {why}")
            }
            TemplateError::NotEmpty(path) => write!(
                f,
                "{} exists and is not empty: the template overwrites nothing",
                path.display()
            ),
            TemplateError::Io(e) => write!(f, "could not write the project: {e}"),
        }
    }
}

impl std::error::Error for TemplateError {}

/// `?` on an `io::Result` turns its error into `TemplateError::Io`.
impl From<io::Error> for TemplateError {
    fn from(e: io::Error) -> TemplateError {
        TemplateError::Io(e)
    }
}

pub fn project_name(args: &[String]) -> &str {
    match args {
        [first, ..] => first,
        [] => DEFAULT_NAME,
    }
}

pub fn check_name(name: &str) -> Result<(), TemplateError> {
    let why = match name.as_bytes() {
        [] => Some("it is empty"),
        [b'0'..=b'9', ..] => Some("a package name cannot start with a digit"),
        [first, ..] if !matches!(first, b'a'..=b'z' | b'A'..=b'Z' | b'_') => {
            Some("it must start with an ASCII letter or an underscore")
        }
        bytes
            if !bytes
                .iter()
                .all(|b| matches!(b, b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_')) =>
        {
            Some("only ASCII letters, digits, `-` and `_` are allowed")
        }
        _ => None,
    };
    match why {
        Some(why) => Err(TemplateError::InvalidName {
            name: name.to_string(),
            why: why.to_string(),
        }),
        None => Ok(()),
    }
}

fn is_empty_or_missing(dir: &Path) -> Result<bool, TemplateError> {
    match fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_none()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(TemplateError::Io(e)),
    }
}

pub fn create_project(parent: &Path, name: &str) -> Result<PathBuf, TemplateError> {
    check_name(name)?;
    let root = parent.join(name);
    if !is_empty_or_missing(&root)? {
        return Err(TemplateError::NotEmpty(root));
    }

    let manifest = [
        "[package]".to_string(),
        format!("name = \"{name}\""),
        "version = \"0.1.0\"".to_string(),
        "edition = \"2024\"".to_string(),
        "rust-version = \"1.85\"".to_string(),
        String::new(),
        "[dependencies]".to_string(),
        "fetchy = \"^2.31.0\"".to_string(),
        "yamlish = \"= 6.0.1\"".to_string(),
        String::new(),
        "[dependencies.promstats]".to_string(),
        "version = \"~0.19\"".to_string(),
        "features = [\"process\"]".to_string(),
        String::new(),
        "[dev-dependencies]".to_string(),
        "checkmate = \">=7, <8\"".to_string(),
    ]
    .join("\n")
        + "\n";
    let readme = format!(
        "# {name}\n\nNo virtual environment: nothing to activate. From this folder:\n\n\
         1. `cargo build` builds it (and writes Cargo.lock, which is committed)\n\
         2. `cargo test` tests it\n\
         3. `cargo run` runs it\n"
    );

    let files: [(&[&str], String); 9] = [
        (&["Cargo.toml"], manifest),
        (&["README.md"], readme),
        (&[".gitignore"], "target/\n".to_string()),
        (
            &["rust-toolchain.toml"],
            "[toolchain]\nchannel = \"1.95.0\"\ncomponents = [\"rustfmt\", \"clippy\"]\n"
                .to_string(),
        ),
        (
            &["src", "main.rs"],
            "fn main() {\n    println!(\"fetchy {}\", fetchy::VERSION);\n}\n".to_string(),
        ),
        (
            &["tests", "checks.rs"],
            "use checkmate::check;\n\n#[test]\nfn yamlish_is_the_pinned_one() {\n    \
             check(yamlish::VERSION == \"6.0.1\", \"yamlish is pinned to 6.0.1\");\n}\n"
                .to_string(),
        ),
        (&["config", "app.yaml"], "log_level: info\n".to_string()),
        (&["config", ".gitkeep"], String::new()),
        (&["scripts", ".gitkeep"], String::new()),
    ];
    for (pieces, text) in files {
        let path = pieces
            .iter()
            .fold(root.clone(), |path, piece| path.join(piece));
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)?;
        }
        fs::write(&path, text)?;
    }
    Ok(root)
}
