//! The Megvii chart: the smart-city share of 2020 revenue at SenseTime and at its rival Megvii.

use super::builder::{Chart, SHARE_REACH};
use crate::draw::scale::Linear;
use crate::lang::Words;

// The chart's words, English beside Chinese.
const TITLE: Words = ("Megvii leans on cities even more", "旷视更依赖智慧城市业务");
const SUBTITLE: Words = (
    "Smart-city share of 2020 revenue",
    "2020年营收中智慧城市业务的占比",
);
const SENSETIME: Words = ("SenseTime: Smart City", "商汤：智慧城市");
const MEGVII: Words = ("Megvii: smart-city technology", "旷视：智慧城市技术");
const NOTE: Words = (
    "Megvii's Hong Kong listing was abandoned\nafter the US blacklisted it.",
    "旷视被美国列入黑名单后，\n放弃了香港上市计划。",
);

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
    c.note("megvii-note", l.say(NOTE), NOTE_AT);
}
