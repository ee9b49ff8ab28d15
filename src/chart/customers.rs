//! The customers chart.

use super::builder::Chart;
use crate::data::figures::Bound;
use crate::draw::scale::Linear;
use crate::draw::scene::{Anchor, Grow, Rect, Size};
use crate::text::format;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(
        l.t("A handful of big buyers", "少数大客户撑起销售"),
        l.t("Share of 2020 sales by customer", "2020年销售额的客户构成"),
    );
    let top5 = c.figure("top5_customers_share");
    let total = c.figure("customers_total");
    let top5_rmb = c.figure("top5_customers_rmb");
    let (city, neutral, ink) = (c.theme.city, c.theme.neutral, c.theme.ink);
    let scale = Linear::new((0.0, 100.0), (0.0, 1.0));
    let split = scale.map(top5.value);
    let total_text = format::figure(&total, l);
    c.points.push(
        l.t(
            "Five largest customers: almost a third of sales",
            "前五大客户：近三分之一的销售额",
        )
        .into(),
    );
    c.points.push(l.pick_with(
        || format!("Everyone else: the rest, from {total_text} customers in all"),
        || format!("其他客户：其余销售额，客户总数{total_text}家"),
    ));
    c.bar(
        "top5",
        Rect {
            x0: 0.0,
            y0: 0.3,
            x1: split,
            y1: 0.5,
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
            y0: 0.3,
            x1: 1.0,
            y1: 0.5,
        },
        neutral.fade(0.35),
        Grow::Right,
        Bound::Exact,
    );
    c.at(
        "top5-cat",
        l.t("Five largest customers", "前五大客户"),
        (0.0, 0.1),
        Anchor::Start,
        Size::Body,
        ink,
    );
    c.bold();
    c.at(
        "top5-value",
        l.t("almost a third", "近三分之一"),
        (0.0, 0.18),
        Anchor::Start,
        Size::Body,
        ink,
    );
    c.at(
        "others-cat",
        l.t("Everyone else", "其他客户"),
        (1.0, 0.1),
        Anchor::End,
        Size::Body,
        ink,
    );
    c.bold();
    let in_all = l.pick_with(
        || format!("{total_text} customers in all"),
        || format!("客户总数{total_text}家"),
    );
    c.at(
        "others-value",
        &in_all,
        (1.0, 0.18),
        Anchor::End,
        Size::Small,
        ink,
    );
    let (drawn, said) = (c.labelled(&top5_rmb), c.said(&top5_rmb));
    let note = |amount: &str| {
        l.pick_with(|| format!("The top five are mostly system integrators\nthat serve city governments.\nTheir purchases: {amount}"), || format!("前五大客户主要是服务城市管理部门的\n系统集成商，\n采购额{amount}"))
    };
    c.note_said("cust-note", &note(&drawn), &note(&said), 0.66);
}
