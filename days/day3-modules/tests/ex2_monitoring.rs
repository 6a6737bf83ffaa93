//! Exercise 2: the `monitoring` package, used from outside (the seed's `main.py`).
//!
//! The folder `src/ex2_monitoring/` is mounted as the module `monitoring` *inside the function
//! `main_py`* below, and every test runs in there. No path from this crate's root reaches into a
//! function, so a `crate::` path written inside the package finds nothing: the package compiles
//! only with the paths that hold wherever a crate mounts it, `super::` between siblings. (At this
//! crate's root, `crate::monitoring::checks` would have resolved by accident; in your own crate
//! the package may sit anywhere.)
//!
//! The tests use only the public face: the items `mod.rs` re-exports.
//! `monitoring::checks::DiskCheck` is never named here; `monitoring::DiskCheck` must exist.

// Reads the package's files for the one thing no test inside this crate can see: the visibility
// of its shared internals (in one crate, `pub` and `pub(crate)` behave the same).
use workbook_testkit::rust_source;

/// Runs the test `name` inside the seed's `main.py`: a scope outside the package.
fn main_py(name: &str) {
    #[path = "../src/ex2_monitoring/mod.rs"]
    #[allow(dead_code)] // the tests use the public face only; the rest is the learner's business
    mod monitoring;

    // One `use` per item: the compiler's first error names one re-export still missing, not all.
    use monitoring::Alert;
    use monitoring::CheckResult;
    use monitoring::CpuCheck;
    use monitoring::DiskCheck;
    use monitoring::PortCheck;
    use monitoring::VERSION;
    use monitoring::format_report;
    use monitoring::format_table;
    use monitoring::send_alert;

    fn disk(mount_point: &str, used_percent: f64, threshold: f64) -> DiskCheck {
        DiskCheck {
            mount_point: mount_point.to_string(),
            used_percent,
            threshold,
        }
    }

    fn port(host: &str, port: u16, open: bool) -> PortCheck {
        PortCheck {
            host: host.to_string(),
            port,
            open,
        }
    }

    fn disk_check_passes_strictly_below_the_threshold() {
        let ok = disk("/", 45.0, 90.0).run();
        assert_eq!(
            ok,
            CheckResult {
                name: "disk /".to_string(),
                passed: true,
                detail: "45.0% used, threshold 90.0%".to_string(),
            },
            "a disk 45% full passes a 90% threshold; name `disk <mount>`, detail with one decimal"
        );
        assert!(
            !disk("/var", 90.0, 90.0).run().passed,
            "a disk exactly at the threshold fails: it passes only while strictly below"
        );
        let full = disk("/var", 95.55, 90.0).run();
        assert!(!full.passed, "a disk 95.55% full fails a 90% threshold");
        assert_eq!(
            full.name, "disk /var",
            "a disk check's name is `disk <mount_point>`"
        );
        assert_eq!(
            full.detail, "95.5% used, threshold 90.0%",
            "one decimal each"
        );
    }

    fn cpu_check_passes_strictly_below_the_threshold() {
        let ok = CpuCheck {
            load_percent: 12.5,
            threshold: 80.0,
        }
        .run();
        assert_eq!(
            ok,
            CheckResult {
                name: "cpu".to_string(),
                passed: true,
                detail: "12.5% load, threshold 80.0%".to_string(),
            },
            "a load of 12.5% passes an 80% threshold; the name is `cpu`, the detail \
             `<load>% load, threshold <threshold>%` with one decimal each"
        );
        let busy = CpuCheck {
            load_percent: 80.0,
            threshold: 80.0,
        }
        .run();
        assert!(
            !busy.passed,
            "a load exactly at the threshold fails: it passes only while strictly below"
        );
    }

    fn port_check_passes_when_open() {
        assert_eq!(
            port("db-01", 5432, true).run(),
            CheckResult {
                name: "port db-01:5432".to_string(),
                passed: true,
                detail: "open".to_string(),
            },
            "an open port passes; the name is `port <host>:<port>`, the detail `open`"
        );
        let closed = port("web-01", 443, false).run();
        assert!(!closed.passed, "a closed port fails");
        assert_eq!(
            closed.name, "port web-01:443",
            "a port check's name is `port <host>:<port>`"
        );
        assert_eq!(
            closed.detail, "closed",
            "a closed port's detail is `closed`"
        );
    }

    fn send_alert_sends_only_for_failures() {
        let mut outbox: Vec<Alert> = Vec::new();
        assert!(
            !send_alert(&disk("/", 45.0, 90.0).run(), &mut outbox),
            "a passed check sends no alert: send_alert returns false"
        );
        assert!(outbox.is_empty(), "a passed check sends no alert");
        assert!(
            send_alert(&disk("/var", 95.5, 90.0).run(), &mut outbox),
            "a failed check sends an alert: send_alert returns true"
        );
        assert!(
            send_alert(&port("db-01", 5432, false).run(), &mut outbox),
            "a failed check sends an alert: send_alert returns true"
        );
        assert_eq!(
            outbox,
            [
                Alert {
                    check: "disk /var".to_string(),
                    message: "[FAIL] disk /var: 95.5% used, threshold 90.0%".to_string(),
                },
                Alert {
                    check: "port db-01:5432".to_string(),
                    message: "[FAIL] port db-01:5432: closed".to_string(),
                },
            ],
            "one alert per failure, in the order sent; the message is the result's report line"
        );
    }

    fn report_lists_every_result_then_the_count() {
        let results = [
            disk("/", 45.0, 90.0).run(),
            port("db-01", 5432, false).run(),
            CpuCheck {
                load_percent: 12.5,
                threshold: 80.0,
            }
            .run(),
        ];
        assert_eq!(
            format_report(&results),
            "[PASS] disk /: 45.0% used, threshold 90.0%\n\
             [FAIL] port db-01:5432: closed\n\
             [PASS] cpu: 12.5% load, threshold 80.0%\n\
             2/3 checks passed",
            "one `[STATUS] name: detail` line per result, in order, then `<passed>/<total> checks passed`"
        );
    }

    fn report_of_nothing_is_just_the_count() {
        assert_eq!(
            format_report(&[]),
            "0/0 checks passed",
            "with no results the report is the count line alone: no empty line before it, no \
             newline after it"
        );
    }

    fn table_columns_are_as_wide_as_their_widest_cell() {
        let results = [
            disk("/", 45.0, 90.0).run(),
            port("db-01", 5432, false).run(),
        ];
        assert_eq!(
            format_table(&results),
            "CHECK            STATUS  DETAIL\n\
             disk /           PASS    45.0% used, threshold 90.0%\n\
             port db-01:5432  FAIL    closed",
            "CHECK is as wide as `port db-01:5432`, STATUS as wide as its header; two spaces after \
             each column but the last"
        );
    }

    fn table_header_sets_the_width_when_cells_are_narrow() {
        let results = [CpuCheck {
            load_percent: 1.0,
            threshold: 2.0,
        }
        .run()];
        assert_eq!(
            format_table(&results),
            "CHECK  STATUS  DETAIL\ncpu    PASS    1.0% load, threshold 2.0%",
            "a column is never narrower than its header"
        );
        assert_eq!(
            format_table(&[]),
            "CHECK  STATUS  DETAIL",
            "with no results, the table is its header"
        );
    }

    fn the_package_keeps_its_constants() {
        assert_eq!(VERSION, "1.0.0", "monitoring::VERSION, as in __init__.py");
        assert_eq!(
            monitoring::DEFAULT_INTERVAL_SECS,
            60,
            "monitoring::DEFAULT_INTERVAL_SECS"
        );
        // And the re-exported items work together from outside the package.
        let mut outbox = Vec::new();
        let sent = [disk("/", 99.0, 90.0).run(), disk("/home", 1.0, 90.0).run()]
            .iter()
            .filter(|r| send_alert(r, &mut outbox))
            .count();
        assert_eq!(
            sent, 1,
            "of a full `/` and an empty `/home`, one alert is sent"
        );
    }

    /// Calls the test called `name`, of those listed.
    macro_rules! call_the_one_named {
        ($($test:ident),+ $(,)?) => {
            $(if name == stringify!($test) {
                return $test();
            })+
            panic!("main_py has no test `{name}`");
        };
    }
    call_the_one_named!(
        disk_check_passes_strictly_below_the_threshold,
        cpu_check_passes_strictly_below_the_threshold,
        port_check_passes_when_open,
        send_alert_sends_only_for_failures,
        report_lists_every_result_then_the_count,
        report_of_nothing_is_just_the_count,
        table_columns_are_as_wide_as_their_widest_cell,
        table_header_sets_the_width_when_cells_are_narrow,
        the_package_keeps_its_constants,
    );
}

