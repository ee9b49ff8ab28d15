//! The cities chart: how many Chinese cities have tried smart-city systems, and how many run
//! SenseTime's software.

use super::builder::Chart;
use crate::draw::scale::Linear;
use crate::lang::{Lang, Words};
use crate::text::format;

// The chart's words, English beside Chinese.
const TITLE: Words = ("The smart-city market", "智慧城市市场");
const SUBTITLE: Words = ("Number of cities", "城市数量");
const OURS: Words = ("Cities running SenseTime software", "部署商汤软件的城市");

/// The first row's category: the cities trying it, since when.
fn tried(l: Lang, since: &str) -> String {
    l.pick_with(
        || format!("Chinese cities trying it since {since}"),
        || format!("自{since}起试水的中国城市"),
    )
}

/// The note under the rows: where SenseTime's cities are.
fn note(l: Lang, n: &str) -> String {
    l.pick_with(
        || format!("Most of the {n} are in China;\nsome are abroad."),
        || format!("这{n}座城市大多在中国，\n也有一些在海外。"),
    )
}

// Where things go, in plot fractions.
/// The largest count the axis holds: above the 500 cities tried, so the open end and label fit.
const MAX_CITIES: f64 = 560.0;
/// How far across the longest bar may reach, leaving room for its value after it.
const BAR_REACH: f64 = 0.7;
const TRIED_ROW: f64 = 0.16;
const OURS_ROW: f64 = 0.5;
const NOTE_AT: f64 = 0.8;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(l.say(TITLE), l.say(SUBTITLE));
    let tried_cities = c.figure("cities_tried");
    let ours = c.figure("sensetime_cities");
    let start = c.figure("smart_city_push_start");
    let scale = Linear::new((0.0, MAX_CITIES), (0.0, BAR_REACH));
    let (neutral, city) = (c.theme.neutral, c.theme.city);
    let since = format::value(start.value, start.unit, l);
    c.row(
        "cities-tried",
        &tried(l, &since),
        &tried_cities,
        TRIED_ROW,
        &scale,
        neutral,
    );
    c.row("cities-ours", l.say(OURS), &ours, OURS_ROW, &scale, city);
    let n = format::value(ours.value, ours.unit, l);
    c.note("cities-note", &note(l, &n), NOTE_AT);
}
