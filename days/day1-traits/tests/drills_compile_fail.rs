//! Drills 1, 2 and 8, compile-fail: the learner's `Probe` (drill 1) must reject incomplete code.
//!
//! trybuild compiles each case; the check accepts only the errors listed here, by their code and
//! the words of rustc's message that name `Probe` and its methods.

use workbook_testkit::{Expected, expect_compile_error};

fn drill01_a_probe_without_target_does_not_compile() {
    expect_compile_error(
        "tests/ui/drills_forgotten_target.rs",
        &[Expected::error(
            "E0046",
            "not all trait items implemented, missing: `target`",
        )],
        "drill 1: a Probe impl without target() must not compile (error E0046): Probe has two required \
         methods, like an ABC's two abstract ones. Make `target` a required method: remove its body, end \
         it with `;`.",
    );
}

fn drill02_and_drill08_the_compiler_rejects_abstract_probes() {
    expect_compile_error(
        "tests/ui/drills_abstract_probe.rs",
        &[Expected::error(
            "E0423",
            "expected value, found trait `Probe`",
        )],
        "drill 2: `let probe = Probe;` must not compile (error E0423): a trait is not a value, as Python \
         refuses to instantiate an abstract class. Keep Probe a trait.",
    );
    expect_compile_error(
        "tests/ui/drills_forgotten_method.rs",
        &[Expected::error(
            "E0046",
            "not all trait items implemented, missing: `is_up`",
        )],
        "drill 8: a Probe impl without is_up() must not compile (error E0046). Make `target` and `is_up` \
         required methods of Probe (drill 1): remove their bodies, end them with `;`.",
    );
}

workbook_harness::main!(
    drill01_a_probe_without_target_does_not_compile,
    drill02_and_drill08_the_compiler_rejects_abstract_probes,
);
