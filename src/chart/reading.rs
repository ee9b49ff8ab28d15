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

    /// What a tooltip on the mark `key` says: the figure as sourced, hedge in words, then (if the
    /// chart converts it) the conversion, its year and its source. `None` for a mark showing no figure.
    ///
    /// "Raised from investors: more than $3bn · Source: Financial Times (2021)";
    /// "向投资者融资总额：超过30亿美元（折合超过190亿元） · 资料来源：英国《金融时报》（2021年）".
    pub fn tooltip(&self, key: &str) -> Option<String> {
        let (_, id) = self.marks.iter().find(|(k, _)| k == key)?;
        let f = figures::get(id)?;
        let lang = self.lang();
        let mut value = format::figure(&f, lang);
        let shown = self.locale.currency.show(&f);
        if shown.converted {
            let converted = format::words(&shown, lang);
            value = lang.pick_with(
                || format!("{value} ({converted})"),
                || format!("{value}（{converted}）"),
            );
        }
        let mut parts = vec![format!(
            "{}{}{value}",
            f.label_in(lang),
            lang.pick(": ", "：")
        )];
        if let Some(year) = f.year {
            parts.push(format::value(f64::from(year), Unit::Year, lang));
        }
        parts.push(format!(
            "{}{}",
            lang.pick("Source: ", "资料来源："),
            f.source.credit(lang)
        ));
        Some(format::join(parts, " · "))
    }
}
