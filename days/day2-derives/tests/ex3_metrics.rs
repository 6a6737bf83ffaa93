//! Exercise 3: a `Metric` that validates its value and sorts by it.

#[path = "../src/ex3_metrics.rs"]
#[allow(dead_code)] // the tests use the public face only; the rest is the learner's business
mod ex3_metrics;

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};

use ex3_metrics::{Metric, MetricError, top};

fn metric(name: &str, value: f64, timestamp: u64) -> Metric {
    Metric::new(name, value, timestamp, "%").unwrap_or_else(|e| {
        panic!("Metric::new({name:?}, {value}, {timestamp}, \"%\") is a valid metric and must be Ok, got Err({e:?})")
    })
}

fn names(metrics: &[Metric]) -> Vec<&str> {
    metrics.iter().map(Metric::name).collect()
}

/// The seed's three metrics. Their names sort the other way (cpu < disk < memory), and so do their
/// timestamps, so that a sort by the wrong field shows.
fn seed_metrics() -> Vec<Metric> {
    vec![
        metric("cpu", 87.5, 1_717_833_600),
        metric("memory", 62.1, 1_717_833_660),
        metric("disk", 45.0, 1_717_833_720),
    ]
}

/// Ten metrics: names, timestamps and values all in different orders.
fn ten_metrics() -> Vec<Metric> {
    [
        ("api-latency", 12.5),
        ("cpu", 87.5),
        ("disk-root", 45.0),
        ("disk-var", 91.2),
        ("errors", 0.4),
        ("inodes", 33.0),
        ("load", 3.2),
        ("memory", 62.1),
        ("swap", 8.0),
        ("threads", 150.0),
    ]
    .iter()
    .enumerate()
    .map(|(i, (name, value))| metric(name, *value, 1_717_833_600 + 600 - 60 * i as u64))
    .collect()
}

fn new_accepts_zero_and_positive_values() {
    let m = Metric::new("cpu", 87.5, 1_717_833_600, "%").expect("87.5% cpu is a valid metric");
    assert_eq!(
        (m.name(), m.value(), m.timestamp(), m.unit()),
        ("cpu", 87.5, 1_717_833_600, "%"),
        "a new metric keeps the values it was given"
    );
    assert!(
        Metric::new("errors", 0.0, 1_717_833_600, "/s").is_ok(),
        "0.0 is a valid reading (no errors this minute): reject only values below zero"
    );
}

fn new_rejects_negative_values() {
    let err = Metric::new("cpu", -0.5, 1_717_833_600, "%");
    assert_eq!(
        err.as_ref().err(),
        Some(&MetricError::Negative {
            name: "cpu".to_string(),
            value: -0.5
        }),
        "a negative value must be Err(Negative {{ name, value }}), like the seed's __post_init__ raising ValueError"
    );
    let text = err.unwrap_err().to_string();
    assert!(
        text.contains("cpu") && text.contains("-0.5"),
        "the error message must name the metric and show the value: got {text:?}"
    );
}

fn new_rejects_nan_and_infinity() {
    for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let result = Metric::new("load", value, 1_717_833_600, "");
        assert_eq!(
            result.err(),
            Some(MetricError::NotFinite {
                name: "load".to_string()
            }),
            "{value} is not a reading: it must be Err(NotFinite), not Negative (a NaN would break the sort; \
             check `is_finite()` before `< 0.0`, or minus infinity counts as merely negative)"
        );
    }
    let text = MetricError::NotFinite {
        name: "load".to_string(),
    }
    .to_string();
    assert!(
        text.contains("load"),
        "the error message must name the metric: got {text:?}"
    );
}

fn metrics_sort_by_value_ascending() {
    let mut metrics = seed_metrics();
    metrics.sort();
    let got = names(&metrics);
    let why = match got.as_slice() {
        ["cpu", "disk", "memory"] => " (that is by name: compare the values first)",
        ["cpu", "memory", "disk"] => {
            " (that is descending: sort() is ascending, lowest value first)"
        }
        ["disk", "memory", "cpu"] => "",
        _ => " (that is neither by value nor by name: by timestamp?)",
    };
    assert_eq!(
        got,
        ["disk", "memory", "cpu"],
        "sorting must be by value, ascending: expected disk (45.0) < memory (62.1) < cpu (87.5){why}"
    );
}

fn comparisons_follow_the_value() {
    let [cpu, memory, disk]: [Metric; 3] = seed_metrics().try_into().unwrap();
    assert!(
        disk < cpu,
        "disk (45.0) < cpu (87.5) must hold: `<` follows cmp, by value (not by name: \"cpu\" < \"disk\")"
    );
    assert!(memory > disk, "memory (62.1) > disk (45.0) must hold");
    let highest = seed_metrics()
        .into_iter()
        .max()
        .map(|m| m.name().to_string());
    assert_eq!(
        highest.as_deref(),
        Some("cpu"),
        "max() of the seed's metrics is cpu, the highest value"
    );
    let ten = ten_metrics();
    let mut sorted = ten.clone();
    sorted.sort();
    let values: Vec<f64> = sorted.iter().map(Metric::value).collect();
    assert!(
        values.windows(2).all(|w| w[0] <= w[1]),
        "ten metrics sorted must have ascending values (150.0 is more than 87.5, whatever the text says): got {values:?}"
    );
}

