//! The Megvii chart: two smart-city shares of 2020 revenue, SenseTime's and its rival Megvii's,
//! each said for what it measures.

use super::builder::{Chart, SHARE_REACH};
use crate::draw::scale::Linear;
use crate::lang::{Lang, Words};
use crate::text::format;

// The chart's words, English beside Chinese.
const TITLE: Words = ("Two rivals, two measures", "两家对手，两种口径");
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

/// The note under the rows: the two measures differ; when Megvii's listing ended.
fn note(l: Lang, year: &str) -> String {
    l.pick_with(
        || format!("Not the same measure: a division's sales,\na technology's revenue. US blacklisting in\nFebruary {year} ended Megvii's listing plan."),
        || format!("一个是事业部销售额，一个是技术类营收，\n口径不同。{year}2月遭美国列入黑名单后，\n旷视放弃了香港上市计划。"),
    )
}

/// On a narrow phone, the measures in fewer words.
const SENSETIME_SHORT: Words = ("SenseTime: Smart City division", "商汤：智慧城市事业部");
const MEGVII_SHORT: Words = ("Megvii: smart-city technology", "旷视：智慧城市技术");

// Where things go, in plot fractions.
const SENSETIME_ROW: f64 = 0.14;
const MEGVII_ROW: f64 = 0.46;
const NOTE_AT: f64 = 0.8;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(l.say(TITLE), l.say(SUBTITLE));
    let sensetime = c.figure("smart_city_share");
    let megvii = c.figure("megvii_smart_city_share");
    let scale = Linear::new((0.0, 100.0), (0.0, SHARE_REACH));
    let city = c.theme.city;
    c.row(
        "city-share",
        l.say(SENSETIME),
        &sensetime,
        SENSETIME_ROW,
        &scale,
        city,
    );
    c.row(
        "megvii-share",
        l.say(MEGVII),
        &megvii,
        MEGVII_ROW,
        &scale,
        city,
    );
    c.room("city-share-cat", 1.0, l.say(SENSETIME_SHORT));
    c.room("megvii-share-cat", 1.0, l.say(MEGVII_SHORT));
    let listing = c.figure("megvii_blacklisted");
    let year = format::value(listing.value, listing.unit, l);
    c.note("megvii-note", &note(l, &year), NOTE_AT);
}
