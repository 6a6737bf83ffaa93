//! The sandbox around a submission's build and tests (instructors' batches): which protections this
//! system offers, and a command wrapped in them.
