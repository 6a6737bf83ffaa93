//! healthwatch's own test, given: it uses `checkmate`, a dev-dependency (the workbook's pytest),
//! which only tests and examples can use. Run it with `cargo test` in this folder.

#[test]
fn the_settings_parse() {
    let settings = yamlish::pairs("interval: 30");
    checkmate::check(settings.len() == 1, "one `key: value` line is one setting");
}
