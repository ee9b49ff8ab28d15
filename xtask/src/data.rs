//! The data downloads: every figure, the article's and ours, with hedge, year and source, as CSV
//! and JSON in `dist/data/`, from the same compiled-in figures the charts draw.

use std::path::Path;

use crate::files;

use sensetime_explainer::data::figures::{self, Figure};
use sensetime_explainer::lang::Lang;
use sensetime_explainer::text::format;

/// The columns of the CSV, in order: every field of a serialized [`Figure`] plus the figure as
/// the charts say it (hedge and all, in the source's words: "almost a third") and the source's
/// credit in words (a test keeps the two in step).
pub const COLUMNS: [&str; 14] = [
    "id",
    "label",
    "label_zh",
    "value",
    "unit",
    "hedge",
    "as_stated",
    "as_stated_zh",
    "year",
    "source",
    "source_credit",
    "source_credit_zh",
    "derived",
    "note",
];

/// Every figure as a JSON array of objects, the same shape as the page's `figures()`.
pub fn json() -> String {
    let mut out = serde_json::to_string_pretty(&figures::all()).expect("figures serialize");
    out.push('\n');
    out
}

/// Every figure as CSV (RFC 4180: comma-separated, CRLF, quoted where needed), with a header.
/// It starts with a byte-order mark, without which Excel reads the Chinese labels as Latin-1.
pub fn csv() -> String {
    let mut out = format!("\u{feff}{}\r\n", COLUMNS.join(","));
    for f in figures::all() {
        let row: Vec<String> = COLUMNS.iter().map(|c| field(&f, c)).collect();
        out.push_str(&row.iter().map(|v| quote(v)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// A figure's value for a column, as text ("" when absent), read from its serde form so the CSV
/// says exactly what the JSON says.
fn field(f: &Figure, column: &str) -> String {
    match column {
        "source_credit" => return f.source.credit(Lang::EN).to_string(),
        "source_credit_zh" => return f.source.credit(Lang::ZH).to_string(),
        "as_stated" => return format::figure(f, Lang::EN),
        "as_stated_zh" => return format::figure(f, Lang::ZH),
        _ => {}
    }
    match serde_json::to_value(f).expect("a figure serializes")[column].clone() {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s,
        // Whole numbers as spreadsheets write them: 2000000000, not 2000000000.0.
        serde_json::Value::Number(n) => match n.as_f64() {
            Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", v as i64),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

pub fn quote(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// Writes `figures.csv` and `figures.json` into `dist/data/`.
pub fn write(dist: &Path) -> Result<(), String> {
    let dir = dist.join("data");
    files::create_dir(&dir)?;
    for (name, text) in [("figures.csv", csv()), ("figures.json", json())] {
        files::write(&dir.join(name), text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A CSV reader just strong enough for what `csv()` writes.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    cell.push('"');
                    chars.next();
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        rows
    }

    #[test]
    fn the_csv_has_every_serialized_field_and_nothing_else() {
        let value = serde_json::to_value(figures::all()[0]).unwrap();
        let mut fields: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        fields.extend([
            "source_credit",
            "source_credit_zh",
            "as_stated",
            "as_stated_zh",
        ]);
        let (mut a, mut b) = (fields.clone(), COLUMNS.to_vec());
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b);
    }

    #[test]
    fn the_csv_round_trips_to_the_figures() {
        let text = csv();
        let rows = parse(text.strip_prefix('\u{feff}').expect("a byte-order mark"));
        assert_eq!(rows[0], COLUMNS);
        let all = figures::all();
        assert_eq!(rows.len(), all.len() + 1);
        for (row, f) in rows[1..].iter().zip(&all) {
            assert_eq!(row.len(), COLUMNS.len());
            let cell = |name: &str| &row[COLUMNS.iter().position(|c| *c == name).unwrap()];
            assert_eq!(cell("id"), f.id);
            assert_eq!(cell("label"), f.label);
            assert_eq!(cell("label_zh"), f.label_zh);
            assert_eq!(cell("value").parse::<f64>().unwrap(), f.value, "{}", f.id);
            assert!(
                !cell("value").ends_with(".0"),
                "{}: {}",
                f.id,
                cell("value")
            );
            let year = f.year.map(|y| y.to_string()).unwrap_or_default();
            assert_eq!(cell("year"), &year);
            assert_eq!(cell("source_credit"), f.source.credit(Lang::EN));
            assert_eq!(cell("source_credit_zh"), f.source.credit(Lang::ZH));
            assert_eq!(cell("note"), f.note.unwrap_or(""));
            assert_eq!(cell("as_stated"), &format::figure(f, Lang::EN));
        }
        // A share the article words as a fraction is stated in its words, not as 33.3%.
        let top5 = rows
            .iter()
            .find(|r| r[0] == "top5_customers_share")
            .unwrap();
        let at = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
        assert_eq!(top5[at("as_stated")], "almost a third");
        assert_eq!(top5[at("as_stated_zh")], "近三分之一");
    }

    #[test]
    fn the_json_is_the_figures() {
        let parsed: serde_json::Value = serde_json::from_str(&json()).unwrap();
        assert_eq!(parsed, serde_json::to_value(figures::all()).unwrap());
    }

    #[test]
    fn quoting_follows_rfc_4180() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a, b"), "\"a, b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
