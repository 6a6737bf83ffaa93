//! Exercise 3: `sre_toolkit::config`, the seed's `test_loader.py`, through the public paths.

use sre_toolkit::config::loader;
use sre_toolkit::{Config, load_config};

fn the_defaults() {
    assert_eq!(
        Config::default(),
        Config {
            interval_secs: 60,
            disk_threshold: 90.0,
            hosts: Vec::new(),
        },
        "Config::default(): 60 seconds, a 90.0% disk threshold, no hosts"
    );
    assert_eq!(
        load_config(""),
        Ok(Config::default()),
        "an empty file gives the defaults"
    );
}

fn a_full_config() {
    let text = "# sre-toolkit.conf\n\ninterval_secs = 30\n  disk_threshold=85.5\nhosts = web-01, web-02 ,, db-01\n";
    assert_eq!(
        load_config(text),
        Ok(Config {
            interval_secs: 30,
            disk_threshold: 85.5,
            hosts: vec!["web-01".into(), "web-02".into(), "db-01".into()],
        }),
        "every key read; hosts split at commas, trimmed, empty ones dropped; comments and blank lines skipped"
    );
}

fn missing_keys_keep_their_defaults() {
    assert_eq!(
        load_config("   # only a comment\nhosts = web-01\n"),
        Ok(Config {
            hosts: vec!["web-01".into()],
            ..Config::default()
        }),
        "a key that is not in the file keeps its default; `#` after leading spaces is a comment"
    );
}

fn a_value_may_hold_an_equals_sign_but_not_nonsense() {
    let error = load_config("hosts = a=b\ndisk_threshold = ninety")
        .expect_err("`disk_threshold = ninety` is not a number: load_config must return an Err");
    assert!(
        error.contains("disk_threshold"),
        "the error names the key whose value does not parse, got: {error}"
    );
    let error = load_config("interval_secs = -5")
        .expect_err("interval_secs is a whole number of seconds, never negative");
    assert!(error.contains("interval_secs"), "got: {error}");
}

fn unknown_keys_and_lines_without_equals_are_errors() {
    let error = load_config("intervall_secs = 30")
        .expect_err("a misspelt key must be an error, not silently ignored");
    assert!(
        error.contains("intervall_secs"),
        "the error names the unknown key, got: {error}"
    );
    let error = load_config("interval_secs 30").expect_err("a line without `=` must be an error");
    assert!(
        error.contains("interval_secs 30"),
        "the error quotes the line without `=`, got: {error}"
    );
}

fn the_loader_is_reachable_by_every_public_path() {
    // `sre_toolkit::load_config`, `sre_toolkit::config::load_config` and
    // `sre_toolkit::config::loader::load_config` are one function under three paths.
    type Load = fn(&str) -> Result<Config, String>;
    let paths: [Load; 3] = [
        load_config,
        sre_toolkit::config::load_config,
        loader::load_config,
    ];
    for load in paths {
        assert_eq!(load("interval_secs = 5").map(|c| c.interval_secs), Ok(5));
    }
    let _same_type: sre_toolkit::config::Config = loader::Config::default();
}

workbook_harness::main!(
    the_defaults,
    a_full_config,
    missing_keys_keep_their_defaults,
    a_value_may_hold_an_equals_sign_but_not_nonsense,
    unknown_keys_and_lines_without_equals_are_errors,
    the_loader_is_reachable_by_every_public_path,
);
