//! The funding chart: what SenseTime has raised from investors beside what its IPO seeks, and a
//! year's sales for scale.

use super::builder::Chart;
use super::whole::SALES_2020;
use crate::draw::scale::Linear;
use crate::lang::{Lang, Words};
use crate::text::format;
use crate::text::money::Currency;

// The chart's words, English beside Chinese.
const TITLE: Words = ("Raised billions, seeking more", "已融资数十亿，还要再募");
const SUBTITLE: Words = ("US dollars", "美元");
const SUBTITLE_IN_RMB: Words = (
    "Renminbi, converted from US dollars",
    "人民币（由美元折算）",
);
const RAISED: Words = ("Raised from investors so far", "迄今向投资者融资");
const IPO: Words = ("Planned Hong Kong IPO, 2021", "2021年计划香港IPO募资");
/// A year's sales, said after its row: context for the sums raised.
const SALES: Words = ("2020 sales, for scale", "2020年销售额（作对照）");

/// The note under the bars: who the backers are and, from the filing, how many rounds.
fn backers(l: Lang, rounds: &str) -> String {
    l.pick_with(
        || format!("Backers include SoftBank, Alibaba,\nTiger Global and Silver Lake;\n{rounds} funding rounds, says the IPO filing"),
        || format!("投资方包括软银、阿里巴巴、\n老虎环球基金和银湖资本；\n招股书显示共进行了{rounds}轮融资"),
    )
}

// Where things go, in plot fractions.
/// The largest amount the axis holds: above the $3bn raised, with room for its open end.
const MAX_USD: f64 = 3.5e9;
/// How far across the longest bar may reach, leaving room for its value after it (on a
/// 300 px phone in renminbi, in its short form: below).
const BAR_REACH: f64 = 0.55;
const RAISED_ROW: f64 = 0.04;
const IPO_ROW: f64 = 0.37;
/// The sales row says what it is after its end, not above it: it is context.
const SALES_ROW: f64 = 0.64;
/// The note sits below the rows.
const NOTE_AT: f64 = 0.84;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    let subtitle = match c.locale.currency {
        Currency::Rmb => SUBTITLE_IN_RMB,
        _ => SUBTITLE,
    };
    c.header(l.say(TITLE), l.say(subtitle));
    let raised = c.figure("funding_raised");
    let ipo = c.figure("ipo_target");
    let rounds = c.figure("funding_rounds");
    // The bars are drawn in dollars, as sourced, whatever the labels say.
    let scale = Linear::new((0.0, MAX_USD), (0.0, BAR_REACH));
    let neutral = c.theme.neutral;
    // Context in neutral; the sale the story is about in the ink of the figure in focus.
    let focus = c.theme.ink;
    c.row(
        "raised",
        l.say(RAISED),
        &raised,
        RAISED_ROW,
        &scale,
        neutral,
    );
    c.row("ipo", l.say(IPO), &ipo, IPO_ROW, &scale, focus);
    c.emphasise("ipo-value");
    // On a narrow canvas, a converted sum in fewer words ("more than ≈Rmb19bn") rather than
    // broken onto a second line, where the row below begins.
    for (key, f) in [("raised-value", &raised), ("ipo-value", &ipo)] {
        let short = c.labelled_compact(f);
        c.room(key, 0.0, &short);
    }
    // A year's sales beside the money raised, in the article's own dollars: the mark that stands
    // for 2020 sales in the charts before and after this one.
    let sales = c.figure("revenue_2020_usd");
    c.row(SALES_2020, l.say(SALES), &sales, SALES_ROW, &scale, neutral);
    // Context: said on one line after its end ("2020 sales, for scale: $525m"), not above it.
    if let Some(category) = c.label_mut("sales-2020-cat") {
        category.text.clear();
    }
    if let Some(value) = c.label_mut("sales-2020-value") {
        let mut text = String::from(l.say(SALES));
        text.push_str(l.pick(": ", "："));
        text.push_str(&value.text);
        value.text = text;
        value.bold = false;
    }
    let rounds = format::value(rounds.value, rounds.unit, l);
    c.note("backers", &backers(l, &rounds), NOTE_AT);
}
