// The library's private helper, looked for in the library's public face beside an item that is
// there.
#![allow(warnings)]

use sre_toolkit::load_config;
use sre_toolkit::parse_key_value;

fn main() {
    let _ = load_config("interval_secs = 30");
    let _ = parse_key_value("interval_secs = 30");
}
