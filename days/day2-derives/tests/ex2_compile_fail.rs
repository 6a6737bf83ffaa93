//! Exercise 2, compile-fail: a frozen config cannot be changed from outside its module. Each case
//! in `tests/ui/` includes the learner's own `src/ex2_frozen_config.rs`, so these tests grade the
//! learner's types.
//!
//! trybuild compiles each case and compares the compiler's errors with the `.stderr` file beside it.

use workbook_testkit::expect_compile_errors;

fn a_database_config_cannot_be_changed_from_outside() {
    expect_compile_errors(
        &["tests/ui/ex2_database_config_is_frozen.rs"],
        "`db.port = 9090;` on a DatabaseConfig, even one in a `mut` binding, must not compile (error E0616: \
         field `port` is private): the seed's frozen dataclass raises FrozenInstanceError. Remove `pub` from the \
         fields of DatabaseConfig; others read them through the getters.",
    );
}

fn an_alert_config_cannot_be_changed_from_outside() {
    expect_compile_errors(
        &["tests/ui/ex2_alert_config_is_frozen.rs"],
        "`alerts.severity_threshold = Severity::Info;` must not compile (error E0616: field is private): \
         nobody should be able to silence the pager by editing a shared config. Remove `pub` from the fields \
         of AlertConfig; others read them through the getters.",
    );
}

workbook_harness::main!(
    a_database_config_cannot_be_changed_from_outside,
    an_alert_config_cannot_be_changed_from_outside,
);
