//! Exercise 1, compile-fail: an abstract check must not compile. Each case in `tests/ui/` includes
//! the learner's own `src/ex1_health_checks.rs`, so these tests grade the learner's trait.
//!
//! trybuild compiles each case; the check accepts only the errors listed here, by their code and
//! the words of rustc's message that name the trait's methods (the exercise fixes those names).

use workbook_testkit::{Expected, expect_compile_error};

fn a_check_without_a_name_does_not_compile() {
    expect_compile_error(
        "tests/ui/ex1_missing_name.rs",
        &[Expected::error(
            "E0046",
            "not all trait items implemented, missing: `name`",
        )],
        "a HealthCheck without name() must not compile (error E0046): every report line needs a name, and \
         Python's ABC refuses such a class. Make `name` a required method: remove its body, end it with `;`.",
    );
}

fn a_check_without_check_does_not_compile() {
    expect_compile_error(
        "tests/ui/ex1_missing_check.rs",
        &[Expected::error(
            "E0046",
            "not all trait items implemented, missing: `check`",
        )],
        "a HealthCheck without check() must not compile (error E0046): a check that checks nothing would \
         report whatever a default says. Make `check` a required method: remove its body, end it with `;`.",
    );
}

fn an_abstract_check_cannot_be_instantiated() {
    expect_compile_error(
        "tests/ui/ex1_trait_is_not_a_value.rs",
        &[Expected::error(
            "E0423",
            "expected value, found trait `HealthCheck`",
        )],
        "Python's `HealthChecker()` fails with \"Can't instantiate abstract class\"; in Rust a trait is not a \
         value at all, so `let c = HealthCheck;` must not compile (error E0423). Keep HealthCheck a trait.",
    );
    expect_compile_error(
        "tests/ui/ex1_missing_severity.rs",
        &[Expected::error(
            "E0046",
            "not all trait items implemented, missing: `severity`",
        )],
        "a subclass without severity() fails in Python with \"Can't instantiate abstract class\"; a type that \
         leaves out severity() must not compile either (error E0046). Make `severity` a required method: \
         remove its body, end it with `;`.",
    );
}

workbook_harness::main!(
    a_check_without_a_name_does_not_compile,
    a_check_without_check_does_not_compile,
    an_abstract_check_cannot_be_instantiated,
);
