//! Drills 2 and 8, compile-fail: the learner's `Probe` (drill 1) must reject incomplete code.

use workbook_testkit::expect_compile_errors;

fn drill02_and_drill08_the_compiler_rejects_abstract_probes() {
    expect_compile_errors(
        &[
            "tests/ui/drills_abstract_probe.rs",
            "tests/ui/drills_forgotten_method.rs",
        ],
        "`let probe = Probe;` and a Probe impl without is_up() must both fail to compile. Make `target` and \
         `is_up` required methods of Probe (drill 1): remove their bodies, end them with `;`.",
    );
}

workbook_harness::main!(drill02_and_drill08_the_compiler_rejects_abstract_probes,);
