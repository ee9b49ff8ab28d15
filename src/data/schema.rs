//! The figures file's vocabulary and its checks, shared by `build.rs` (which compiles the file in) and the tests.
//!
//! This file is included by `build.rs` with `#[path]`, so it may use only `serde` and `std`,
//! plus `serde_json` in the native-only [`parse`].

use serde::{Deserialize, Serialize};
use std::fmt;

/// What a figure's value counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Unit {
    /// Renminbi, in whole yuan.
    #[serde(rename = "RMB")]
    Rmb,
    /// US dollars, in whole dollars.
    #[serde(rename = "USD")]
    Usd,
    /// A share of a whole, 0 to 100.
    #[serde(rename = "percent")]
    Percent,
    /// A change relative to an earlier value, in percent (may exceed 100).
    #[serde(rename = "percent_change")]
    PercentChange,
    #[serde(rename = "count")]
    Count,
    #[serde(rename = "cities")]
    Cities,
    #[serde(rename = "people")]
    People,
    /// A calendar year.
    #[serde(rename = "year")]
    Year,
    /// A length of time in whole years ("three years before"); its note says what it counts from.
    #[serde(rename = "years")]
    Years,
    /// An exchange rate: renminbi per US dollar.
    #[serde(rename = "RMB per USD")]
    RmbPerUsd,
}

impl Unit {
    /// The name `data/figures.json` uses.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Rmb => "RMB",
            Unit::Usd => "USD",
            Unit::Percent => "percent",
            Unit::PercentChange => "percent_change",
            Unit::Count => "count",
            Unit::Cities => "cities",
            Unit::People => "people",
            Unit::Year => "year",
            Unit::Years => "years",
            Unit::RmbPerUsd => "RMB per USD",
        }
    }
}

/// The article's own hedge on a number, or ours on a derived one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Hedge {
    #[serde(rename = "more than")]
    MoreThan,
    #[serde(rename = "at least")]
    AtLeast,
    #[serde(rename = "almost")]
    Almost,
    #[serde(rename = "under")]
    Under,
    #[serde(rename = "less than")]
    LessThan,
    /// Rounded or derived from rounded inputs.
    #[serde(rename = "about")]
    About,
}

impl Hedge {
    /// The words a reader sees before the number.
    pub fn words(self) -> &'static str {
        match self {
            Hedge::MoreThan => "more than",
            Hedge::AtLeast => "at least",
            Hedge::Almost => "almost",
            Hedge::Under => "under",
            Hedge::LessThan => "less than",
            Hedge::About => "about",
        }
    }

    /// Which side of the true value the stated number lies on.
    pub fn bound(self) -> Bound {
        match self {
            Hedge::MoreThan | Hedge::AtLeast => Bound::Lower,
            Hedge::Almost | Hedge::Under | Hedge::LessThan => Bound::Upper,
            Hedge::About => Bound::Approximate,
        }
    }
}

/// How a hedged number relates to the truth; charts draw each differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Bound {
    /// The stated number, as given.
    Exact,
    /// The truth is at least this ("more than", "at least").
    Lower,
    /// The truth is below this ("under", "less than", "almost").
    Upper,
    /// Rounded or derived ("about").
    Approximate,
}

/// Where a figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Source {
    /// The Financial Times, "Can SenseTime become a Chinese AI champion?" (2021).
    #[serde(rename = "ft")]
    Ft,
    /// SenseTime's IPO application proof, HKEX, August 2021.
    #[serde(rename = "prospectus")]
    Prospectus,
    /// Computed by this project from other figures.
    #[serde(rename = "derived")]
    Derived,
}

impl Source {
    /// The id `data/figures.json` uses.
    pub fn id(self) -> &'static str {
        match self {
            Source::Ft => "ft",
            Source::Prospectus => "prospectus",
            Source::Derived => "derived",
        }
    }
}

/// One record of `data/figures.json`, as written.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub id: String,
    pub value: f64,
    pub unit: Unit,
    pub hedge: Option<Hedge>,
    pub year: Option<u16>,
    pub label: String,
    /// The label in Simplified Chinese, for data tables and downloads.
    pub label_zh: String,
    pub source: Source,
    /// The whole this share is a part of: shares with the same `part_of` may not add up past 100.
    #[serde(default)]
    pub part_of: Option<String>,
    /// Context a reader may want beside the number.
    #[serde(default)]
    pub note: Option<String>,
}

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    pub figures: Vec<RawFigure>,
}

/// A problem in the figures file, naming the record and field at fault.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    /// Path to the bad field, e.g. `figures[3].value`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "data/figures.json: `{}`: {}", self.path, self.message)
    }
}

impl std::error::Error for DataError {}

fn error(index: usize, field: &str, message: String) -> DataError {
    DataError {
        path: format!("figures[{index}].{field}"),
        message,
    }
}

/// Parses and validates the figures file; an error names the field at fault.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Result<Vec<RawFigure>, DataError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let file: RawFile = serde_path_to_error::deserialize(de).map_err(|e| DataError {
        path: e.path().to_string(),
        message: e.inner().to_string(),
    })?;
    validate(&file.figures)?;
    Ok(file.figures)
}

