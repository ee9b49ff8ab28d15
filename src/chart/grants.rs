//! The grants chart: government grants to SenseTime in 2019 (worked back) and 2020.

use super::builder::Chart;
use crate::draw::scale::Linear;
use crate::draw::scene::{Anchor, Size};
use crate::lang::{Lang, Words};
use crate::text::format;

// The chart's words, English beside Chinese.
const TITLE: Words = ("Help from the state", "来自政府的扶持");
const SUBTITLE: Words = (
    "Government grants to SenseTime, renminbi",
    "商汤获得的政府补助（人民币）",
);
const SUBTITLE_IN_USD: Words = (
    "Government grants, US dollars (converted)",
    "商汤获得的政府补助（美元，折算）",
);
const YEAR_2019: Words = ("2019", "2019年");
const YEAR_2020: Words = ("2020", "2020年");
const RISE: Words = ("Rise from 2019 to 2020", "2019年至2020年增幅");

/// The note under the columns: how 2019 was found.
fn note(l: Lang, pct: &str) -> String {
    l.pick_with(
        || format!("2019 worked back from the {pct} rise"),
        || format!("2019年数据按{pct}的增幅倒推"),
    )
}

// Where things go, in plot fractions.
/// The largest amount the axis holds: a little over 2020's Rmb352.8m, the taller column.
const MAX_RMB: f64 = 400e6;
/// The baseline, and how high the axis's top reaches.
const BASELINE: f64 = 0.7;
const TOP: f64 = 0.08;
/// Two wide columns, each (left edge, width), with the rise between them.
const COLUMN_2019: (f64, f64) = (0.1, 0.3);
const COLUMN_2020: (f64, f64) = (0.6, 0.3);
const RISE_X: f64 = 0.5;
/// How wide a column's value may be, in plot widths: a little more than its column.
const VALUE_ROOM: f64 = 0.34;
/// The note, in lines of its own size under the baseline, below the years.
const NOTE_BELOW: f64 = 2.6;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header_for_money(TITLE, SUBTITLE, SUBTITLE_IN_USD);
    let y2019 = c.figure("grants_2019");
    let y2020 = c.figure("grants_2020");
    let growth = c.figure("grants_growth");
    // Drawn in renminbi, as sourced, whatever the labels say.
    let scale = Linear::new((0.0, MAX_RMB), (BASELINE, TOP));
    let (neutral, city, ink) = (c.theme.neutral, c.theme.city, c.theme.ink);
    c.column(
        "grants-2019",
        l.say(YEAR_2019),
        &y2019,
        COLUMN_2019,
        &scale,
        neutral,
    );
    c.column(
        "grants-2020",
        l.say(YEAR_2020),
        &y2020,
        COLUMN_2020,
        &scale,
        city,
    );
    // The values stay over their columns, clear of the rise between them.
    c.room("grants-2019-value", VALUE_ROOM, "");
    c.room("grants-2020-value", VALUE_ROOM, "");
    c.baseline(BASELINE);
    let pct = format::value(growth.value, growth.unit, l);
    let rise = format!("+{pct}");
    c.point(l.say(RISE), &format::figure(&growth, l));
    c.at(
        "grants-rise",
        &rise,
        // Level with the 2020 bar's top, well above the 2019 label, so the two never collide.
        (RISE_X, scale.map(y2020.value)),
        Anchor::Middle,
        Size::Body,
        ink,
    );
    c.bold();
    c.note("grants-note", &note(l, &pct), BASELINE);
    c.nudge(NOTE_BELOW);
}
