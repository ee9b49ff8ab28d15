//! The customers chart: SenseTime's 2020 sales as one bar, 100% of them, the five largest
//! customers' part against everyone else's.

use super::builder::Chart;
use super::whole::{NAME_ABOVE, NAME_BELOW, SALES_2020, SALES_BAR, VALUE_ABOVE};
use crate::draw::scene::{Anchor, Size};
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

// Where things go, in plot fractions. The one bar of 2020 sales (`SALES_BAR`, where the revenue
// mix splits it by division) is split by customer: the five largest from the left, everyone else
// the rest. The five's name, and under it their share, sit above the bar at its left; everyone
// else's name and count below it at its right, so the two never meet on a narrow phone.
/// Everyone else's count, in lines of its own size below the bar.
const OTHERS_VALUE_BELOW: f64 = 2.6;
/// The note, in lines of its own size below the bar, under everyone else's count.
const NOTE_BELOW: f64 = 4.3;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(l.say(TITLE), l.say(SUBTITLE));
    let top5 = c.figure("top5_customers_share");
    let total = c.figure("customers_total");
    let top5_rmb = c.figure("top5_customers_rmb");
    let (city, ink) = (c.theme.city, c.theme.ink);
    let total_text = format::figure(&total, l);
    let (top, bottom) = SALES_BAR;
    // The whole, faint where the five's part does not cover it: everyone else.
    c.whole(SALES_2020, SALES_BAR);
    c.part("top5", l.say(TOP5), &top5, (0.0, SALES_BAR), city);
    // The text alternative says it in words, as the chart does: "almost a third".
    c.points.pop();
    c.points.push(l.say(TOP5_IN_SHORT).into());
    c.points.push(others_in_short(l, &total_text));
    c.tag(
        "top5-cat",
        l.say(TOP5),
        (0.0, top),
        Anchor::Start,
        NAME_ABOVE,
    );
    c.bold();
    c.tag(
        "top5-value",
        l.say(TOP5_SHARE),
        (0.0, top),
        Anchor::Start,
        VALUE_ABOVE,
    );
    c.emphasise("top5-value");
    c.tag(
        "others-cat",
        l.say(OTHERS),
        (1.0, bottom),
        Anchor::End,
        NAME_BELOW,
    );
    c.bold();
    c.at(
        "others-value",
        &in_all(l, &total_text),
        (1.0, bottom),
        Anchor::End,
        Size::Small,
        ink,
    );
    c.nudge(OTHERS_VALUE_BELOW);
    let (drawn, said) = (c.labelled(&top5_rmb), c.said(&top5_rmb));
    c.note_said("cust-note", &note(l, &drawn), &note(l, &said), bottom);
    c.nudge(NOTE_BELOW);
}
