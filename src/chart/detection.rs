//! The detection chart.

use super::builder::Chart;
use crate::data::figures::{Bound, Unit};
use crate::draw::scale::Linear;
use crate::draw::scene::{Anchor, Grow, Rect, Size};
use crate::text::format;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(
        l.t("The cameras' claimed accuracy", "摄像头的宣称准确率"),
        l.t(
            "Claimed precision or accuracy, %",
            "宣称的精确率或准确率（%）",
        ),
    );
    let belt = c.figure("seatbelt_precision");
    let low = c.figure("phone_accuracy_low");
    let high = c.figure("phone_accuracy_high");
    let scale = Linear::new((0.0, 100.0), (0.0, 0.78));
    let (city, ink, rule, muted) = (c.theme.city, c.theme.ink, c.theme.rule, c.theme.muted);
    c.row(
        "belt",
        l.t("Drivers without seat belts", "未系安全带的司机"),
        &belt,
        0.16,
        &scale,
        city,
    );
    // The phone figure is a range: the bar runs to its low end, a lighter band covers the range.
    let y = 0.5;
    let phones = l.t("Drivers using phones", "开车使用手机的司机");
    c.at(
        "phone-cat",
        phones,
        (0.0, y - 0.035),
        Anchor::Start,
        Size::Body,
        ink,
    );
    c.bar(
        "phone",
        Rect {
            x0: 0.0,
            y0: y,
            x1: scale.map(low.value),
            y1: y + 0.09,
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
            y1: y + 0.09,
        },
        city.fade(0.4),
        Grow::Right,
        Bound::Exact,
    );
    c.shows("phone-range", high.id);
    let range = format!(
        "{}–{}",
        format::trimmed(low.value, 0),
        format::value(high.value, high.unit, l)
    );
    c.point(phones, &range);
    c.at(
        "phone-value",
        &range,
        (scale.map(high.value) + 0.02, y + 0.045),
        Anchor::Start,
        Size::Body,
        ink,
    );
    c.bold();
    for (i, v) in [0.0, 50.0, 100.0].into_iter().enumerate() {
        let x = scale.map(v);
        c.line(&format!("grid-{i}"), (x, 0.08), (x, 0.66), rule, 1.0, true);
        c.at(
            &format!("grid-{i}-label"),
            &format::value(v, Unit::Percent, l),
            (x, 0.72),
            Anchor::Middle,
            Size::Small,
            muted,
        );
    }
    c.note(
        "detection-note",
        l.t(
            "Figures claimed by SenseTime for one city",
            "商汤就某一城市宣称的数据",
        ),
        0.9,
    );
}
