//! The Megvii chart: two smart-city shares of 2020 revenue, SenseTime's and its rival Megvii's,
//! each said for what it measures: two bars of 100% on one scale, SenseTime's the revenue mix's
//! own marks moved aside.

use super::builder::Chart;
use super::whole::{NAME_ABOVE, SALES_2020, VALUE_ABOVE};
use crate::draw::scene::Anchor;
use crate::lang::{Lang, Words};
use crate::text::format;

// The chart's words, English beside Chinese.
const TITLE: Words = ("Megvii leans on smart cities too", "旷视同样依赖智慧城市");
const SUBTITLE: Words = (
    "Smart-city shares of 2020 sales or revenue",
    "2020年销售额或营收中的智慧城市占比",
);
const SENSETIME: Words = (
    "SenseTime: its Smart City division's sales",
    "商汤：智慧城市事业部的销售额",
);
const MEGVII: Words = (
    "Megvii: revenue from smart-city technology",
    "旷视：来自智慧城市技术的营收",
);

/// SenseTime's 2020 sales and its Smart City part, named and its share said large, where this
/// chart draws them: the peers chart, the step before, draws them so too, so that going on to
/// Megvii they stay where they are and Megvii's bar arrives beside them.
pub(super) fn sensetime_share(c: &mut Chart) {
    share(c, &BARS[0]);
}

/// One bar of 100% and its smart-city part, with its name above it and its share, large.
fn share(c: &mut Chart, &(whole, [key, cat, value], id, name, short, bar): &Bar) {
    let l = c.lang();
    let city = c.theme.city;
    let f = c.figure(id);
    c.whole(whole, bar);
    c.part(key, l.say(name), &f, (0.0, bar), city);
    let text = c.labelled(&f);
    c.tag(cat, l.say(name), (0.0, bar.0), Anchor::Start, NAME_ABOVE);
    c.room(cat, 1.0, l.say(short));
    c.tag(value, &text, (0.0, bar.0), Anchor::Start, VALUE_ABOVE);
    c.bold();
    c.emphasise(value);
}

/// The note under the rows: the two measures differ; when Megvii's listing plan ended (the month
/// the article gives, for the plan's end: it does not date the blacklisting on its own).
fn note(l: Lang, year: &str) -> String {
    l.pick_with(
        || format!("Not the same measure: a division's sales,\na technology's revenue. Blacklisted by the US,\nMegvii dropped its IPO plan in February {year}."),
        || format!("一个是事业部销售额，一个是技术类营收，\n口径不同。遭美国列入黑名单的旷视\n于{year}2月放弃了香港上市计划。"),
    )
}

/// On a narrow phone, the measures in fewer words.
const SENSETIME_SHORT: Words = ("SenseTime: Smart City division", "商汤：智慧城市事业部");
const MEGVII_SHORT: Words = ("Megvii: smart-city technology", "旷视：智慧城市技术");

// Where things go, in plot fractions.
/// Two bars of 100% each, on one scale: SenseTime's 2020 sales (the same marks as the revenue
/// mix's, moved up to make room) over Megvii's 2020 revenue, each with its smart-city part from
/// the left. Each name and share sits above its bar; the note under Megvii's.
pub(super) const SENSETIME_BAR: (f64, f64) = (0.22, 0.33);
const MEGVII_BAR: (f64, f64) = (0.66, 0.77);
/// Megvii's whole: its 2020 revenue, a quantity of its own (not SenseTime's sales).
const MEGVII_WHOLE: &str = "megvii-revenue-2020";
/// Each bar, SenseTime's then Megvii's: its whole's key; its part's key and its labels'; the
/// figure the part shows; its name, in full and short; its place.
type Bar = (
    &'static str,
    [&'static str; 3],
    &'static str,
    Words,
    Words,
    (f64, f64),
);
const BARS: [Bar; 2] = [
    (
        SALES_2020,
        ["city-share", "city-share-cat", "city-share-value"],
        "smart_city_share",
        SENSETIME,
        SENSETIME_SHORT,
        SENSETIME_BAR,
    ),
    (
        MEGVII_WHOLE,
        ["megvii-share", "megvii-share-cat", "megvii-share-value"],
        "megvii_smart_city_share",
        MEGVII,
        MEGVII_SHORT,
        MEGVII_BAR,
    ),
];
/// The width of the dashed line marking SenseTime's share on Megvii's bar, in CSS pixels.
const LEVEL_WIDTH: f64 = 1.5;
/// The note, in lines of its own size below Megvii's bar.
const NOTE_BELOW: f64 = 1.1;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(l.say(TITLE), l.say(SUBTITLE));
    // Both shares large: the two the chart compares.
    for bar in &BARS {
        share(c, bar);
    }
    // SenseTime's share carried down across Megvii's bar, dashed: where 40% would end on it.
    let ink = c.theme.ink;
    let at = c.scene.bar("city-share").map_or(0.0, |b| b.rect.x1);
    c.line(
        "sensetime-level",
        (at, MEGVII_BAR.0),
        (at, MEGVII_BAR.1),
        ink,
        LEVEL_WIDTH,
        true,
    );
    c.over_marks();
    let listing = c.figure("megvii_blacklisted");
    let year = format::value(listing.value, listing.unit, l);
    c.note("megvii-note", &note(l, &year), MEGVII_BAR.1);
    c.nudge(NOTE_BELOW);
}
