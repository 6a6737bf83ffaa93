//! Exercise 3, compile-fail: the crate's helpers stay inside the crate. Each case in `tests/ui/`
//! uses the library `sre_toolkit` from outside, as any user would, and names what must stay
//! hidden: the module `utils` and its helper `parse_key_value`.
//!
//! trybuild compiles each case; the check accepts only rustc's errors that say the item is
//! private or not there, however the learner spells "private" (`mod utils;`,
//! `pub(crate) mod utils;`, `pub(self) mod utils;`).

use workbook_testkit::{Expected, expect_compile_error};

fn the_utils_module_is_private_to_the_crate() {
    expect_compile_error(
        "tests/ui/ex3_utils_is_private.rs",
        &[Expected::error("E0603", "module `utils` is private")],
        "`sre_toolkit::utils::parse_key_value` must not compile from outside the crate (error E0603: \
         module `utils` is private): `utils` is the seed's `utils/helpers.py`, helpers for the \
         crate's own modules, not part of its public face. Declare it in src/lib.rs with \
         `mod utils;` (not `pub mod utils;`); loader.rs still reaches it as `crate::utils`.",
    );
}

fn the_helper_is_not_re_exported() {
    expect_compile_error(
        "tests/ui/ex3_helper_is_not_re_exported.rs",
        &[
            Expected::error("E0432", "unresolved import `sre_toolkit::parse_key_value`"),
            Expected::error("E0603", "function `parse_key_value` is private"),
        ],
        "`use sre_toolkit::parse_key_value;` must not compile from outside the crate (error E0432: \
         no such item in the public face): the helper is `pub(crate)`, for the crate's own modules. \
         Re-export only what users need (`Config`, `load_config`, `DiskCheck`, ...), never \
         `utils::parse_key_value`.",
    );
}

workbook_harness::main!(
    the_utils_module_is_private_to_the_crate,
    the_helper_is_not_re_exported,
);
