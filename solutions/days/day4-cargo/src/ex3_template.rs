//! # Exercise 3: a project template (reference solution)
//!
//! The seed's `setup.sh` without the venv: the folder, `Cargo.toml` and `rust-toolchain.toml` are
//! the environment, and the first `cargo build` writes `Cargo.lock`. Every check comes before the
//! first write, each file's text is a constant (only `Cargo.toml` and `README.md` carry the
//! name), and every path is joined piece by piece, so the same code runs on Windows.
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

// ---------------------------------------------------------------------------------------------
// Step 1: the name, `${1:-"sre-project"}`.
// ---------------------------------------------------------------------------------------------

/// The first of `args` (the command-line arguments after the program's name), or
/// [`DEFAULT_NAME`] when there is none.
pub fn project_name(args: &[String]) -> &str {
    args.first().map_or(DEFAULT_NAME, String::as_str)
}

// ---------------------------------------------------------------------------------------------
// Step 2: a name cargo accepts.
// ---------------------------------------------------------------------------------------------

/// `Ok(())` when `name` is made of the characters cargo allows in a package name (step 2 of the
/// task), else `Err(TemplateError::InvalidName { .. })`.
pub fn check_name(name: &str) -> Result<(), TemplateError> {
    let invalid = |why: String| {
        Err(TemplateError::InvalidName {
            name: name.to_owned(),
            why,
        })
    };
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return invalid("a package needs a name".to_owned());
    };
    if !(first.is_ascii_alphabetic() || first == '_') {
        return invalid(format!(
            "it starts with {first:?}: an ASCII letter or `_` comes first"
        ));
    }
    if let Some(c) = chars.find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_')) {
        return invalid(format!(
            "{c:?} is not an ASCII letter, an ASCII digit, `-` or `_`"
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Step 3: the project.
// ---------------------------------------------------------------------------------------------

/// The toolchain the workbook pins (its own `rust-toolchain.toml`): the team's toolchain.
const RUST_TOOLCHAIN_TOML: &str = r#"# The toolchain this project is built with (what .python-version is to pyenv): rustup reads it.
[toolchain]
channel = "1.95.0"
"#;

/// The build folder stays out of git; `Cargo.lock` does not: an application commits it.
const GITIGNORE: &str =
    "# The build folder: what .venv/ was to a Python project. Cargo.lock is committed.
/target
";

const MAIN_RS: &str = r#"//! The project's program: it uses its three dependencies.

fn main() {
    let settings = yamlish::pairs(include_str!("../config/settings.yaml"));
    let client = fetchy::Client::new(concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION")));
    let request = client.get("https://status.example.com/health");
    let mut checks = promstats::Counter::new("checks_total");
    checks.inc();
    println!("{} with fetchy {}: {} {}", env!("CARGO_PKG_NAME"), fetchy::VERSION, request.method, request.url);
    println!("{} settings; {} = {}", settings.len(), checks.name, checks.get());
    println!("process metrics: {}", promstats::process::metric_names().join(", "));
}
"#;

const SMOKE_RS: &str = r#"//! The project's first test: checkmate is a dev-dependency, for tests only.

#[test]
fn the_sample_config_parses() {
    let settings = yamlish::pairs(include_str!("../config/settings.yaml"));
    checkmate::check(!settings.is_empty(), "config/settings.yaml has `key: value` lines");
}
"#;

const SETTINGS_YAML: &str = "# A sample configuration: one `key: value` a line.
interval: 30
threshold: 90
";

const SCRIPTS_README: &str = "# scripts

Helper scripts for this project (deployment, maintenance) go here.
";

/// The manifest: `requirements.txt` and `requirements-dev.txt` in one file.
fn cargo_toml(name: &str) -> String {
    format!(
        r#"[package]
name = "{name}"
version = "0.1.0"
edition = "2024"
rust-version = "1.85"

# requirements.txt: what the program needs.
[dependencies]
fetchy = "2.31"
yamlish = "=6.0.1"
promstats = {{ version = "0.19", features = ["process"] }}

# requirements-dev.txt: what only the tests need.
[dev-dependencies]
checkmate = "7"
"#
    )
}

/// The set-up instructions.
fn readme(name: &str) -> String {
    format!(
        "# {name}

An SRE tool, made from the team's project template.

## Set up

There is nothing to create or activate: the folder is the environment. Cargo reads `Cargo.toml`
(the dependencies), `Cargo.lock` (their exact versions) and `rust-toolchain.toml` (the toolchain,
which rustup installs if needed).

```sh
cargo build   # fetches and compiles the dependencies; the first build writes Cargo.lock: commit it
cargo test    # runs the tests in tests/
cargo run     # runs the program
```
"
    )
}

/// Writes a complete new project into `parent.join(name)` (step 3 of the task) and returns that
/// folder. Checks first, writes after: on `Err`, nothing has been written.
pub fn create_project(parent: &Path, name: &str) -> Result<PathBuf, TemplateError> {
    check_name(name)?;
    let project = parent.join(name);
    if project.exists() && fs::read_dir(&project)?.next().is_some() {
        return Err(TemplateError::NotEmpty(project));
    }
    for folder in ["src", "tests", "config", "scripts"] {
        fs::create_dir_all(project.join(folder))?;
    }
    fs::write(project.join("Cargo.toml"), cargo_toml(name))?;
    fs::write(project.join("rust-toolchain.toml"), RUST_TOOLCHAIN_TOML)?;
    fs::write(project.join(".gitignore"), GITIGNORE)?;
    fs::write(project.join("README.md"), readme(name))?;
    fs::write(project.join("src").join("main.rs"), MAIN_RS)?;
    fs::write(project.join("tests").join("smoke.rs"), SMOKE_RS)?;
    fs::write(project.join("config").join("settings.yaml"), SETTINGS_YAML)?;
    fs::write(project.join("scripts").join("README.md"), SCRIPTS_README)?;
    Ok(project)
}
