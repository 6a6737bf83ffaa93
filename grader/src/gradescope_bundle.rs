//! A ready Gradescope autograder bundle: `setup.sh`, `run_autograder`, a README and a copy of the
//! workbook (the release students received), which grades one submission with `cargo grader
//! batch` and leaves Gradescope's `results.json` where it looks for it.
//!
//! The instructor passes the released workbook (`cargo grader release DIR`) as the source, never
//! the repository with the reference solutions: the bundle is copied into Gradescope's image.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::workbook::Workbook;

/// The bundle's folder that holds the copy of the workbook.
pub const WORKBOOK_DIR: &str = "workbook";

const SETUP_TEMPLATE: &str = include_str!("gradescope_bundle/setup.sh");
const RUN_TEMPLATE: &str = include_str!("gradescope_bundle/run_autograder");
const README_TEMPLATE: &str = include_str!("gradescope_bundle/README.txt");

#[derive(Debug)]
pub enum BundleError {
    DestinationNotEmpty(PathBuf),
    UnknownUnit {
        unit: String,
        known: String,
    },
    NoToolchain(PathBuf),
    Link(PathBuf),
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::DestinationNotEmpty(dest) => write!(
                f,
                "{} is not empty: give `cargo grader gradescope` a new folder (or an empty one) for the bundle",
                dest.display()
            ),
            BundleError::UnknownUnit { unit, known } => write!(
                f,
                "there is no unit `{unit}` in this workbook: name one of {known}, or `all`"
            ),
            BundleError::NoToolchain(source) => write!(
                f,
                "{} has no rust-toolchain.toml with a `channel`: pass the released workbook's folder, the one with README.md and days/",
                source.display()
            ),
            BundleError::Link(path) => write!(
                f,
                "{} is a symbolic link: a released workbook has none; write the release again with `cargo grader release`",
                path.display()
            ),
            BundleError::Io {
                action,
                path,
                source,
            } => write!(f, "cannot {action} {}: {source}", path.display()),
        }
    }
}

// The message says the cause, so it is not given again as the source: printed as a chain
// (`{error:#}`), it would be said twice.
impl std::error::Error for BundleError {}

/// Writes the bundle into `dest` (created if needed; it must be empty): `setup.sh` and
/// `run_autograder` (executable on Unix), `README.txt`, and `workbook/`, a copy of `source` (the
/// released workbook) without `target/` and `.git/` folders. `units` are the `--unit` names to
/// grade (`day1` … `capstone`, or `all`; none means all), checked against `workbook`. Returns the
/// bundle's own files (not the workbook's copy).
pub fn write_bundle(
    workbook: &Workbook,
    dest: &Path,
    units: &[String],
    source: &Path,
) -> Result<Vec<PathBuf>, BundleError> {
    let units = checked_units(workbook, units)?;
    let (channel, components) = toolchain(source)?;
    if dest.exists() {
        let mut entries = std::fs::read_dir(dest).map_err(io("read", dest))?;
        if entries.next().is_some() {
            return Err(BundleError::DestinationNotEmpty(dest.to_owned()));
        }
    }
    std::fs::create_dir_all(dest).map_err(io("create", dest))?;
    let dest_canonical = dest.canonicalize().map_err(io("read", dest))?;
    copy_tree(source, &dest.join(WORKBOOK_DIR), &dest_canonical)?;

    let unit_args = units
        .iter()
        .map(|u| format!("--unit {u}"))
        .collect::<Vec<_>>()
        .join(" ");
    // A checkout on Windows may have given the templates CRLF line ends, which bash refuses.
    let fill = |template: &str| {
        template
            .replace("\r\n", "\n")
            .replace("@CHANNEL@", &channel)
            .replace("@COMPONENTS@", &components.join(","))
            .replace("@UNITS@", &unit_args)
            .replace("@UNIT_NAMES@", &units.join(", "))
            .replace("@WORKBOOK_DIR@", WORKBOOK_DIR)
    };
    let mut written = Vec::new();
    for (name, template, executable) in [
        ("setup.sh", SETUP_TEMPLATE, true),
        ("run_autograder", RUN_TEMPLATE, true),
        ("README.txt", README_TEMPLATE, false),
    ] {
        let path = dest.join(name);
        std::fs::write(&path, fill(template)).map_err(io("write", &path))?;
        if executable {
            make_executable(&path)?;
        }
        written.push(path);
    }
    Ok(written)
}

