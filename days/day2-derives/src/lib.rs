//! # Day 2: derives as dataclasses
//!
//! The seed's dataclasses and NamedTuples in Rust. Read `README.md` first: it sets each Python
//! idea beside its Rust counterpart. Then open the exercises, in order:
//!
//! 1. `src/ex1_server.rs`: the seed's `Server`, rewritten with derives instead of boilerplate; a
//!    validating constructor (`__post_init__`) with a typed error; tags that each server owns
//!    (`field(default_factory=list)`); a `check_health` method.
//! 2. `src/ex2_frozen_config.rs`: `@dataclass(frozen=True)` as private fields with getters;
//!    `DatabaseConfig` and `AlertConfig` as `HashMap` keys. The compiler proves they are frozen.
//! 3. `src/ex3_metrics.rs`: `@dataclass(order=True)` with a hidden `sort_key`, as a hand-written
//!    `Ord` by value (`f64::total_cmp`); validation; the top five.
//! 4. `src/ex4_log_entries.rs`: a `NamedTuple` log record, parsed from text with `FromStr`
//!    (errors that name the line, never a panic) and grouped by level.
//! 5. `src/drills.rs`: the day's ten drills.
//!
//! Each exercise file is compiled by its own test target (`tests/<exercise>.rs` includes it with
//! `#[path]`), not by this library: an exercise that does not compile yet never hides the results
//! of the others. So this file declares no module. Grade your work with `cargo day 2`.
