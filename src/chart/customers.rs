//! The customers chart: the five largest customers' share of 2020 sales beside everyone else's.

use super::builder::Chart;
use crate::data::figures::Bound;
use crate::draw::scale::Linear;
use crate::draw::scene::{Anchor, Grow, Rect, Size};
use crate::lang::{Lang, Words};
use crate::text::format;

// The chart's words, English beside Chinese.
const TITLE: Words = (
    "Five buyers, almost a third",
    "前五大客户占销售额近三分之一",
);
const SUBTITLE: Words = ("Share of 2020 sales by customer", "2020年销售额的客户构成");
const TOP5_IN_SHORT: Words = (
    "Five largest customers: almost a third of sales",
    "前五大客户：近三分之一的销售额",
);
const TOP5: Words = ("Five largest customers", "前五大客户");
const TOP5_SHARE: Words = ("almost a third", "近三分之一");
const OTHERS: Words = ("Everyone else", "其他客户");

/// The text alternative's point on everyone else.
fn others_in_short(l: Lang, total: &str) -> String {
    l.pick_with(
        || format!("Everyone else: the rest, from {total} customers in all, according to a person close to the company"),
        || format!("其他客户：其余销售额，据一位接近公司的人士称，客户总数{total}家"),
    )
}

/// Under "Everyone else": how many customers there are.
fn in_all(l: Lang, total: &str) -> String {
    l.pick_with(
        || format!("{total} customers in all"),
        || format!("客户总数{total}家"),
    )
}

/// The note under the bar: who the five are, and what they bought.
fn note(l: Lang, amount: &str) -> String {
    l.pick_with(
        || format!("The five: mostly system integrators for cities.\nTheir purchases: {amount}"),
        || format!("前五大客户主要是服务城市的系统集成商，\n采购额{amount}"),
    )
}

// Where things go, in plot fractions.
/// The one bar, split in two, across the whole plot.
const BAR_TOP: f64 = 0.3;
const BAR_BOTTOM: f64 = 0.5;
/// The five's name, and under it their share, above the bar at its left; everyone else's name
/// and count below it at its right, so the two never meet on a narrow phone. In lines of their
/// own size from the bar's edge, so they keep to the bar in a short panel.
const NAME_ABOVE: f64 = -2.3;
const VALUE_ABOVE: f64 = -1.0;
const OTHERS_NAME_BELOW: f64 = 1.0;
const OTHERS_VALUE_BELOW: f64 = 2.6;
/// Everyone else's part is drawn faint: it is the rest, not a figure.
const OTHERS_ALPHA: f64 = 0.35;
/// The note, in lines of its own size below the bar, under everyone else's count.
const NOTE_BELOW: f64 = 4.3;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(l.say(TITLE), l.say(SUBTITLE));
    let top5 = c.figure("top5_customers_share");
    let total = c.figure("customers_total");
    let top5_rmb = c.figure("top5_customers_rmb");
    let (city, neutral, ink) = (c.theme.city, c.theme.neutral, c.theme.ink);
    let scale = Linear::new((0.0, 100.0), (0.0, 1.0));
    let split = scale.map(top5.value);
    let total_text = format::figure(&total, l);
    c.points.push(l.say(TOP5_IN_SHORT).into());
    c.points.push(others_in_short(l, &total_text));
    c.bar(
        "top5",
        Rect {
            x0: 0.0,
            y0: BAR_TOP,
            x1: split,
            y1: BAR_BOTTOM,
        },
        city,
        Grow::Right,
        top5.bound(),
    );
    c.shows("top5", top5.id);
    c.bar(
        "others",
        Rect {
            x0: split,
            y0: BAR_TOP,
            x1: 1.0,
            y1: BAR_BOTTOM,
        },
        neutral.fade(OTHERS_ALPHA),
        Grow::Right,
        Bound::Exact,
    );
    c.at(
        "top5-cat",
        l.say(TOP5),
        (0.0, BAR_TOP),
        Anchor::Start,
        Size::Body,
        ink,
    );
    c.bold();
    c.nudge(NAME_ABOVE);
    c.at(
        "top5-value",
        l.say(TOP5_SHARE),
        (0.0, BAR_TOP),
        Anchor::Start,
        Size::Body,
        ink,
    );
    c.nudge(VALUE_ABOVE);
    c.at(
        "others-cat",
        l.say(OTHERS),
        (1.0, BAR_BOTTOM),
        Anchor::End,
        Size::Body,
        ink,
    );
    c.bold();
    c.nudge(OTHERS_NAME_BELOW);
    c.at(
        "others-value",
        &in_all(l, &total_text),
        (1.0, BAR_BOTTOM),
        Anchor::End,
        Size::Small,
        ink,
    );
    c.nudge(OTHERS_VALUE_BELOW);
    let (drawn, said) = (c.labelled(&top5_rmb), c.said(&top5_rmb));
    c.note_said("cust-note", &note(l, &drawn), &note(l, &said), BAR_BOTTOM);
    c.nudge(NOTE_BELOW);
}
