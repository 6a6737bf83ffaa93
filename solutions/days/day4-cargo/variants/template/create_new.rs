//! # Exercise 3: a project template (alternative: create_new and writeln!)
//!
//! Each file is opened with `OpenOptions::create_new`, which refuses to replace a file that is
//! there, and the manifest is built with `writeln!` into a `String`, in dotted-key TOML
//! (`promstats.features = [...]`) with full versions (`"2.31.0"` is the caret `^2.31.0` too). The
//! toolchain file is the workbook's own, copied at compile time with `include_str!`. The name is
//! checked by position with `char_indices`.
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
use std::fmt::Write as _;
use std::fs;
use std::fs::OpenOptions;
use std::io;
use std::io::Write;
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
    if args.is_empty() {
        DEFAULT_NAME
    } else {
        &args[0]
    }
}

pub fn check_name(name: &str) -> Result<(), TemplateError> {
    let refuse = |why: &str| TemplateError::InvalidName {
        name: String::from(name),
        why: String::from(why),
    };
    if name.is_empty() {
        return Err(refuse("the name is empty"));
    }
    for (i, c) in name.char_indices() {
        let allowed = if i == 0 {
            c.is_ascii_alphabetic() || c == '_'
        } else {
            c.is_ascii_alphanumeric() || c == '-' || c == '_'
        };
        if !allowed {
            return Err(refuse(&format!("{c:?} is not allowed at byte {i}")));
        }
    }
    Ok(())
}

/// The workbook's own toolchain file, word for word: the team's pin is the workbook's.
const TOOLCHAIN_FILE: &str = include_str!("../../../rust-toolchain.toml");

/// Creates `path` and writes `text` to it; an existing file is an error, never overwritten.
fn write_new(path: &Path, text: &str) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(text.as_bytes())
}

pub fn create_project(parent: &Path, name: &str) -> Result<PathBuf, TemplateError> {
    check_name(name)?;
    let dir = parent.join(name);
    if dir.is_dir() {
        if fs::read_dir(&dir)?.count() > 0 {
            return Err(TemplateError::NotEmpty(dir));
        }
    } else {
        fs::create_dir(&dir)?;
    }
    for sub in ["src", "tests", "scripts", "config"] {
        fs::create_dir(dir.join(sub))?;
    }

    let mut manifest = String::new();
    writeln!(manifest, "[package]").unwrap();
    writeln!(manifest, "name = {name:?}").unwrap();
    writeln!(manifest, "version = \"0.1.0\"").unwrap();
    writeln!(manifest, "edition = \"2024\"").unwrap();
    writeln!(manifest, "rust-version = \"1.85\"").unwrap();
    writeln!(manifest).unwrap();
    writeln!(manifest, "[dependencies]").unwrap();
    writeln!(manifest, "fetchy.version = \"2.31.0\"").unwrap();
    writeln!(manifest, "yamlish.version = \"=6.0.1\"").unwrap();
    writeln!(manifest, "promstats.version = \"0.19.0\"").unwrap();
    writeln!(manifest, "promstats.features = [\"process\"]").unwrap();
    writeln!(manifest).unwrap();
    writeln!(manifest, "[dev-dependencies]").unwrap();
    writeln!(manifest, "checkmate = \"7.0\"").unwrap();
    write_new(&dir.join("Cargo.toml"), &manifest)?;

    write_new(&dir.join("rust-toolchain.toml"), TOOLCHAIN_FILE)?;
    write_new(&dir.join(".gitignore"), "**/target\n*.swp\n")?;
    write_new(
        &dir.join("README.md"),
        &format!(
            "{name}\n{underline}\n\nRust needs no virtualenv, so there is nothing to activate.\n\n\
             Build: `cargo build`\n\nTest: `cargo test`\n\nRun: `cargo run -- --help`\n",
            underline = "=".repeat(name.len())
        ),
    )?;
    write_new(
        &dir.join("src").join("main.rs"),
        "use promstats::Counter;\n\nfn main() {\n    let mut runs = Counter::new(\"runs_total\");\n    \
         runs.inc();\n    println!(\"{} = {}\", runs.name, runs.get());\n}\n",
    )?;
    write_new(
        &dir.join("tests").join("smoke.rs"),
        "#[test]\nfn a_request_is_a_get() {\n    let request = fetchy::Client::new(\"t\").get(\"http://localhost/\");\n    \
         checkmate::check(request.method == \"GET\", \"get builds a GET\");\n}\n",
    )?;
    write_new(&dir.join("config").join("settings.yaml"), "interval: 30\n")?;
    write_new(
        &dir.join("scripts").join("README.md"),
        "Operational scripts live here.\n",
    )?;
    Ok(dir)
}
