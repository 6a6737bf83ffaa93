//! Exercise 2, compile-fail: a frozen config cannot be changed from outside its module. Each case
//! in `tests/ui/` includes the learner's own `src/ex2_frozen_config.rs`, so these tests grade the
//! learner's types.
//!
//! trybuild compiles each case; the check accepts each of rustc's ways of saying that the field
//! cannot be reached: E0616 (the field is private), E0615 (the private field has another name and
//! `port` is the getter), E0609 (no such field). The exercise fixes the getters' names, not the
//! private fields'.

use workbook_testkit::{Expected, expect_compile_error};

fn a_database_config_cannot_be_changed_from_outside() {
    expect_compile_error(
        "tests/ui/ex2_database_config_is_frozen.rs",
        &[
            Expected::error(
                "E0616",
                "field `port` of struct `DatabaseConfig` is private",
            ),
            Expected::error(
                "E0615",
                "attempted to take value of method `port` on type `DatabaseConfig`",
            ),
            Expected::error("E0609", "no field `port` on type `DatabaseConfig`"),
        ],
        "`db.port = 9090;` on a DatabaseConfig, even one in a `mut` binding, must not compile (error E0616: \
         field `port` is private): the seed's frozen dataclass raises FrozenInstanceError. Remove `pub` from the \
         fields of DatabaseConfig (not `pub(crate)` either); others read them through the getters.",
    );
}

fn an_alert_config_cannot_be_changed_from_outside() {
    expect_compile_error(
        "tests/ui/ex2_alert_config_is_frozen.rs",
        &[
            Expected::error(
                "E0616",
                "field `severity_threshold` of struct `AlertConfig` is private",
            ),
            Expected::error(
                "E0615",
                "attempted to take value of method `severity_threshold` on type `AlertConfig`",
            ),
            Expected::error(
                "E0609",
                "no field `severity_threshold` on type `AlertConfig`",
            ),
        ],
        "`alerts.severity_threshold = Severity::Info;` must not compile (error E0616: field is private): \
         nobody should be able to silence the pager by editing a shared config. Remove `pub` from the fields \
         of AlertConfig (not `pub(crate)` either); others read them through the getters.",
    );
}

workbook_harness::main!(
    a_database_config_cannot_be_changed_from_outside,
    an_alert_config_cannot_be_changed_from_outside,
);
