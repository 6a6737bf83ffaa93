//! Exercise 3, compile-fail: `restart` must refuse a type that is not `Restartable`. The case in
//! `tests/ui/` includes the learner's own `src/ex3_restartable.rs`.

use workbook_testkit::expect_compile_errors;

fn restart_rejects_a_type_that_is_not_restartable() {
    expect_compile_errors(
        &["tests/ui/ex3_not_restartable.rs"],
        "`restart(&mut Thermometer)` must not compile: the bound `T: Restartable` is Rust's isinstance, \
         checked by the compiler at every call. Write `pub fn restart<T: Restartable>(item: &mut T) -> Status`, \
         and keep the three impls the stub gives.",
    );
}

workbook_harness::main!(restart_rejects_a_type_that_is_not_restartable,);
