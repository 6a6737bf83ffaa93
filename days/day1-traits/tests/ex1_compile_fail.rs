//! Exercise 1, compile-fail: an abstract check must not compile. Each case in `tests/ui/` includes
//! the learner's own `src/ex1_health_checks.rs`, so these tests grade the learner's trait.
//!
//! trybuild compiles each case and compares the compiler's errors with the `.stderr` file beside it.

use workbook_testkit::expect_compile_errors;

fn a_check_without_a_name_does_not_compile() {
    expect_compile_errors(
        &["tests/ui/ex1_missing_name.rs"],
        "a HealthCheck without name() must not compile (error E0046): every report line needs a name, and \
         Python's ABC refuses such a class. Make `name` a required method: remove its body, end it with `;`.",
    );
}

fn a_check_without_check_does_not_compile() {
    expect_compile_errors(
        &["tests/ui/ex1_missing_check.rs"],
        "a HealthCheck without check() must not compile (error E0046): a check that checks nothing would \
         report whatever a default says. Make `check` a required method: remove its body, end it with `;`.",
    );
}

fn an_abstract_check_cannot_be_instantiated() {
    expect_compile_errors(
        &[
            "tests/ui/ex1_trait_is_not_a_value.rs",
            "tests/ui/ex1_missing_severity.rs",
        ],
        "Python's `HealthChecker()` and a subclass without severity() both fail with \"Can't instantiate \
         abstract class\". In Rust a trait is not a value (`let c = HealthCheck;` does not compile), and a type \
         that leaves out severity() must not compile either: make check(), name() and severity() required methods.",
    );
}

workbook_harness::main!(
    a_check_without_a_name_does_not_compile,
    a_check_without_check_does_not_compile,
    an_abstract_check_cannot_be_instantiated,
);
