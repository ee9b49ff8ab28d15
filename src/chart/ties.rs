//! The closing chart: SenseTime's ties to the state in one picture. Two shares of its 2020 sales
//! on one scale (the Smart City division's, the five largest customers'), and apart from them, on
//! their own scale, the government grants of 2019 and 2020.

use super::builder::{Chart, RULE_WIDTH, SHARE_REACH};
use crate::draw::scale::Linear;
use crate::draw::scene::{Anchor, Size};
use crate::lang::{Lang, Words};
use crate::text::format;

// The chart's words, English beside Chinese.
const TITLE: Words = ("Tied to the state, three ways", "与政府的三重联系");
const SUBTITLE: Words = (
    "SenseTime in 2020: shares of sales; grants",
    "2020年的商汤：销售额占比与政府补助",
);
const CITY: Words = (
    "Smart City division's share of sales",
    "智慧城市事业部占销售额比重",
);
const TOP5: Words = ("Five largest customers' share", "前五大客户占比");
const GRANTS_2019: Words = ("2019", "2019年");
const GRANTS_2020: Words = ("2020", "2020年");

/// The grants' heading, with their rise.
fn grants_head(l: Lang, rise: &str) -> String {
    l.pick_with(
        || format!("Government grants: up {rise} in a year"),
        || format!("政府补助：一年增长{rise}"),
    )
}

// Where things go, in plot fractions.
/// The two shares, on the scale of the revenue-mix and Megvii charts, so the Smart City bar is
/// the same mark in all three.
const CITY_ROW: f64 = 0.06;
const TOP5_ROW: f64 = 0.33;
/// The rule between the shares and the grants; the grants' heading, in lines of its size above
/// their first row.
const DIVIDER: f64 = 0.46;
const GRANTS_HEAD_ABOVE: f64 = -1.2;
const GRANTS_2019_ROW: f64 = 0.68;
const GRANTS_2020_ROW: f64 = 0.86;
/// The grants' own axis: a little over 2020's Rmb352.8m, as in the grants chart, across less of
/// the width than the shares, leaving room for a year and a value after the bar.
const GRANTS_MAX_RMB: f64 = 400e6;
const GRANTS_REACH: f64 = 0.5;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(l.say(TITLE), l.say(SUBTITLE));
    let city_share = c.figure("smart_city_share");
    let top5 = c.figure("top5_customers_share");
    let y2019 = c.figure("grants_2019");
    let y2020 = c.figure("grants_2020");
    let growth = c.figure("grants_growth");
    let (city, neutral, rule, ink) = (c.theme.city, c.theme.neutral, c.theme.rule, c.theme.ink);

    let shares = Linear::new((0.0, 100.0), (0.0, SHARE_REACH));
    c.row(
        "city-share",
        l.say(CITY),
        &city_share,
        CITY_ROW,
        &shares,
        city,
    );
    c.row("top5", l.say(TOP5), &top5, TOP5_ROW, &shares, city);

    c.line(
        "divider",
        (0.0, DIVIDER),
        (1.0, DIVIDER),
        rule,
        RULE_WIDTH,
        false,
    );
    let rise = format::figure(&growth, l);
    let head = grants_head(l, &rise);
    c.points.push(head.clone());
    c.at(
        "grants-head",
        &head,
        (0.0, GRANTS_2019_ROW),
        Anchor::Start,
        Size::Body,
        ink,
    );
    c.bold();
    c.nudge(GRANTS_HEAD_ABOVE);
    // Drawn in renminbi, as sourced, whatever the labels say.
    let grants = Linear::new((0.0, GRANTS_MAX_RMB), (0.0, GRANTS_REACH));
    c.row(
        "grants-2019",
        l.say(GRANTS_2019),
        &y2019,
        GRANTS_2019_ROW,
        &grants,
        neutral,
    );
    c.row(
        "grants-2020",
        l.say(GRANTS_2020),
        &y2020,
        GRANTS_2020_ROW,
        &grants,
        city,
    );
    // The grants' rows sit closer than the shares': each says its year before its value
    // ("2019: about Rmb258m") rather than above its bar.
    let colon = l.pick(": ", "：");
    for (year, key) in [(GRANTS_2019, "grants-2019"), (GRANTS_2020, "grants-2020")] {
        c.scene
            .labels
            .retain(|label| label.key != format!("{key}-cat"));
        if let Some(value) = c.label_mut(&format!("{key}-value")) {
            value.text = format!("{}{colon}{}", l.say(year), value.text);
        }
    }
}