fn equal_values_are_ordered_by_name_and_are_not_equal() {
    let swap = metric("swap", 50.0, 1_717_833_600);
    let memory = metric("memory", 50.0, 1_717_833_660);
    assert!(
        swap != memory,
        "two metrics with the same value but different names must not be equal: equality compares every field"
    );
    let mut both = vec![swap, memory];
    both.sort();
    assert_eq!(
        names(&both),
        ["memory", "swap"],
        "metrics with equal values must be ordered by name: Ordering::then_with"
    );
    let earlier = metric("cpu", 50.0, 1_717_833_600);
    let later = metric("cpu", 50.0, 1_717_833_660);
    assert!(
        earlier < later,
        "same value, same name: the earlier timestamp comes first"
    );
    assert!(
        metric("cpu", 50.0, 1_717_833_600) == earlier,
        "two metrics with every field equal are equal"
    );
}

fn ties_go_by_name_then_timestamp_then_unit() {
    let with_unit = |timestamp: u64, unit: &str| {
        Metric::new("latency", 50.0, timestamp, unit).unwrap_or_else(|e| {
            panic!("Metric::new(\"latency\", 50.0, {timestamp}, {unit:?}) is a valid metric and must be Ok, got Err({e:?})")
        })
    };
    let percent = with_unit(1_717_833_600, "%");
    let millis = with_unit(1_717_833_600, "ms");
    assert!(
        percent != millis,
        "two metrics that differ only in their unit must not be equal: the unit is the last tie-break, so that \
         metrics are equal only when every field is"
    );
    assert!(
        percent < millis,
        "same value, name and timestamp: the unit decides (\"%\" < \"ms\")"
    );
    let earlier_in_ms = with_unit(1_717_833_600, "ms");
    let later_in_percent = with_unit(1_717_833_660, "%");
    assert!(
        earlier_in_ms < later_in_percent,
        "same value and name: the timestamp decides before the unit (by value, then name, then timestamp, then \
         unit), so the earlier reading in \"ms\" comes before the later one in \"%\""
    );
    let mut three = [
        with_unit(1_717_833_660, "%"),
        with_unit(1_717_833_600, "ms"),
        with_unit(1_717_833_600, "%"),
    ];
    three.sort();
    let got: Vec<(u64, &str)> = three.iter().map(|m| (m.timestamp(), m.unit())).collect();
    assert_eq!(
        got,
        [
            (1_717_833_600, "%"),
            (1_717_833_600, "ms"),
            (1_717_833_660, "%")
        ],
        "equal values and names sort by timestamp, then by unit"
    );
}

fn display_is_name_colon_value_with_one_decimal_and_unit() {
    let cases = [
        (Metric::new("disk", 45.0, 1_717_833_600, "%"), "disk: 45.0%"),
        (
            Metric::new("memory", 62.1, 1_717_833_600, "%"),
            "memory: 62.1%",
        ),
        (
            Metric::new("latency", 12.5, 1_717_833_600, "ms"),
            "latency: 12.5ms",
        ),
        (
            Metric::new("requests", 1200.0, 1_717_833_600, "/s"),
            "requests: 1200.0/s",
        ),
    ];
    for (metric, expected) in cases {
        let metric = metric.expect("a valid metric");
        assert_eq!(
            metric.to_string(),
            expected,
            "a metric prints like the seed's f\"{{m.name}}: {{m.value}}{{m.unit}}\", with one decimal ({{:.1}})"
        );
    }
}

fn top_five_of_ten_is_the_five_highest_highest_first() {
    let metrics = ten_metrics();
    let before = metrics.clone();
    let best = top(&metrics, 5);
    let got = names(&best);
    let why = if got == ["errors", "load", "swap", "api-latency", "inodes"] {
        " (those are the five LOWEST: top means highest)"
    } else if got == ["disk-root", "memory", "cpu", "disk-var", "threads"] {
        " (those are the right five, but lowest first: highest first)"
    } else {
        ""
    };
    assert_eq!(
        got,
        ["threads", "disk-var", "cpu", "memory", "disk-root"],
        "top(metrics, 5) must be the five highest values, highest first: 150.0, 91.2, 87.5, 62.1, 45.0{why}"
    );
    assert!(
        metrics == before,
        "top() must leave the caller's metrics as they were"
    );
}

/// `top(metrics, n)`, with a panic turned into a teaching failure (a `todo!()` still reads as "not
/// started").
fn top_without_panic(metrics: &[Metric], n: usize) -> Vec<Metric> {
    match catch_unwind(AssertUnwindSafe(|| top(metrics, n))) {
        Ok(best) => best,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            if message.starts_with("not yet implemented") || message.starts_with("not implemented")
            {
                resume_unwind(payload);
            }
            panic!(
                "top({} metrics, {n}) panicked ({message}): with fewer than n metrics, top gives them all. \
                 `truncate(n)` or `take(n)` stop at the end; a slice `[..n]` past the end panics",
                metrics.len()
            );
        }
    }
}

fn top_of_fewer_metrics_gives_them_all() {
    let best = top_without_panic(&seed_metrics(), 5);
    assert_eq!(
        names(&best),
        ["cpu", "memory", "disk"],
        "top(3 metrics, 5) must give all three, highest first"
    );
    assert!(
        top_without_panic(&[], 5).is_empty(),
        "the top five of no metrics is an empty list"
    );
    assert!(
        top(&seed_metrics(), 0).is_empty(),
        "the top zero metrics is an empty list"
    );
}

workbook_harness::main!(
    new_accepts_zero_and_positive_values,
    new_rejects_negative_values,
    new_rejects_nan_and_infinity,
    metrics_sort_by_value_ascending,
    comparisons_follow_the_value,
    equal_values_are_ordered_by_name_and_are_not_equal,
    ties_go_by_name_then_timestamp_then_unit,
    display_is_name_colon_value_with_one_decimal_and_unit,
    top_five_of_ten_is_the_five_highest_highest_first,
    top_of_fewer_metrics_gives_them_all,
);
