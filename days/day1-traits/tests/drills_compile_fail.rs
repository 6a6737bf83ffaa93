//! Drills 2 and 8, compile-fail: the learner's `Probe` (drill 1) must reject incomplete code.

use std::panic::catch_unwind;

#[test]
fn drill02_and_drill08_the_compiler_rejects_abstract_probes() {
    let result = catch_unwind(|| {
        let t = trybuild::TestCases::new();
        t.compile_fail("tests/ui/drills_abstract_probe.rs");
        t.compile_fail("tests/ui/drills_forgotten_method.rs");
        // `t` is dropped here: that is when trybuild builds the cases and checks them.
    });
    assert!(
        result.is_ok(),
        "`let probe = Probe;` and a Probe impl without is_up() must both fail to compile. Make `target` and \
         `is_up` required methods of Probe (drill 1): remove their bodies, end them with `;`.\n\
         If they are, the compiler's error is not the expected one (tests/ui/drills_*.stderr): keep the \
         signatures the stub gives, e.g. `fn is_up(&self) -> bool;`."
    );
}
