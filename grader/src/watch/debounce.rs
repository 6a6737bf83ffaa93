//! Many events in quick succession (an editor's temporary file, rename and second write) as one.

use std::time::{Duration, Instant};

/// Decides when a burst of events is over: once `quiet` passes without another, or `longest`
/// after its first event, so that a file written without pause is still graded now and then.
#[derive(Debug, Clone)]
pub(crate) struct Debouncer {
    quiet: Duration,
    longest: Duration,
    first: Option<Instant>,
    last: Option<Instant>,
}

impl Debouncer {
    pub(crate) fn new(quiet: Duration, longest: Duration) -> Debouncer {
        Debouncer {
            quiet,
            longest,
            first: None,
            last: None,
        }
    }

    /// Notes an event that came at `now`.
    pub(crate) fn event(&mut self, now: Instant) {
        self.first.get_or_insert(now);
        self.last = Some(now);
    }

    /// When the burst is over, if one has begun.
    pub(crate) fn deadline(&self) -> Option<Instant> {
        let (first, last) = (self.first?, self.last?);
        Some((last + self.quiet).min(first + self.longest))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUIET: Duration = Duration::from_millis(200);
    const LONGEST: Duration = Duration::from_secs(3);

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn nothing_is_due_before_an_event() {
        assert_eq!(Debouncer::new(QUIET, LONGEST).deadline(), None);
    }

    #[test]
    fn one_event_is_due_once_the_quiet_time_has_passed() {
        let start = Instant::now();
        let mut debouncer = Debouncer::new(QUIET, LONGEST);
        debouncer.event(start);
        assert_eq!(debouncer.deadline(), Some(start + QUIET));
    }

    #[test]
    fn a_burst_is_one_grade_due_after_its_last_event() {
        let start = Instant::now();
        let mut debouncer = Debouncer::new(QUIET, LONGEST);
        // A temporary file, a rename, a second write: 150 ms apart, each within the quiet time.
        for at in [0, 150, 300, 450] {
            debouncer.event(start + ms(at));
            assert_eq!(
                debouncer.deadline(),
                Some(start + ms(at + 200)),
                "at {at} ms"
            );
        }
    }

    #[test]
    fn events_without_pause_are_due_after_the_longest_wait() {
        let start = Instant::now();
        let mut debouncer = Debouncer::new(QUIET, LONGEST);
        for at in (0..5_000).step_by(100) {
            debouncer.event(start + ms(at));
        }
        assert_eq!(debouncer.deadline(), Some(start + LONGEST));
    }
}
