//! The cities chart: how many Chinese cities have tried smart-city systems, and how many cities
//! run SenseTime's software, as counts you can count: a square a city.
//!
//! The two are separate fields, not one field with SenseTime's cities lit: some of its 119 are
//! abroad, so the sources do not make them a part of the 500.

use super::builder::{band, Chart};
use crate::draw::scene::Rect;
use crate::lang::{Lang, Words};
use crate::text::format;

// The chart's words, English beside Chinese.
const TITLE: Words = ("Hundreds of smart cities", "数以百计的智慧城市");
const SUBTITLE: Words = ("Cities, a square each", "城市数量（每格一座）");

/// The first field's heading: how many Chinese cities have tried it, since when.
fn tried(l: Lang, count: &str, since: &str) -> String {
    l.pick_with(
        || {
            format!(
                "{} Chinese cities, since {since}",
                format::capitalised(count)
            )
        },
        || format!("自{since}起试水的中国城市：{count}座"),
    )
}

/// The second field's heading: SenseTime's cities (most of them, not all, in China: the text
/// alternative and the prose say so).
fn ours(l: Lang, count: &str) -> String {
    l.pick_with(
        || format!("{count} running SenseTime software"),
        || format!("部署商汤软件的城市：{count}座"),
    )
}

/// The text alternative's point on each field: what one square stands for, and for SenseTime's
/// why its field stands apart.
fn alt(l: Lang, heading: &str, apart: bool) -> String {
    let why = match apart {
        true => l.pick(
            ", in a field of their own: some are abroad, so they are not all among the Chinese cities",
            "，单独成片：其中一些在海外，并非都在上述中国城市之列",
        ),
        false => l.pick(", trailing off for the \"at least\"", "，末端渐隐表示“至少”"),
    };
    l.pick_with(
        || format!("{heading}, a square a city{why}"),
        || format!("{heading}，每格一座城市{why}"),
    )
}

// Where things go, in plot fractions.
/// Each field's area, under its heading; the second as wide as the first and tall enough for
/// its count at the first's square size.
const TRIED_AREA: Rect = band(0.07, 0.6);
const OURS_AREA: Rect = band(0.78, 1.0);

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(l.say(TITLE), l.say(SUBTITLE));
    let tried_cities = c.figure("cities_tried");
    let ours_cities = c.figure("sensetime_cities");
    let start = c.figure("smart_city_push_start");
    let (neutral, city) = (c.theme.neutral, c.theme.city);
    let since = format::value(start.value, start.unit, l);
    let tried_heading = tried(l, &format::figure(&tried_cities, l), &since);
    let ours_heading = ours(l, &format::figure(&ours_cities, l));
    // What the marks count, for a screen reader: the two fields are separate counts.
    c.points.push(alt(l, &tried_heading, false));
    c.points.push(alt(l, &ours_heading, true));
    c.field(
        "cities-tried",
        &tried_heading,
        &tried_cities,
        TRIED_AREA,
        neutral,
    );
    c.field("cities-ours", &ours_heading, &ours_cities, OURS_AREA, city);
}
