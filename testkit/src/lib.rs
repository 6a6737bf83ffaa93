//! Helpers the workbook's canonical tests share: compile-fail checks whose failure teaches.
//!
//! trybuild's own verdict ("expected to fail to compile, but it succeeded") says what happened but
//! not why the code must not compile. [`expect_compile_errors`] runs trybuild and, when a case does
//! not fail the way its `.stderr` file says, fails with the lesson instead.

use std::panic::{AssertUnwindSafe, catch_unwind};

/// Asserts that each case (a path like `tests/ui/ex1_missing_name.rs`) fails to compile with the
/// errors in the `.stderr` file beside it; otherwise panics with `why`, the lesson of the case.
#[track_caller]
pub fn expect_compile_errors(cases: &[&str], why: &str) {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let t = trybuild::TestCases::new();
        for case in cases {
            t.compile_fail(case);
        }
        // trybuild builds and checks the cases when `t` is dropped, here.
    }));
    if outcome.is_err() {
        panic!("{why}\n{}", how_to_see_more(cases));
    }
}

/// What to do when the code does fail to compile, but with another error than the expected one.
fn how_to_see_more(cases: &[&str]) -> String {
    let expected: Vec<String> = cases
        .iter()
        .map(|case| format!("{}.stderr", case.trim_end_matches(".rs")))
        .collect();
    let package = std::env::var("CARGO_PKG_NAME").unwrap_or_else(|_| "<this day>".to_owned());
    let target = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.file_stem()?.to_str().map(str::to_owned))
        .map(|stem| {
            stem.rsplit_once('-')
                .map_or(stem.clone(), |(name, _)| name.to_owned())
        })
        .unwrap_or_else(|| "<this test file>".to_owned());
    format!(
        "If your code already does this, it fails with another error than the expected one ({}): \
         keep the names and signatures the stub gives. To see the compiler's output: \
         `cargo test -p {package} --test {target}`. (The expected errors were written by Rust 1.95; \
         a much newer compiler may word them differently.)",
        expected.join(", ")
    )
}