fn the_shared_internals_stay_inside_the_crate() {
    for (file, text, function, what) in [
        (
            "checks.rs",
            include_str!("../src/ex2_monitoring/checks.rs"),
            "status",
            "`CheckResult::status`",
        ),
        (
            "formatters.rs",
            include_str!("../src/ex2_monitoring/formatters.rs"),
            "result_line",
            "`result_line`",
        ),
    ] {
        let visibility = rust_source::Source::new(text).visibility_of_fn(function);
        assert!(
            visibility.as_deref() != Some("pub"),
            "{what} in src/ex2_monitoring/{file} is `pub`: it is shared by the package's own \
             modules but is not part of its public face, so it stays `pub(crate)` as the stub gives \
             it (`pub(super)` is fine too). Plain `pub` would let every user of a crate holding \
             this package call it. (Inside one crate the two behave alike, so this one test reads \
             the file's text.)"
        );
    }
}

/// The tests that run inside `main_py`, where the package is mounted: each is a function that
/// hands its name to `main_py`.
macro_rules! inside_main_py {
    ($($inside:ident),+ $(,)?) => {
        $(fn $inside() {
            main_py(stringify!($inside));
        })+
    };
}

inside_main_py!(
    disk_check_passes_strictly_below_the_threshold,
    cpu_check_passes_strictly_below_the_threshold,
    port_check_passes_when_open,
    send_alert_sends_only_for_failures,
    report_lists_every_result_then_the_count,
    report_of_nothing_is_just_the_count,
    table_columns_are_as_wide_as_their_widest_cell,
    table_header_sets_the_width_when_cells_are_narrow,
    the_package_keeps_its_constants,
);

// Basic before specific: those inside `main_py` first; the last reads the package's files. The
// list is written out (docs/AUTHORING.md): the grader reads it to count each test while the
// target does not compile.
workbook_harness::main!(
    disk_check_passes_strictly_below_the_threshold,
    cpu_check_passes_strictly_below_the_threshold,
    port_check_passes_when_open,
    send_alert_sends_only_for_failures,
    report_lists_every_result_then_the_count,
    report_of_nothing_is_just_the_count,
    table_columns_are_as_wide_as_their_widest_cell,
    table_header_sets_the_width_when_cells_are_narrow,
    the_package_keeps_its_constants,
    the_shared_internals_stay_inside_the_crate,
);
