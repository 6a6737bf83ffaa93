//! Own tests, a mistake: five tests that cannot fail.

#[test]
fn models_work() {
    assert!(true);
}

#[test]
fn checks_work() {
    assert!(true);
}

#[test]
fn alerts_work() {
    assert!(true);
}

#[test]
fn runner_works() {
    assert!(true);
}

#[test]
fn config_works() {
    assert!(true);
}
