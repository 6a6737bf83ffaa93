//! Exercise 3: `sre_toolkit::monitoring`, through the library's public paths.
//!
//! Each file in `tests/` is a crate of its own that uses the library from outside, by its name:
//! only `pub` items behind `pub` modules (or re-exported by `pub use`) can be named here.

use sre_toolkit::monitoring::{alerts, checks};
use sre_toolkit::{Alert, CheckResult, DiskCheck, alerts_for};

fn disk(mount_point: &str, used_percent: f64) -> DiskCheck {
    DiskCheck {
        mount_point: mount_point.to_string(),
        used_percent,
        threshold: 90.0,
    }
}

fn disk_check_passes_strictly_below_the_threshold() {
    assert_eq!(
        disk("/", 45.0).run(),
        CheckResult {
            name: "disk /".to_string(),
            passed: true,
            detail: "45.0% used (threshold 90.0%)".to_string(),
        },
        "name `disk <mount>`, detail `<used>% used (threshold <threshold>%)`, one decimal each"
    );
    assert!(
        !disk("/var", 90.0).run().passed,
        "a disk exactly at the threshold fails: it passes only while strictly below"
    );
    assert!(
        !disk("/var", 95.5).run().passed,
        "a disk 95.5% full fails a 90% threshold"
    );
}

fn a_result_displays_as_its_report_line() {
    assert_eq!(
        disk("/", 45.0).run().to_string(),
        "[PASS] disk /: 45.0% used (threshold 90.0%)",
        "a result displays as `[PASS] <name>: <detail>`: the status in brackets, the name \
         `disk <mount_point>`, the detail `<used>% used (threshold <threshold>%)` with one decimal each"
    );
    assert_eq!(
        disk("/var", 95.55).run().to_string(),
        "[FAIL] disk /var: 95.5% used (threshold 90.0%)",
        "a failed result displays as `[FAIL] <name>: <detail>`, one decimal each (95.55 prints as 95.5)"
    );
}

fn alerts_are_raised_for_failures_only_in_order() {
    let results = [
        disk("/var", 95.5).run(),
        disk("/", 45.0).run(),
        disk("/home", 99.0).run(),
    ];
    assert_eq!(
        alerts_for(&results),
        [
            Alert {
                check: "disk /var".to_string(),
                message: "[FAIL] disk /var: 95.5% used (threshold 90.0%)".to_string(),
            },
            Alert {
                check: "disk /home".to_string(),
                message: "[FAIL] disk /home: 99.0% used (threshold 90.0%)".to_string(),
            },
        ],
        "one alert per failed result, in the results' order; the message is the result's display"
    );
    assert!(
        alerts_for(&[disk("/", 1.0).run()]).is_empty(),
        "no failure, no alert"
    );
}

fn the_long_paths_and_the_re_exports_name_the_same_items() {
    // A re-export is one more name for an item, not a copy: these lines only compile if
    // `sre_toolkit::DiskCheck` *is* `sre_toolkit::monitoring::checks::DiskCheck`, and so on.
    let check: checks::DiskCheck = disk("/", 45.0);
    let result: CheckResult = check.run();
    let through_the_module: Vec<alerts::Alert> = alerts::alerts_for(std::slice::from_ref(&result));
    let through_the_top: Vec<Alert> = alerts_for(std::slice::from_ref(&result));
    assert_eq!(through_the_module, through_the_top);
    assert!(result.passed, "a disk 45% full passes a 90% threshold");
}

workbook_harness::main!(
    disk_check_passes_strictly_below_the_threshold,
    a_result_displays_as_its_report_line,
    alerts_are_raised_for_failures_only_in_order,
    the_long_paths_and_the_re_exports_name_the_same_items,
);
