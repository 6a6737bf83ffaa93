//! The workbook checks itself: every manifest is whole, every reference solution passes every test
//! of its day, and on the stubs no test passes by accident and every stub compiles as shipped.
//!
//! In a release without `solutions/` (`cargo grader release`) it checks the layout and the stubs
//! only, and prints a note saying so.
//!
//! It grades through the same mechanism as `cargo day N`, in staged copies in the temporary folder,
//! outside the workbook (the same as `cargo grader check`).

use std::path::Path;

use grader::selfcheck;
use grader::workbook::Workbook;

#[test]
fn every_solution_passes_and_every_stub_fails_every_exercise() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the grader sits in the workbook");
    let workbook = Workbook::load(root).expect("the workbook's manifests load");
    assert!(
        workbook.day(1).is_some(),
        "the workbook has a day 1 to check"
    );
    let work_dir = selfcheck::default_work_dir(&workbook);
    let findings = selfcheck::run(&workbook, &[], &work_dir, &|_| {}).expect("the self-check runs");
    // A release without solutions/ checks its layout and stubs only, and says so.
    for note in &findings.notes {
        println!("note: {note}");
    }
    let problems = findings.problems;
    let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "the workbook has {} problems:\n{}",
        problems.len(),
        list.join("\n")
    );
}