/// The `--unit` names to grade: each one the workbook has, `all` alone if any is `all` or none is
/// given.
pub fn checked_units(workbook: &Workbook, units: &[String]) -> Result<Vec<String>, BundleError> {
    let known: Vec<String> = workbook
        .units
        .iter()
        .map(crate::batch::score::unit_name)
        .collect();
    if units.is_empty() || units.iter().any(|u| u == "all") {
        return Ok(vec!["all".to_owned()]);
    }
    let mut checked = Vec::new();
    for unit in units {
        if !known.contains(unit) {
            return Err(BundleError::UnknownUnit {
                unit: unit.clone(),
                known: known.join(", "),
            });
        }
        if !checked.contains(unit) {
            checked.push(unit.clone());
        }
    }
    Ok(checked)
}

/// The toolchain's channel and components, from the workbook's `rust-toolchain.toml`.
fn toolchain(source: &Path) -> Result<(String, Vec<String>), BundleError> {
    #[derive(serde::Deserialize)]
    struct File {
        toolchain: Toolchain,
    }
    #[derive(serde::Deserialize)]
    struct Toolchain {
        channel: String,
        #[serde(default)]
        components: Vec<String>,
    }
    let path = source.join("rust-toolchain.toml");
    let text =
        std::fs::read_to_string(&path).map_err(|_| BundleError::NoToolchain(source.to_owned()))?;
    let file: File = toml::from_str(&text).map_err(|_| BundleError::NoToolchain(path.clone()))?;
    // The values land in a shell script: only the characters toolchain names use.
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
    };
    let channel = file.toolchain.channel;
    if !plain(&channel) || !file.toolchain.components.iter().all(|c| plain(c)) {
        return Err(BundleError::NoToolchain(path));
    }
    Ok((channel, file.toolchain.components))
}

/// Copies `from` into `to`, leaving out `target/` and `.git/` folders (at any depth) and the
/// bundle itself, should it be inside the workbook.
fn copy_tree(from: &Path, to: &Path, bundle: &Path) -> Result<(), BundleError> {
    std::fs::create_dir_all(to).map_err(io("create", to))?;
    let mut entries: Vec<_> = std::fs::read_dir(from)
        .map_err(io("read", from))?
        .collect::<Result<_, _>>()
        .map_err(io("read", from))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        let kind = entry.file_type().map_err(io("read", &path))?;
        if kind.is_symlink() {
            return Err(BundleError::Link(path));
        }
        if kind.is_dir() {
            let skipped = name == "target" || name == ".git";
            if skipped || path.canonicalize().is_ok_and(|p| p == bundle) {
                continue;
            }
            copy_tree(&path, &to.join(&name), bundle)?;
        } else {
            let target = to.join(&name);
            std::fs::copy(&path, &target).map_err(io("copy", &path))?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn make_executable(path: &Path) -> Result<(), BundleError> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .map_err(io("make executable", path))
}

/// Elsewhere a file has no executable bit; Gradescope's Linux image runs `run_autograder` with
/// bash whatever its mode once the zip is made on Unix (see README.txt).
#[cfg(not(unix))]
fn make_executable(_path: &Path) -> Result<(), BundleError> {
    Ok(())
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> BundleError {
    let path = path.to_owned();
    move |source| BundleError::Io {
        action,
        path,
        source,
    }
}

#[cfg(test)]
mod tests;
