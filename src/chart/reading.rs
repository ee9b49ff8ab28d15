//! What a reader gets besides the picture: a chart's text alternative, its data table and the
//! words of its tooltips.

use super::builder::{Chart, DataRow};
use crate::data::figures::{self, Figure, Unit};
use crate::text::format;

impl Chart {
    /// The chart's text alternative: title, what it measures, and every point it makes.
    pub fn description(&self) -> String {
        let title = self.scene.text("title").unwrap_or_default();
        let subtitle = self.scene.text("subtitle").unwrap_or_default();
        let points: Vec<&str> = self
            .points
            .iter()
            .map(|p| p.trim_end_matches(['.', '。']))
            .collect();
        self.lang().pick_with(
            || format!("{title}. {subtitle}. {}.", format::join(&points, ". ")),
            || format!("{title}。{subtitle}。{}。", format::join(&points, "。")),
        )
    }

    /// Whether the chart shows an amount of money, which the currency control would change: the
    /// control is offered only then.
    pub fn shows_money(&self) -> bool {
        self.used
            .iter()
            .any(|id| figures::get(id).is_some_and(|f| matches!(f.unit, Unit::Rmb | Unit::Usd)))
    }

    /// The chart's data: every figure it shows, once, in order of use, then the facts it states
    /// in words, then, if it converts money, the rate it converts at.
    pub fn table(&self) -> Vec<DataRow> {
        let lang = self.lang();
        let row = |f: &Figure| {
            let shown = self.locale.currency.show(f);
            DataRow {
                id: f.id,
                label: f.label_in(lang),
                value: format::figure(f, lang),
                converted: shown.converted.then(|| format::words(&shown, lang)),
                year: f.year,
                source: f.source.credit(lang),
            }
        };
        let mut rows: Vec<DataRow> = Vec::new();
        for id in &self.used {
            if rows.iter().any(|r| r.id == *id) {
                continue;
            }
            let f = figures::get(id).expect("used ids were checked when used");
            rows.push(row(&f));
        }
        rows.extend(self.facts.iter().cloned());
        if rows.iter().any(|r| r.converted.is_some()) {
            rows.push(row(
                &figures::get("rmb_per_usd").expect("the rate is derived")
            ));
        }
        rows
    }

    /// What a tooltip on the mark `key` says: what the mark's own labels do not. It names the
    /// figure as the data does, then gives its value as sourced (with the hedge in words, and
    /// the conversion if the chart converts it and does not say it) unless a label of the mark already says exactly
    /// that, or a more exact value where the labels round it; its year unless the mark's labels,
    /// the figure's name or the chart's heading say it already; and always its source. `None`
    /// for a mark showing no figure.
    ///
    /// "Raised from investors: more than $3bn (more than the equivalent of Rmb19bn) · Source:
    /// Financial Times (2021)" on a bar labelled "more than Rmb19bn, converted"; "Revenue 2020:
    /// Rmb3,446.2m · Source: SenseTime IPO filing (HKEX, Aug 2021)" on the column labelled
    /// "Rmb3.45bn" over "2020"; "2020年上半年营收：8.612亿元 · 资料来源：商汤香港招股书（2021年8月）".
    pub fn tooltip(&self, key: &str) -> Option<String> {
        let (_, id) = self.marks.iter().find(|(k, _)| k == key)?;
        let f = figures::get(id)?;
        let lang = self.lang();
        let labels = self.mark_labels(key);
        // Compared without case: a label may capitalise what it says ("At least 500 ...").
        let labelled = |text: &str| {
            let text = text.to_ascii_lowercase();
            labels.iter().any(|l| format::holds(l, &text))
        };
        let shown = self.locale.currency.show(&f);
        let sourced = format::figure(&f, lang);
        // A date is said by its digits, with or without 年.
        let said = match f.unit {
            Unit::Year => format::trimmed(f.value, 0),
            _ => sourced.clone(),
        };
        let value = match format::exact(&f, lang) {
            Some(exact) => Some(exact),
            None if !shown.converted && labelled(&said) => None,
            None => Some(sourced),
        };
        let value = value.map(|value| {
            let converted = format::words(&shown, lang);
            if !shown.converted || labelled(&converted) {
                return value;
            }
            lang.pick_with(
                || format!("{value} ({converted})"),
                || format!("{value}（{converted}）"),
            )
        });
        let name = f.label_in(lang);
        let mut parts = vec![match value {
            Some(value) => format!("{name}{}{value}", lang.pick(": ", "：")),
            None => name.to_string(),
        }];
        if let Some(year) = f.year {
            let digits = format::trimmed(f64::from(year), 0);
            let heading = ["title", "subtitle"]
                .into_iter()
                .filter_map(|k| self.scene.text(k));
            let said = labelled(&digits)
                || format::holds(name, &digits)
                || heading.into_iter().any(|t| format::holds(t, &digits));
            if !said {
                parts.push(format::value(f64::from(year), Unit::Year, lang));
            }
        }
        let credit = if self.alone {
            f.source.credit_alone(lang)
        } else {
            f.source.credit(lang)
        };
        parts.push(format!("{}{credit}", lang.pick("Source: ", "资料来源：")));
        Some(format::join(parts, " · "))
    }

    /// The texts the mark `key` is labelled with, in lower case: its own labels
    /// (`{key}-value`, `{key}-cat`, …), and the labels of a mark it is part of (the phone range
    /// `phone-range` is labelled by `phone-value`, "86–96%").
    pub(super) fn mark_labels(&self, key: &str) -> Vec<String> {
        self.scene
            .labels
            .iter()
            .filter(|l| {
                !l.text.is_empty()
                    && l.key.rsplit_once('-').is_some_and(|(owner, _)| {
                        owner == key
                            || key
                                .strip_prefix(owner)
                                .is_some_and(|rest| rest.starts_with('-'))
                    })
            })
            .map(|l| l.text.to_ascii_lowercase())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::chart::tests::everything;

    #[test]
    fn no_tooltip_repeats_its_marks_labels() {
        for (chart, locale, built) in everything() {
            for (key, id) in &built.marks {
                let tip = built
                    .tooltip(key)
                    .expect("a mark showing a figure has a tooltip");
                let f = crate::data::figures::get(id).unwrap();
                let credit = f.source.credit(locale.lang);
                // What the tooltip adds to the figure's name and its source.
                let added = tip
                    .strip_prefix(f.label_in(locale.lang))
                    .and_then(|rest| rest.rsplit_once(" · "))
                    .map(|(added, source)| {
                        assert!(source.ends_with(credit), "{tip:?} ends with its source");
                        added.to_ascii_lowercase()
                    })
                    .unwrap_or_else(|| panic!("{tip:?} names {id} first"));
                for label in built.mark_labels(key) {
                    assert!(
                        !added.contains(&label),
                        "{} {locale:?}: the tooltip on {key} says {label:?} again: {tip:?}",
                        chart.id()
                    );
                }
            }
        }
    }
}
