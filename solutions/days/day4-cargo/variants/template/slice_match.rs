//! # Exercise 3: a project template
//!
//! ## The Python original (seed, Day 4, abridged)
//!
//! ```bash
//! #!/bin/bash
//! # setup.sh — set up a new SRE project
//! PROJECT_NAME=${1:-"sre-project"}
//! mkdir -p $PROJECT_NAME/{src,tests,scripts,config}
//! cd $PROJECT_NAME
//! python3 -m venv .venv
//! source .venv/bin/activate
//! cat > requirements.txt << 'EOF'
//! requests==2.31.0
//! pyyaml==6.0.1
//! prometheus-client==0.19.0
//! EOF
//! cat > requirements-dev.txt << 'EOF'
//! pytest>=7.0
//! EOF
//! pip install -r requirements.txt
//! pip install -r requirements-dev.txt
//! cat > .gitignore << 'EOF'
//! .venv/
//! __pycache__/
//! EOF
//! ```
//!
//! Exercise 3 asks for a reusable project template: that script, a `.gitignore`,
//! `requirements.txt` and `requirements-dev.txt`, a `README.md` with set-up instructions, and
//! "run it and verify everything works".
//!
//! ## The Rust idea
//!
//! There is no venv to create and nothing to activate. A Rust project's environment is its
//! folder: cargo finds the nearest `Cargo.toml` above the folder you run it in, and that file
//! says everything the venv and the two requirements files said.
//!
//! | Python project | Rust project |
//! |---|---|
//! | `python3 -m venv .venv`, `source .venv/bin/activate` | nothing: the folder is the environment |
//! | `requirements.txt` | `[dependencies]` in `Cargo.toml` |
//! | `requirements-dev.txt` (pytest) | `[dev-dependencies]` in `Cargo.toml`: tests only |
//! | `pip freeze > requirements.txt` | `Cargo.lock`, written by the first `cargo build` |
//! | `pip install -r ...` | `cargo build` (it fetches what the lock file pins) |
//! | the Python version (`.python-version`) | `rust-toolchain.toml`: rustup reads it |
//! | `.venv/` (in `.gitignore`) | `target/`, the build folder (in `.gitignore`) |
//!
//! `cargo new NAME` is the built-in template: a `Cargo.toml`, a `src/main.rs` that prints
//! "Hello, world!", a `.gitignore` holding `/target`, and a git repository. A team's template is
//! `cargo new` plus the team's choices, and that is what you write here: a function that writes a
//! complete new project with the team's dependencies, toolchain pin, README and folders.
//!
//! Three things the seed's script gets wrong, and yours must not:
//!
//! - **It overwrites.** `mkdir -p` and `cat >` replace an existing project's files without a word.
//!   Yours refuses a folder that already holds anything, and writes nothing then.
//! - **It trusts the name.** `$PROJECT_NAME` with a space makes two folders; `../x` writes outside.
//!   Yours checks the name first, by the rules cargo has for package names.
//! - **It runs on one shell.** Yours uses only `std::fs` and `Path::join`, so it runs on Windows
//!   too: join path pieces one at a time (`project.join("src").join("main.rs")`), never with a
//!   `/` inside a string. File *contents* may use `\n`.
//!
//! The template writes no `Cargo.lock`: the first `cargo build` (or `cargo test`) writes it, and
//! the team commits it, because an application's lock file is what makes every build the same
//! (Day 4's lesson, and the Cargo Book's FAQ). So the `.gitignore` must not ignore it.
//!
//! ## Your task
//!
//! 1. `project_name`: the seed's `PROJECT_NAME=${1:-"sre-project"}`. Given the command-line
//!    arguments after the program's own name, the first one, or [`DEFAULT_NAME`] when there is
//!    none. (An empty argument is passed on as it is: `check_name` then refuses it. Bash treats
//!    "empty" and "missing" alike; Rust makes you say which you mean.)
//! 2. `check_name`: the characters cargo and crates.io allow in a package name. The name is not empty; its
//!    first character is an ASCII letter or `_`; every other character is an ASCII letter, an
//!    ASCII digit, `-` or `_`. Anything else is `Err(TemplateError::InvalidName { name, why })`,
//!    with the name as given and a `why` in your words. (So `my project`, `2fast`, `-x`, `api.v2`,
//!    `café` and `../x` are refused; cargo itself only warns about `café`, crates.io refuses it.
//!    Cargo also refuses a few names made of allowed characters,
//!    such as `test` or `fn`; the template leaves those to cargo.)
//! 3. `create_project(parent, name)`: writes the project into `parent.join(name)` and returns that
//!    folder.
//!    - First the checks, before anything is written: an invalid name is `InvalidName`; a project
//!      folder that exists and holds anything (a file, a hidden file, a folder) is
//!      `NotEmpty(the project folder)`. An existing *empty* folder is fine: the project goes in it,
//!      as `cargo init` does. `parent` itself exists.
//!    - Then the files (any layout of the text, any valid TOML spelling):
//!      - `Cargo.toml`: package `name`, version `0.1.0`, edition `2024`, `rust-version` `1.85`.
//!        `[dependencies]`, the seed's `requirements.txt` in Rust, exactly as in exercise 1's
//!        healthwatch: `fetchy` any 2.x from 2.31.0; `yamlish` exactly 6.0.1; `promstats` any
//!        0.19.x from 0.19.0, with its feature `process`. `[dev-dependencies]`, the seed's
//!        `requirements-dev.txt`: `checkmate` any 7.x (never 8).
//!      - `rust-toolchain.toml`: a `[toolchain]` table whose `channel` is the toolchain this
//!        workbook pins (open the workbook's own `rust-toolchain.toml`, at its root, and use the
//!        same `channel`).
//!      - `.gitignore`: ignores the build folder `target` (`/target` is what `cargo new` writes),
//!        and not `Cargo.lock`. One pattern a line, from the start of the line.
//!      - `README.md`: the set-up instructions, with the commands `cargo build`, `cargo test` and
//!        `cargo run` written out (a word that there is nothing to activate helps a Python
//!        colleague, but is yours to add).
//!      - `src/main.rs`: a `fn main` that uses at least one of the dependencies by its path (a
//!        call, or a constant such as `fetchy::VERSION`).
//!      - `tests/`: one test file (any name, e.g. `tests/smoke.rs`) with a `#[test]` that calls
//!        `checkmate::check`: the dev-dependency in use.
//!      - `config/` and `scripts/`, the seed's other two folders, each with at least one file: git
//!        keeps no empty folder. E.g. a sample `config/settings.yaml` (`interval: 30`, one
//!        `key: value` a line: `yamlish::pairs` reads it) and a `scripts/README.md` that says what
//!        goes there.
//!
//! The tests generate projects into temporary folders, read their manifests with
//! `cargo metadata`, and run `cargo test` and `cargo run` in one: offline, on the workbook's
//! stand-in crates (`days/day4-cargo/registry/`), so the code you generate must compile. Their
//! APIs: `fetchy::Client::new(user_agent).get(url)` gives a `Request { method, url, .. }`;
//! `yamlish::pairs(text)` gives the `key: value` pairs; `promstats::Counter::new(name)`, `.inc()`,
//! `.get()`, and with `process`, `promstats::process::metric_names()`; `checkmate::check(condition,
//! message)`; each crate has a `VERSION` constant.
//!
//! Raw strings (`r#"..."#`) hold a file's text as it is, quotes and all. In `format!`, the braces
//! of the text itself are written twice: `{{ version = "0.19" }}`. Mind the indentation inside a
//! multi-line string: it is part of the file (a TOML or Markdown file does not mind; a `.gitignore`
//! pattern with spaces before it is another pattern).
//!
//! A binary that does what `setup.sh` does is then three lines (try it in a scratch crate):
//!
//! ```text
//! let args: Vec<String> = std::env::args().skip(1).collect();
//! let project = create_project(Path::new("."), project_name(&args))?;
//! println!("Project {} created: cd into it and run `cargo run`", project.display());
//! ```
//!
//! ## Read more
//!
//! - The Cargo Book, cargo new: <https://doc.rust-lang.org/cargo/commands/cargo-new.html>
//! - The Cargo Book, The Manifest Format: <https://doc.rust-lang.org/cargo/reference/manifest.html>
//! - The Cargo Book, Specifying Dependencies: <https://doc.rust-lang.org/cargo/reference/specifying-dependencies.html>
//! - The Cargo Book, FAQ: Why have Cargo.lock in version control?: <https://doc.rust-lang.org/cargo/faq.html#why-have-cargolock-in-version-control>
//! - The rustup book, Overrides: the toolchain file: <https://rust-lang.github.io/rustup/overrides.html#the-toolchain-file>
//! - std::fs (create_dir_all, write, read_dir): <https://doc.rust-lang.org/std/fs/index.html>
//!
//! Run the tests with `cargo day 4` (or `just day 4`); stuck? `cargo hint 4 template`.

