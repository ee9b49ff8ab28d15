//! The revenue mix chart: SenseTime's 2020 sales as one bar, 100% of them, split by division
//! (Smart City, Smart Business and Smart Life, Smart Auto).

use super::builder::Chart;
use super::whole::{NAME_ABOVE, NAME_BELOW, SALES_2020, SALES_BAR, VALUE_ABOVE, VALUE_BELOW};
use crate::data::figures::Bound;
use crate::draw::scene::{Anchor, Grow};
use crate::lang::{Lang, Words};
use crate::text::format;
use crate::text::money::Currency;

// The chart's words, English beside Chinese.
const TITLE: Words = ("Smart City's big share", "智慧城市占了一大块");
const CITY: Words = (
    "Smart City: policing, facial recognition",
    "智慧城市：警务、人脸识别",
);
/// On a narrow phone, the division's name alone.
const CITY_SHORT: Words = ("Smart City", "智慧城市");
const REST: Words = ("Smart Business and Smart Life", "智慧商业与智慧生活");
/// On a narrow phone, in fewer words.
const REST_SHORT: Words = ("Business and Life", "商业与生活");
const AUTO: Words = ("Smart Auto", "智能汽车");

/// Both amounts of 2020 sales, as the article gives them: "Rmb3.4bn ($525m)".
fn both(l: Lang, rmb: &str, usd: &str) -> String {
    l.pick_with(|| format!("{rmb} ({usd})"), || format!("{rmb}（{usd}）"))
}

/// The subtitle: what the shares are shares of.
fn subtitle(l: Lang, whole: &str) -> String {
    l.pick_with(
        || format!("SenseTime's 2020 sales, {whole}"),
        || format!("商汤2020年销售额{whole}的构成"),
    )
}

/// The note under the bar: Smart City's sales as an amount.
fn note(l: Lang, amount: &str) -> String {
    l.pick_with(
        || format!("Smart City: {amount} of sales"),
        || format!("智慧城市业务销售额：{amount}"),
    )
}

// Where things go, in plot fractions. The one bar of 2020 sales (`SALES_BAR`), 100% across
// the plot, is split by division: Smart City from the left, Smart Auto at the right end, the
// rest between. Smart City's name and share sit above its part, Smart Auto's above its own at
// the right; the rest's below the bar; the note at the foot.
const NOTE_AT: f64 = 0.97;
/// How much of the plot's width each part's name may take: Smart City's and Smart Auto's
/// share a line above the bar; the rest's starts where its part does.
const CITY_ROOM: f64 = 0.55;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    let sales = c.figure("revenue_2020");
    let usd = c.figure("revenue_2020_usd");
    // Both amounts are the article's own: each currency mode shows a sourced one.
    let (rmb, usd) = (
        format::value(sales.value, sales.unit, l),
        format::value(usd.value, usd.unit, l),
    );
    let whole = match c.locale.currency {
        Currency::Reported => both(l, &rmb, &usd),
        Currency::Rmb => rmb,
        Currency::Usd => usd,
    };
    c.header(l.say(TITLE), &subtitle(l, &whole));
    let city_share = c.figure("smart_city_share");
    let auto = c.figure("auto_share");
    let rest = c.figure("other_segments_share");
    let (city, auto_colour, business) = (c.theme.city, c.theme.auto, c.theme.business);
    // The whole the parts split, behind them: the mark that stands for 2020 sales in the charts
    // before and after this one.
    c.whole(SALES_2020, SALES_BAR);
    c.part(
        "city-share",
        l.say(CITY),
        &city_share,
        (0.0, SALES_BAR),
        city,
    );
    // The rest is what is left after the other two: our calculation from rounded shares, drawn
    // as one (a dashed outline), its floor in words ("more than 55%").
    c.part(
        "rest-share",
        l.say(REST),
        &rest,
        (city_share.value, SALES_BAR),
        business,
    )
    .bound = Bound::Approximate;
    // Smart Auto's "less than 5%" is a ceiling on the last part: its dashed cap stands at its
    // left edge, where the most it could take ends.
    c.part(
        "auto-share",
        l.say(AUTO),
        &auto,
        (100.0 - auto.value, SALES_BAR),
        auto_colour,
    )
    .grow = Grow::Left;
    let (top, bottom) = SALES_BAR;
    let values = [
        c.labelled(&city_share),
        c.labelled(&rest),
        c.labelled(&auto),
    ];
    c.tag(
        "city-share-cat",
        l.say(CITY),
        (0.0, top),
        Anchor::Start,
        NAME_ABOVE,
    );
    c.bold();
    c.room("city-share-cat", CITY_ROOM, l.say(CITY_SHORT));
    c.tag(
        "city-share-value",
        &values[0],
        (0.0, top),
        Anchor::Start,
        VALUE_ABOVE,
    );
    c.bold();
    c.emphasise("city-share-value");
    c.tag(
        "auto-share-cat",
        l.say(AUTO),
        (1.0, top),
        Anchor::End,
        NAME_ABOVE,
    );
    c.tag(
        "auto-share-value",
        &values[2],
        (1.0, top),
        Anchor::End,
        VALUE_ABOVE,
    );
    c.bold();
    let from = city_share.value / 100.0;
    c.tag(
        "rest-share-cat",
        l.say(REST),
        (from, bottom),
        Anchor::Start,
        NAME_BELOW,
    );
    c.room("rest-share-cat", 1.0 - from, l.say(REST_SHORT));
    c.tag(
        "rest-share-value",
        &values[1],
        (from, bottom),
        Anchor::Start,
        VALUE_BELOW,
    );
    c.bold();
    let money = c.figure("smart_city_rmb");
    let (drawn, said) = (c.labelled(&money), c.said(&money));
    c.note_said("mix-note", &note(l, &drawn), &note(l, &said), NOTE_AT);
}
