//! The revenue trend chart.

use super::builder::Chart;
use crate::draw::scale::Linear;
use crate::text::money::Currency;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    let subtitle = match c.locale.currency {
        Currency::Usd => l.t(
            "Revenue, US dollars (converted)",
            "营收（美元，由人民币折算）",
        ),
        _ => l.t("Revenue, renminbi", "营收（人民币）"),
    };
    c.header(
        l.t("SenseTime's sales kept growing", "商汤营收持续增长"),
        subtitle,
    );
    let years = [
        c.figure("revenue_2018"),
        c.figure("revenue_2019"),
        c.figure("revenue_2020_filing"),
    ];
    let halves = [c.figure("revenue_h1_2020"), c.figure("revenue_h1_2021")];
    // Drawn in renminbi, as sourced, whatever the labels say.
    let scale = Linear::new((0.0, 3.6e9), (0.82, 0.1));
    let (business, neutral) = (c.theme.business, c.theme.neutral);
    for (i, f) in years.iter().enumerate() {
        // As u32: one integer formatter in the Wasm rather than a second for u16.
        let year = u32::from(f.year.expect("revenue figures have a year"));
        let year = l.pick_with(|| year.to_string(), || format!("{year}年"));
        c.column(
            &format!("rev-{i}"),
            &year,
            f,
            (0.02 + i as f64 * 0.19, 0.14),
            &scale,
            business,
        );
    }
    for (i, f) in halves.iter().enumerate() {
        let year = u32::from(f.year.expect("revenue figures have a year"));
        // "2020H1" is how Chinese financial charts label a first half; it fits the column.
        let year = l.pick_with(|| format!("H1 {year}"), || format!("{year}H1"));
        c.column(
            &format!("rev-h{i}"),
            &year,
            f,
            (0.64 + i as f64 * 0.19, 0.14),
            &scale,
            neutral,
        );
    }
    c.baseline(0.82);
    c.note(
        "trend-note",
        l.t(
            "Full years left, first halves right",
            "左为全年，右为上半年",
        ),
        0.96,
    );
}
