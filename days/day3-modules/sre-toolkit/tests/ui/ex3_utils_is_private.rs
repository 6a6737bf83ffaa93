// The library's private helper module, named from outside the crate as a user would try.
#![allow(warnings)]

fn main() {
    let _ = sre_toolkit::utils::parse_key_value("interval_secs = 30");
}
