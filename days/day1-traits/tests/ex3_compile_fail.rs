//! Exercise 3, compile-fail: `restart` must refuse a type that is not `Restartable`. The case in
//! `tests/ui/` includes the learner's own `src/ex3_restartable.rs`.

use std::panic::catch_unwind;

#[test]
fn restart_rejects_a_type_that_is_not_restartable() {
    let result = catch_unwind(|| {
        let t = trybuild::TestCases::new();
        t.compile_fail("tests/ui/ex3_not_restartable.rs");
        // `t` is dropped here: that is when trybuild builds the case and checks it.
    });
    assert!(
        result.is_ok(),
        "`restart(&mut Thermometer)` must not compile: the bound `T: Restartable` is Rust's isinstance, \
         checked by the compiler at every call. Write `pub fn restart<T: Restartable>(item: &mut T) -> Status`.\n\
         If you did, the compiler's error is not the expected one (tests/ui/ex3_not_restartable.stderr): keep \
         that signature, and the three impls the stub gives."
    );
}