/// Checks every rule a figure must meet on its own and against the others.
pub fn validate(figures: &[RawFigure]) -> Result<(), DataError> {
    let mut seen: Vec<&str> = Vec::new();
    for (i, f) in figures.iter().enumerate() {
        let id_ok = !f.id.is_empty()
            && f.id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !id_ok {
            return Err(error(
                i,
                "id",
                format!("{:?} must be non-empty snake_case", f.id),
            ));
        }
        if seen.contains(&f.id.as_str()) {
            return Err(error(i, "id", format!("{:?} appears twice", f.id)));
        }
        seen.push(&f.id);
        if !f.value.is_finite() || f.value < 0.0 {
            return Err(error(
                i,
                "value",
                format!("{} must be a finite number, 0 or more", f.value),
            ));
        }
        if f.unit == Unit::Percent && f.value > 100.0 {
            return Err(error(
                i,
                "value",
                format!("a share of {} is outside 0-100", f.value),
            ));
        }
        if f.unit == Unit::Year && (f.value.fract() != 0.0 || !(1990.0..=2050.0).contains(&f.value))
        {
            return Err(error(
                i,
                "value",
                format!("{} is not a plausible year", f.value),
            ));
        }
        if f.unit == Unit::Years {
            if f.value.fract() != 0.0 || !(1.0..=100.0).contains(&f.value) {
                return Err(error(
                    i,
                    "value",
                    format!("{} is not a whole number of years from 1 to 100", f.value),
                ));
            }
            if f.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                return Err(error(
                    i,
                    "note",
                    "a length of years needs a note saying what it counts from".into(),
                ));
            }
        }
        if let Some(year) = f.year {
            if !(1990..=2050).contains(&year) {
                return Err(error(i, "year", format!("{year} is not a plausible year")));
            }
        }
        if f.label.trim().is_empty() {
            return Err(error(i, "label", "must not be empty".into()));
        }
        if f.label_zh.trim().is_empty() {
            return Err(error(i, "label_zh", "must not be empty".into()));
        }
        if !f
            .label_zh
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        {
            return Err(error(
                i,
                "label_zh",
                format!("{:?} should be in Chinese", f.label_zh),
            ));
        }
        if f.source == Source::Derived {
            return Err(error(
                i,
                "source",
                "derived figures are computed in Rust, not written in the data file".into(),
            ));
        }
        if f.part_of.is_some() && f.unit != Unit::Percent {
            return Err(error(
                i,
                "part_of",
                "only shares (unit \"percent\") can be parts of a whole".into(),
            ));
        }
    }
    check_wholes(figures)
}

/// Shares of one whole may not add up past 100%; for an upper-bound share ("under 5%")
/// the least it could be is 0, for any other the stated value.
fn check_wholes(figures: &[RawFigure]) -> Result<(), DataError> {
    for (i, f) in figures.iter().enumerate() {
        let Some(whole) = &f.part_of else { continue };
        let least = |g: &RawFigure| match g.hedge.map(Hedge::bound) {
            Some(Bound::Upper) => 0.0,
            _ => g.value,
        };
        let total: f64 = figures
            .iter()
            .filter(|g| g.part_of.as_ref() == Some(whole))
            .map(least)
            .sum();
        if total > 100.0 + 1e-9 {
            return Err(error(
                i,
                "part_of",
                format!("the shares of {whole:?} add up to at least {total}%, more than 100%"),
            ));
        }
    }
    Ok(())
}

