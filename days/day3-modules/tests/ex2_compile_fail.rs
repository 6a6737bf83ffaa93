//! Exercise 2, compile-fail: the package's children stay private, so its users go through the
//! re-exports. The case in `tests/ui/` includes the learner's own `src/ex2_monitoring/mod.rs`.
//!
//! trybuild compiles the case; the check accepts only rustc's error for a private module
//! `checks`, however the learner spells "private" (`mod checks;`, `pub(self) mod checks;`).

use workbook_testkit::{Expected, expect_compile_error};

fn the_children_of_the_package_are_private() {
    expect_compile_error(
        "tests/ui/ex2_children_are_private.rs",
        &[Expected::error("E0603", "module `checks` is private")],
        "`monitoring::checks::DiskCheck` must not compile from outside the package (error E0603: \
         module `checks` is private): the public face is `monitoring::DiskCheck`, re-exported by \
         `pub use`, the way `__init__.py` and `__all__` shape a Python package. Declare the children \
         with `mod checks;` (not `pub mod`, nor `pub(crate) mod`), and re-export what users need.",
    );
}

workbook_harness::main!(the_children_of_the_package_are_private,);
