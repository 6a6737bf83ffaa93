//! A graded batch written in the formats instructors use: JSON, a CSV gradebook, JUnit XML,
//! Gradescope's `results.json` and a Markdown summary.
