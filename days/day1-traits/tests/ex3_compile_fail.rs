//! Exercise 3, compile-fail: `restart` must refuse a type that is not `Restartable`. The case in
//! `tests/ui/` includes the learner's own `src/ex3_restartable.rs`.
//!
//! trybuild compiles the case; the check accepts only rustc's error for an unsatisfied bound of
//! `restart`, whatever the bound's syntax (`<T: Restartable>`, `where`, `?Sized`, `impl Restartable`)
//! and wherever the impls are.

use workbook_testkit::{Expected, expect_compile_error};

fn restart_rejects_a_type_that_is_not_restartable() {
    expect_compile_error(
        "tests/ui/ex3_not_restartable.rs",
        &[Expected::error(
            "E0277",
            "the trait bound `Thermometer: Restartable` is not satisfied",
        )
        .noting("required by a bound in `restart`")],
        "`restart(&mut Thermometer)` must not compile, refused by restart's bound: `T: Restartable` is Rust's \
         isinstance, checked by the compiler at every call. Write `pub fn restart<T: Restartable>(item: &mut T) \
         -> Status` (a generic bound, not a `&mut dyn Restartable` parameter), and keep the three impls.",
    );
}

workbook_harness::main!(restart_rejects_a_type_that_is_not_restartable,);
