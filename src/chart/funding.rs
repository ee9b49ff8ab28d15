//! The funding chart.

use super::builder::Chart;
use crate::draw::scale::Linear;
use crate::text::format;
use crate::text::money::Currency;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    let subtitle = match c.locale.currency {
        Currency::Rmb => l.t(
            "Renminbi, converted from US dollars",
            "人民币（由美元折算）",
        ),
        _ => l.t("US dollars", "美元"),
    };
    c.header(
        l.t("Money raised, money sought", "融资规模与IPO目标"),
        subtitle,
    );
    let raised = c.figure("funding_raised");
    let ipo = c.figure("ipo_target");
    let rounds = c.figure("funding_rounds");
    // The bars are drawn in dollars, as sourced, whatever the labels say.
    let scale = Linear::new((0.0, 3.5e9), (0.0, 0.66));
    let neutral = c.theme.neutral;
    let business = c.theme.business;
    c.row(
        "raised",
        l.t("Raised from investors so far", "迄今向投资者融资"),
        &raised,
        0.16,
        &scale,
        neutral,
    );
    c.row(
        "ipo",
        l.t("Planned Hong Kong IPO, 2021", "2021年计划香港IPO募资"),
        &ipo,
        0.48,
        &scale,
        business,
    );
    let rounds = format::value(rounds.value, rounds.unit, l);
    let note = l.pick_with(|| format!("Backers include SoftBank, Alibaba,\nTiger Global and Silver Lake;\n{rounds} funding rounds, says the IPO filing"), || format!("投资方包括软银、阿里巴巴、\n老虎环球基金和银湖资本；\n招股书显示共进行了{rounds}轮融资"));
    c.note("backers", &note, 0.8);
}
