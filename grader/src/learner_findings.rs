//! What a learner's run warns of beyond its tests: what an instructor's grading would not accept.
//!
//! A forbidden API in an exercise's files (its policy scores the exercise 0), and a Rust file of the
//! learner's own in a unit's `src/` folders (handing in takes only the exercises' files, so it is
//! left out). Both build and pass here, so the report says so, and the run does not count as done.

use std::path::Path;

use crate::workbook::Unit;

/// Every finding of `unit` in the workspace at `root`, as the report's warnings; `only` limits the
/// policy's findings to those exercises (all when empty).
pub fn findings(root: &Path, unit: &Unit, only: &[String]) -> Vec<String> {
    let mut findings = policy_findings(root, unit, only);
    findings.extend(added_file_findings(root, unit));
    findings
}

/// The uses of APIs an exercise's policy forbids (its `forbid` list) in the learner's files:
/// instructors' grading scores such an exercise 0, so the learner hears of it first.
fn policy_findings(root: &Path, unit: &Unit, only: &[String]) -> Vec<String> {
    unit.manifest
        .exercises
        .iter()
        .filter(|e| only.is_empty() || only.contains(&e.id))
        .flat_map(|exercise| {
            crate::policy::check_exercise(root, unit, exercise)
                .into_iter()
                .map(|finding| {
                    format!(
                        "{}: not allowed in this exercise: `{}` at {} (its policy forbids `{}`, and \
                         an instructor's grading scores the exercise 0 for it)",
                        exercise.id,
                        finding.found,
                        finding.location(),
                        finding.what
                    )
                })
        })
        .collect()
}

/// The Rust files in the unit's `src/` folders that the workbook did not ship: they build here,
/// but handing in takes only the exercises' files, so the learner hears of it before an
/// instructor's grading leaves them out.
fn added_file_findings(root: &Path, unit: &Unit) -> Vec<String> {
    crate::grade::stubs::added_source_files(root, unit)
        .into_iter()
        .map(|file| {
            let module = module_name(&file);
            // With `/` on every system, as the manifests name files.
            let shown: Vec<_> = file.iter().map(|part| part.to_string_lossy()).collect();
            format!(
                "{} is a file of your own: handing in takes only the exercises' files, so an \
                 instructor's grading leaves it out. Move its code into the file that declares \
                 `mod {module};`, as an inline `mod {module} {{ … }}`, or delete it if it is not \
                 part of your solution",
                shown.join("/")
            )
        })
        .collect()
}

/// The module a file holds: its name, or its folder's for a `mod.rs` (`checks/mod.rs` is `checks`).
fn module_name(file: &Path) -> String {
    let stem = file.file_stem().unwrap_or_default();
    let name = match file.parent().and_then(Path::file_name) {
        Some(folder) if stem == "mod" => folder,
        _ => stem,
    };
    name.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::module_name;

    #[test]
    fn a_files_module_is_its_name_or_for_mod_rs_its_folders() {
        assert_eq!(module_name(Path::new("days/d/src/helpers.rs")), "helpers");
        assert_eq!(module_name(Path::new("days/d/src/checks/mod.rs")), "checks");
    }
}