// The `todo!()` bodies leave parameters and imports unused until you write them.
#![allow(unused)]

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
    match args {
        [first, ..] => first,
        [] => DEFAULT_NAME,
    }
}

// ---------------------------------------------------------------------------------------------
// Step 2: a name cargo accepts.
// ---------------------------------------------------------------------------------------------

/// `Ok(())` when `name` is made of the characters cargo allows in a package name (step 2 of the
/// task), else `Err(TemplateError::InvalidName { .. })`.
pub fn check_name(name: &str) -> Result<(), TemplateError> {
    let refuse = |why: String| {
        Err(TemplateError::InvalidName {
            name: name.to_string(),
            why,
        })
    };
    if name.is_empty() {
        return refuse("a package needs a name".to_string());
    }
    for (i, c) in name.chars().enumerate() {
        let ok = if i == 0 {
            c.is_ascii_alphabetic() || c == '_'
        } else {
            c.is_ascii_alphanumeric() || c == '-' || c == '_'
        };
        if !ok {
            return refuse(format!("character {c:?} at position {i} is not allowed"));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Step 3: the project. Helpers of your own (a `fn` per file's text, a table of files) are welcome.
// ---------------------------------------------------------------------------------------------

/// Writes a complete new project into `parent.join(name)` (step 3 of the task) and returns that
/// folder. Checks first, writes after: on `Err`, nothing has been written.
pub fn create_project(parent: &Path, name: &str) -> Result<PathBuf, TemplateError> {
    check_name(name)?;
    let root = parent.join(name);
    match fs::read_dir(&root) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(TemplateError::NotEmpty(root));
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => fs::create_dir(&root)?,
        Err(e) => return Err(e.into()),
    }
    let manifest = manifest_for(name);
    let files: [(&[&str], &str); 8] = [
        (&["Cargo.toml"], &manifest),
        (&["rust-toolchain.toml"], TOOLCHAIN),
        (&[".gitignore"], IGNORE),
        (&["README.md"], README),
        (&["src", "main.rs"], MAIN_RS),
        (&["tests", "health.rs"], TEST_RS),
        (&["config", "settings.yaml"], SETTINGS),
        (&["scripts", "README.md"], SCRIPTS),
    ];
    for (pieces, text) in files {
        put(&root, pieces, text)?;
    }
    Ok(root)
}

fn put(root: &Path, pieces: &[&str], text: &str) -> io::Result<()> {
    let mut path = root.to_path_buf();
    for piece in pieces {
        path.push(piece);
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(path, text)
}

fn manifest_for(name: &str) -> String {
    let mut out = String::new();
    out.push_str("[package]\n");
    out.push_str(&format!("name = \"{name}\"\n"));
    out.push_str("version = \"0.1.0\"\nedition = \"2024\"\nrust-version = \"1.85\"\n\n");
    out.push_str("[dependencies]\n");
    out.push_str("fetchy = \">=2.31.0, <3\"\n");
    out.push_str("yamlish = \"=6.0.1\"\n");
    out.push_str("promstats = { version = \"0.19.0\", features = [\"process\"] }\n\n");
    out.push_str("[dev-dependencies]\ncheckmate = \"~7\"\n");
    out
}

const TOOLCHAIN: &str = "toolchain = { channel = \"1.95.0\" }\n";
const IGNORE: &str = "# build output\ntarget\n";
const README: &str = "# A new SRE tool\n\nNo venv, nothing to activate: the folder is the environment.\n\n    cargo build\n    cargo test\n    cargo run\n";
const MAIN_RS: &str = r#"fn main() {
    let settings = yamlish::pairs("interval: 30\n");
    println!("yamlish {} read {} settings", yamlish::VERSION, settings.len());
}
"#;
const TEST_RS: &str = r#"#[test]
fn it_builds() {
    checkmate::check(1 + 1 == 2, "arithmetic works");
}
"#;
const SETTINGS: &str = "interval: 30\nthreshold: 90\n";
const SCRIPTS: &str = "Helper scripts for this tool go here.\n";
