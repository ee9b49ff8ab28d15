//! Plain records for JavaScript: what `figures()` returns and what the `sensetime:step` event
//! carries, as field names and values the web layer copies into plain objects.
//!
//! Hand-listed rather than serialized through serde-wasm-bindgen: that would bring serde's
//! serializer and a field-name cache into the story page's Wasm, 3 KB gzip of a 60 KB budget, to
//! copy one list. The tests hold each record to the serde shape of `data/figures.json`.

use super::event::StepEvent;
use crate::data::figures::Figure;

/// A field's value, as JavaScript (and JSON) sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    Text(&'static str),
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Value {
        value.map_or(Value::Null, Into::into)
    }
}

impl From<&'static str> for Value {
    fn from(text: &'static str) -> Value {
        Value::Text(text)
    }
}

impl From<f64> for Value {
    fn from(number: f64) -> Value {
        Value::Number(number)
    }
}

/// One record: field names and values, in order.
pub type Record<const N: usize> = [(&'static str, Value); N];

impl Figure {
    /// The figure as `data/figures.json` writes it:
    /// `{id, value, unit, hedge, year, label, label_zh, source, derived, note}`.
    pub fn record(&self) -> Record<10> {
        [
            ("id", self.id.into()),
            ("value", self.value.into()),
            ("unit", self.unit.name().into()),
            ("hedge", self.hedge.map(|h| h.words()).into()),
            ("year", self.year.map(f64::from).into()),
            ("label", self.label.into()),
            ("label_zh", self.label_zh.into()),
            ("source", self.source.id().into()),
            ("derived", Value::Bool(self.derived)),
            ("note", self.note.into()),
        ]
    }
}

impl StepEvent {
    /// `{type, index, id, direction, chart}` (see README, "For host pages").
    pub fn record(&self) -> Record<5> {
        [
            ("type", Self::NAME.into()),
            ("index", (self.index as f64).into()),
            ("id", self.id.into()),
            ("direction", self.direction.map(|d| d.name()).into()),
            ("chart", self.chart.into()),
        ]
    }
}

// serde_json is a native-only dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::figures;

    /// A record as the JSON value serde would write for it.
    fn json(record: &[(&str, Value)]) -> serde_json::Value {
        let fields = record.iter().map(|(name, value)| {
            let value = match *value {
                Value::Null => serde_json::Value::Null,
                Value::Bool(b) => b.into(),
                Value::Number(n) => n.into(),
                Value::Text(t) => t.into(),
            };
            (name.to_string(), value)
        });
        serde_json::Value::Object(fields.collect())
    }

    /// `figures()` in the page and `data/figures.json` (written by serde) agree field by field,
    /// for every figure, article and derived; numbers compare as JSON numbers (2020, not 2020.0).
    #[test]
    fn figure_records_are_what_serde_writes_to_the_data_file() {
        for figure in figures::all() {
            let serde = serde_json::to_value(figure).unwrap();
            let ours = json(&figure.record());
            assert_eq!(
                ours.as_object().unwrap().keys().collect::<Vec<_>>(),
                serde.as_object().unwrap().keys().collect::<Vec<_>>(),
                "{}: the same fields",
                figure.id
            );
            for (name, value) in serde.as_object().unwrap() {
                let mine = &ours[name];
                let same = match (value.as_f64(), mine.as_f64()) {
                    (Some(a), Some(b)) => a == b,
                    _ => value == mine,
                };
                assert!(same, "{}.{name}: serde {value}, record {mine}", figure.id);
            }
        }
    }

    #[test]
    fn every_unit_hedge_and_source_is_named_as_serde_names_it() {
        use figures::{Hedge, Source, Unit};
        let units = [
            Unit::Rmb,
            Unit::Usd,
            Unit::Percent,
            Unit::PercentChange,
            Unit::Count,
            Unit::Cities,
            Unit::People,
            Unit::Year,
            Unit::RmbPerUsd,
        ];
        for unit in units {
            assert_eq!(serde_json::to_value(unit).unwrap(), unit.name());
        }
        let hedges = [
            Hedge::MoreThan,
            Hedge::AtLeast,
            Hedge::Almost,
            Hedge::Under,
            Hedge::LessThan,
            Hedge::About,
        ];
        for hedge in hedges {
            assert_eq!(serde_json::to_value(hedge).unwrap(), hedge.words());
        }
        for source in [Source::Ft, Source::Prospectus, Source::Derived] {
            assert_eq!(serde_json::to_value(source).unwrap(), source.id());
        }
    }
}
