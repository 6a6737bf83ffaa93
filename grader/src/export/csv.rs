//! The CSV gradebook: a row per student, a column per exercise (or capstone area), the total,
//! and whether the submission was graded; RFC 4180 quoting, and no cell a spreadsheet would run
//! as a formula.

use crate::batch::{BatchReport, SubmissionOutcome};

use super::names::format_points;

/// The gradebook: `student`, one `<unit>:<exercise-id>` column per exercise (its points), then
/// `total`, `max` and `status`. Rows are in batch order; lines end in CRLF, as RFC 4180 says.
pub fn csv_gradebook(report: &BatchReport) -> String {
    let columns = columns(report);
    let mut header = vec!["student".to_owned()];
    header.extend(columns.iter().map(|(unit, id)| format!("{unit}:{id}")));
    header.extend(["total", "max", "status"].map(str::to_owned));
    let mut out = row(&header);
    for submission in &report.submissions {
        let mut cells = vec![submission.student.clone()];
        for (unit, id) in &columns {
            let points = submission
                .exercises
                .iter()
                .find(|e| &e.unit == unit && &e.id == id)
                .map_or_else(String::new, |e| format_points(e.points));
            cells.push(points);
        }
        cells.push(format_points(submission.points));
        cells.push(format_points(submission.max_points));
        cells.push(match &submission.outcome {
            SubmissionOutcome::Graded => "graded".to_owned(),
            SubmissionOutcome::Unreadable { reason } => format!("unreadable: {reason}"),
            SubmissionOutcome::Refused { reason } => format!("refused: {reason}"),
        });
        out.push_str(&row(&cells));
    }
    out
}

/// Every exercise any submission has, in the order they first appear (the manifests' order).
fn columns(report: &BatchReport) -> Vec<(String, String)> {
    let mut columns: Vec<(String, String)> = Vec::new();
    for exercise in report.submissions.iter().flat_map(|s| &s.exercises) {
        let key = (exercise.unit.clone(), exercise.id.clone());
        if !columns.contains(&key) {
            columns.push(key);
        }
    }
    columns
}

fn row(cells: &[String]) -> String {
    let mut line = cells
        .iter()
        .map(|cell| quote(&defuse_formula(cell)))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
/// formula by a spreadsheet: a leading `'` makes it text. Numbers are never negative here.
fn defuse_formula(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled.
fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::sample;

    #[test]
    fn the_gradebook_has_a_row_per_student_and_a_column_per_exercise() {
        let text = csv_gradebook(&sample::batch());
        let lines: Vec<&str> = text.split_terminator("\r\n").collect();
        assert_eq!(
            lines[0],
            "student,day1:health-checks,day1:mixins,capstone:models,total,max,status"
        );
        assert_eq!(lines[1], "alice,10,10,20,40,40,graded");
        assert_eq!(lines.len(), 4);
        insta::assert_snapshot!(text);
    }

    #[test]
    fn cells_are_quoted_as_rfc_4180_says_and_formulas_defused() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
        for formula in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"] {
            assert!(defuse_formula(formula).starts_with('\''), "{formula}");
        }
        assert_eq!(defuse_formula("alice"), "alice");
        let text = csv_gradebook(&sample::batch());
        assert!(
            text.contains("\r\n\"bob, \"\"bobby\"\"\",5,0,6.67,11.67,40,graded\r\n"),
            "{text}"
        );
        assert!(
            text.contains("\r\n'=cmd,0,0,0,0,40,refused: the archive"),
            "{text}"
        );
    }
}
