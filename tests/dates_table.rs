//! Table-driven test of the dates pass: sentences, the expression each must yield (exact
//! extent), its TIMEX3 type and value against a fixed reference date.
//!
//! Input: tests/dates_table.tsv (reference date or `-`, sentence, text, type, value; text `-`
//! means the sentence has no temporal expression at all). Output: one failure report listing
//! every row that does not hold, so a change that breaks several rules shows them all at once.

use chrono::NaiveDate;
use newsie::dates::find_dates;
use newsie::text::Doc;

const TABLE: &str = include_str!("dates_table.tsv");

#[test]
fn dates_table() {
    let mut failures = Vec::new();
    let mut rows = 0;
    for (n, line) in TABLE.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("ref\t") || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(
            cols.len() >= 3,
            "tests/dates_table.tsv:{}: too few columns",
            n + 1
        );
        rows += 1;
        let reference = match cols[0] {
            "-" => None,
            d => Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("reference date")),
        };
        let sentence = cols[1];
        let doc = Doc::new(sentence);
        let found: Vec<(String, &str, String)> = find_dates(&doc, reference)
            .into_iter()
            .map(|t| (t.span.of(sentence).to_string(), t.kind.name(), t.value))
            .collect();
        if cols[2] == "-" {
            if !found.is_empty() {
                failures.push(format!(
                    "line {}: {sentence:?}: expected nothing, got {found:?}",
                    n + 1
                ));
            }
            continue;
        }
        let (text, kind, value) = (
            cols[2],
            cols.get(3).copied().unwrap_or(""),
            cols.get(4).copied().unwrap_or(""),
        );
        let ok = found
            .iter()
            .any(|(t, k, v)| t == text && *k == kind && v == value);
        if !ok {
            failures.push(format!(
                "line {}: {sentence:?}: expected ({text:?}, {kind}, {value}), got {found:?}",
                n + 1
            ));
        }
    }
    assert!(
        rows >= 200,
        "the table should keep its hundreds of rows, has {rows}"
    );
    assert!(
        failures.is_empty(),
        "{} of {rows} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
