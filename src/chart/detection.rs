//! The detection chart: the accuracy SenseTime claims for its traffic systems (seat belts in
//! cars, phones at the wheel).

use super::builder::{Chart, CATEGORY_ABOVE_ROW, ROW_THICKNESS, ROW_VALUE_GAP, RULE_WIDTH};
use crate::data::figures::{Bound, Unit};
use crate::draw::scale::Linear;
use crate::draw::scene::{Anchor, Grow, Rect, Size, Slot};
use crate::lang::Words;
use crate::text::format;

// The chart's words, English beside Chinese.
const TITLE: Words = ("SenseTime claims high accuracy", "商汤宣称识别准确率很高");
const SUBTITLE: Words = (
    "Claimed precision or accuracy, %",
    "宣称的精确率或准确率（%）",
);
const BELTS: Words = ("People in cars without seat belts", "车内未系安全带的人");
const PHONES: Words = ("Drivers using phones", "开车使用手机的司机");
const NOTE: Words = (
    "Figures claimed by SenseTime for one city",
    "商汤就某一城市宣称的数据",
);

// Where things go, in plot fractions.
/// How far across 100% reaches, leaving room for the range's label after it.
const BAR_REACH: f64 = 0.78;
const BELT_ROW: f64 = 0.16;
const PHONE_ROW: f64 = 0.5;
/// The range band is drawn lighter than the bar: it is where the figure may be, not a length;
/// and outlined at full strength, this wide (CSS pixels), so it never reads as a fainter figure.
const RANGE_ALPHA: f64 = 0.4;
const RANGE_EDGE: f64 = 1.5;
/// Each row runs in a track to 100%, so the bar reads as a share of a whole; the track is
/// fainter than any mark, and too faint to be a tooltip's target.
const TRACK_ALPHA: f64 = 0.5;
/// The percentages the scale marks: short ticks under the rows, then their labels. No line runs
/// up through the rows, where it would cross the rows' names and values.
const GRID: [f64; 3] = [0.0, 50.0, 100.0];
const TICK_TOP: f64 = 0.62;
const TICK_BOTTOM: f64 = 0.66;
const GRID_LABELS: f64 = 0.72;
const NOTE_AT: f64 = 0.9;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(l.say(TITLE), l.say(SUBTITLE));
    let belt = c.figure("seatbelt_precision");
    let low = c.figure("phone_accuracy_low");
    let high = c.figure("phone_accuracy_high");
    let scale = Linear::new((0.0, 100.0), (0.0, BAR_REACH));
    let (city, ink, rule, muted) = (c.theme.city, c.theme.ink, c.theme.rule, c.theme.muted);
    for (key, y) in [("belt-track", BELT_ROW), ("phone-track", PHONE_ROW)] {
        c.bar(
            key,
            Rect {
                x0: 0.0,
                y0: y,
                x1: BAR_REACH,
                y1: y + ROW_THICKNESS,
            },
            rule.fade(TRACK_ALPHA),
            Grow::Right,
            Bound::Exact,
        );
    }
    // Each value after the track's end, in one column, clear of the track.
    let values_at = BAR_REACH + ROW_VALUE_GAP;
    c.row("belt", l.say(BELTS), &belt, BELT_ROW, &scale, city);
    if let Some(value) = c.label_mut("belt-value") {
        value.slot = Slot::Plot(values_at, BELT_ROW + ROW_THICKNESS / 2.0);
    }
    c.emphasise("belt-value");
    // The phone figure is a range: the bar runs to its low end, a lighter band covers the range.
    let y = PHONE_ROW;
    let phones = l.say(PHONES);
    c.at(
        "phone-cat",
        phones,
        (0.0, y),
        Anchor::Start,
        Size::Body,
        ink,
    );
    c.nudge(CATEGORY_ABOVE_ROW);
    c.bar(
        "phone",
        Rect {
            x0: 0.0,
            y0: y,
            x1: scale.map(low.value),
            y1: y + ROW_THICKNESS,
        },
        city,
        Grow::Right,
        Bound::Exact,
    );
    c.shows("phone", low.id);
    c.bar(
        "phone-range",
        Rect {
            x0: scale.map(low.value),
            y0: y,
            x1: scale.map(high.value),
            y1: y + ROW_THICKNESS,
        },
        city.fade(RANGE_ALPHA),
        Grow::Right,
        Bound::Exact,
    );
    c.shows("phone-range", high.id);
    // The range is also drawn in outline, at full strength: a pale band alone would read as a
    // fainter figure (and turns muddy on a dark page) rather than as where the figure may lie.
    let (x0, x1) = (scale.map(low.value), scale.map(high.value));
    let (y0, y1) = (y, y + ROW_THICKNESS);
    for (key, from, to) in [
        ("phone-range-top", (x0, y0), (x1, y0)),
        ("phone-range-end", (x1, y0), (x1, y1)),
        ("phone-range-bottom", (x1, y1), (x0, y1)),
    ] {
        c.line(key, from, to, city, RANGE_EDGE, false);
        c.over_marks();
    }
    let range = format!(
        "{}–{}",
        format::trimmed(low.value, 0),
        format::value(high.value, high.unit, l)
    );
    c.point(phones, &range);
    c.at(
        "phone-value",
        &range,
        (values_at, y + ROW_THICKNESS / 2.0),
        Anchor::Start,
        Size::Body,
        ink,
    );
    c.bold();
    for (i, v) in GRID.into_iter().enumerate() {
        let x = scale.map(v);
        c.line(
            &format!("grid-{i}"),
            (x, TICK_TOP),
            (x, TICK_BOTTOM),
            rule,
            RULE_WIDTH,
            false,
        );
        c.at(
            &format!("grid-{i}-label"),
            &format::value(v, Unit::Percent, l),
            (x, GRID_LABELS),
            Anchor::Middle,
            Size::Small,
            muted,
        );
    }
    c.note("detection-note", l.say(NOTE), NOTE_AT);
}