// Parsing JSON is native-only, like `parse` itself.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn one(fields: &str) -> String {
        format!(r#"{{"figures": [{{ {fields} }}]}}"#)
    }

    const GOOD: &str = r#""id": "a", "value": 40, "unit": "percent", "hedge": null, "year": 2020, "label": "A", "label_zh": "甲", "source": "ft""#;

    fn err(text: &str) -> String {
        parse(text).expect_err("should be rejected").to_string()
    }

    #[test]
    fn a_good_record_parses() {
        let figures = parse(&one(GOOD)).unwrap();
        assert_eq!(figures[0].unit, Unit::Percent);
        assert_eq!(figures[0].year, Some(2020));
    }

    #[test]
    fn a_wrongly_typed_value_names_the_field() {
        let e = err(&one(&GOOD.replace(r#""value": 40"#, r#""value": "40""#)));
        assert!(e.contains("`figures[0].value`"), "{e}");
    }

    #[test]
    fn a_missing_field_is_named() {
        let e = err(&one(&GOOD.replace(r#""unit": "percent", "#, "")));
        assert!(e.contains("missing field `unit`"), "{e}");
    }

    #[test]
    fn an_unknown_field_is_named() {
        let e = err(&one(&format!(r#"{GOOD}, "valeu": 1"#)));
        assert!(e.contains("unknown field `valeu`"), "{e}");
    }

    #[test]
    fn an_unknown_hedge_or_unit_is_named() {
        let e = err(&one(
            &GOOD.replace(r#""hedge": null"#, r#""hedge": "roughly""#)
        ));
        assert!(
            e.contains("`figures[0].hedge`") && e.contains("roughly"),
            "{e}"
        );
        let e = err(&one(
            &GOOD.replace(r#""unit": "percent""#, r#""unit": "EUR""#)
        ));
        assert!(e.contains("`figures[0].unit`"), "{e}");
    }

    #[test]
    fn a_share_above_100_is_rejected() {
        let e = err(&one(&GOOD.replace(r#""value": 40"#, r#""value": 140"#)));
        assert!(
            e.contains("`figures[0].value`") && e.contains("outside 0-100"),
            "{e}"
        );
    }

    #[test]
    fn negative_and_implausible_values_are_rejected() {
        let e = err(&one(&GOOD.replace(r#""value": 40"#, r#""value": -1"#)));
        assert!(e.contains("`figures[0].value`"), "{e}");
        let e = err(&one(&GOOD.replace(r#""year": 2020"#, r#""year": 1066"#)));
        assert!(e.contains("`figures[0].year`"), "{e}");
    }

    #[test]
    fn bad_ids_and_empty_labels_are_rejected() {
        let e = err(&one(&GOOD.replace(r#""id": "a""#, r#""id": "Smart City""#)));
        assert!(e.contains("`figures[0].id`"), "{e}");
        let e = err(&one(&GOOD.replace(r#""label": "A""#, r#""label": " ""#)));
        assert!(e.contains("`figures[0].label`"), "{e}");
        let twice = format!(r#"{{"figures": [{{ {GOOD} }}, {{ {GOOD} }}]}}"#);
        let e = err(&twice);
        assert!(e.contains("`figures[1].id`") && e.contains("twice"), "{e}");
    }

    #[test]
    fn a_missing_empty_or_english_chinese_label_is_named() {
        let e = err(&one(&GOOD.replace(r#""label_zh": "甲", "#, "")));
        assert!(e.contains("missing field `label_zh`"), "{e}");
        let e = err(&one(
            &GOOD.replace(r#""label_zh": "甲""#, r#""label_zh": """#)
        ));
        assert!(
            e.contains("`figures[0].label_zh`") && e.contains("empty"),
            "{e}"
        );
        let e = err(&one(
            &GOOD.replace(r#""label_zh": "甲""#, r#""label_zh": "Sales""#)
        ));
        assert!(
            e.contains("`figures[0].label_zh`") && e.contains("Chinese"),
            "{e}"
        );
    }

    #[test]
    fn derived_figures_do_not_belong_in_the_file() {
        let e = err(&one(
            &GOOD.replace(r#""source": "ft""#, r#""source": "derived""#)
        ));
        assert!(e.contains("`figures[0].source`"), "{e}");
    }

    #[test]
    fn parts_of_one_whole_may_not_exceed_100() {
        let part = |id: &str, value: u32, hedge: &str| {
            format!(
                r#"{{"id": "{id}", "value": {value}, "unit": "percent", "hedge": {hedge}, "year": null, "label": "x", "label_zh": "乙", "source": "ft", "part_of": "w"}}"#
            )
        };
        let ok = format!(
            r#"{{"figures": [{}, {}]}}"#,
            part("a", 60, "null"),
            part("b", 50, r#""under""#)
        );
        assert!(
            parse(&ok).is_ok(),
            "an upper bound may be well below its stated value"
        );
        let bad = format!(
            r#"{{"figures": [{}, {}]}}"#,
            part("a", 60, "null"),
            part("b", 50, r#""more than""#)
        );
        let e = err(&bad);
        assert!(
            e.contains("`figures[0].part_of`") && e.contains("110"),
            "{e}"
        );
    }

    #[test]
    fn a_length_of_years_is_whole_and_says_what_it_counts_from() {
        let years = GOOD
            .replace(r#""unit": "percent""#, r#""unit": "years""#)
            .replace(r#""value": 40"#, r#""value": 3"#);
        let e = err(&one(&years));
        assert!(e.contains("`figures[0].note`"), "{e}");
        let noted = format!(r#"{years}, "note": "Before the article.""#);
        assert_eq!(parse(&one(&noted)).unwrap()[0].unit, Unit::Years);
        let e = err(&one(&noted.replace(r#""value": 3"#, r#""value": 2.5"#)));
        assert!(e.contains("`figures[0].value`"), "{e}");
        let e = err(&one(&noted.replace(r#""value": 3"#, r#""value": 2021"#)));
        assert!(e.contains("`figures[0].value`"), "{e}");
    }

    #[test]
    fn only_shares_are_parts() {
        let e = err(&one(&format!(
            r#"{}, "part_of": "w""#,
            GOOD.replace(r#""unit": "percent""#, r#""unit": "count""#)
        )));
        assert!(e.contains("`figures[0].part_of`"), "{e}");
    }

    #[test]
    fn the_real_file_is_valid() {
        let figures =
            parse(include_str!("../../data/figures.json")).unwrap_or_else(|e| panic!("{e}"));
        assert!(figures.len() >= 30);
    }
}
