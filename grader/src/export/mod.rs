//! A graded batch written in the formats instructors use: JSON, a CSV gradebook, JUnit XML,
//! Gradescope's `results.json` and a Markdown summary.
//!
//! Every format reads the same [`BatchReport`]; each lives in a file of its own. [`write_all`]
//! writes the chosen ones into an output folder:
//!
//! | format       | files                                                  |
//! |--------------|--------------------------------------------------------|
//! | `json`       | `class.json`, `submissions/<student>.json`             |
//! | `csv`        | `gradebook.csv`                                        |
//! | `junit`      | `junit.xml`                                            |
//! | `gradescope` | `gradescope/<student>/results.json`                    |
//! | `markdown`   | `summary.md`                                           |

mod csv;
mod gradescope;
mod json;
mod junit;
mod markdown;
mod names;

use std::path::{Path, PathBuf};

use crate::batch::BatchReport;

pub use self::csv::csv_gradebook;
pub use self::gradescope::{Visibility, gradescope_results, gradescope_results_with};
pub use self::json::{json_class, json_submission};
pub use self::junit::junit;
pub use self::markdown::markdown_summary;
pub use self::names::{exercise_label, format_points, student_file_names, unit_label};

/// An output format, as `--format` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Json,
    Csv,
    Junit,
    Gradescope,
    Markdown,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 5] = [
        Format::Json,
        Format::Csv,
        Format::Junit,
        Format::Gradescope,
        Format::Markdown,
    ];

    /// The name `--format` takes: `json`, `csv`, `junit`, `gradescope`, `markdown`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Junit => "junit",
            Format::Gradescope => "gradescope",
            Format::Markdown => "markdown",
        }
    }

    /// The format with this name (case-insensitive).
    pub fn from_name(name: &str) -> Option<Format> {
        let name = name.trim().to_ascii_lowercase();
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// "json, csv, junit, gradescope, markdown", for error messages.
    pub fn names() -> String {
        Format::ALL.map(Format::name).join(", ")
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    /// [`Format::from_name`], with an error that lists the names (for `str::parse`).
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Format::from_name(name)
            .ok_or_else(|| format!("no format `{name}`: name one of {}", Format::names()))
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How the formats that have choices are written.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExportOptions {
    /// When Gradescope shows the results to the student.
    pub gradescope_visibility: Visibility,
}

/// Writes each format of `formats` (each once, whatever the repeats) into `out_dir`, created if
/// needed, with the default [`ExportOptions`]. Returns the files written, in the order written.
pub fn write_all(
    report: &BatchReport,
    formats: &[Format],
    out_dir: &Path,
) -> std::io::Result<Vec<PathBuf>> {
    write_all_with(report, formats, out_dir, &ExportOptions::default())
}

/// [`write_all`], with the choices of `options`.
pub fn write_all_with(
    report: &BatchReport,
    formats: &[Format],
    out_dir: &Path,
    options: &ExportOptions,
) -> std::io::Result<Vec<PathBuf>> {
    let mut formats = formats.to_vec();
    formats.sort();
    formats.dedup();
    let file_names = student_file_names(report);
    let mut written = Vec::new();
    let mut write = |relative: PathBuf, text: String| -> std::io::Result<()> {
        let path = out_dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, text).map_err(|e| {
            std::io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display()))
        })?;
        written.push(path);
        Ok(())
    };
    for format in formats {
        match format {
            Format::Json => {
                write("class.json".into(), json_class(report))?;
                for (submission, name) in report.submissions.iter().zip(&file_names) {
                    let path = Path::new("submissions").join(format!("{name}.json"));
                    write(path, json_submission(submission))?;
                }
            }
            Format::Csv => write("gradebook.csv".into(), csv_gradebook(report))?,
            Format::Junit => write("junit.xml".into(), junit(report))?,
            Format::Gradescope => {
                for (submission, name) in report.submissions.iter().zip(&file_names) {
                    let path = Path::new("gradescope").join(name).join("results.json");
                    let text =
                        gradescope_results_with(submission, report, options.gradescope_visibility);
                    write(path, text)?;
                }
            }
            Format::Markdown => write("summary.md".into(), markdown_summary(report))?,
        }
    }
    Ok(written)
}

#[cfg(test)]
pub(crate) mod sample;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_is_found_by_its_name_and_nothing_else_is() {
        for format in Format::ALL {
            assert_eq!(Format::from_name(format.name()), Some(format));
            assert_eq!(
                Format::from_name(&format.name().to_uppercase()),
                Some(format)
            );
        }
        assert_eq!(
            Format::from_name("xml"),
            None,
            "one name per format, as --help lists them"
        );
        assert_eq!(Format::from_name("yaml"), None);
        assert_eq!(Format::names(), "json, csv, junit, gradescope, markdown");
        assert_eq!("junit".parse::<Format>(), Ok(Format::Junit));
        assert_eq!(
            "yaml".parse::<Format>(),
            Err("no format `yaml`: name one of json, csv, junit, gradescope, markdown".to_owned())
        );
    }

    #[test]
    fn write_all_writes_each_formats_files_once() {
        let report = sample::batch();
        let dir = tempfile::tempdir().unwrap();
        let written = write_all(
            &report,
            &[
                Format::Markdown,
                Format::Json,
                Format::Markdown,
                Format::Gradescope,
            ],
            dir.path(),
        )
        .unwrap();
        let relative: Vec<String> = written
            .iter()
            .map(|p| {
                p.strip_prefix(dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(
            relative,
            [
                "class.json",
                "submissions/alice.json",
                "submissions/bob___bobby_.json",
                "submissions/=cmd.json",
                "gradescope/alice/results.json",
                "gradescope/bob___bobby_/results.json",
                "gradescope/=cmd/results.json",
                "summary.md",
            ]
        );
        for path in &written {
            assert!(path.is_file(), "{} was not written", path.display());
        }
        let summary = std::fs::read_to_string(dir.path().join("summary.md")).unwrap();
        assert_eq!(summary, markdown_summary(&report));
    }

    #[test]
    fn write_all_says_which_file_it_could_not_write() {
        let report = sample::batch();
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("gradebook.csv")).unwrap();
        let error = write_all(&report, &[Format::Csv], dir.path()).unwrap_err();
        assert!(error.to_string().contains("gradebook.csv"), "{error}");
    }
}
