//! The revenue mix chart: where 2020 sales came from, by business (Smart City, Business and
//! Life, Auto).

use super::builder::{Chart, SHARE_REACH};
use crate::draw::scale::Linear;
use crate::lang::{Lang, Words};
use crate::text::format;
use crate::text::money::Currency;

// The chart's words, English beside Chinese.
const TITLE: Words = ("Where 2020 sales came from", "2020年销售额来源");
const CITY: Words = (
    "Smart City: policing, facial recognition",
    "智慧城市：警务、人脸识别",
);
/// On a narrow phone, the division's name alone.
const CITY_SHORT: Words = ("Smart City", "智慧城市");
const REST: Words = ("Smart Business and Smart Life", "智慧商业与智慧生活");
const AUTO: Words = ("Smart Auto", "智能汽车");

/// Both amounts of 2020 sales, as the article gives them: "Rmb3.4bn ($525m)".
fn both(l: Lang, rmb: &str, usd: &str) -> String {
    l.pick_with(|| format!("{rmb} ({usd})"), || format!("{rmb}（{usd}）"))
}

/// The subtitle: what the shares are shares of.
fn subtitle(l: Lang, whole: &str) -> String {
    l.pick_with(
        || format!("Share of {whole} in sales"),
        || format!("占{whole}销售额的比重"),
    )
}

/// The note under the rows: Smart City's sales as an amount.
fn note(l: Lang, amount: &str) -> String {
    l.pick_with(
        || format!("Smart City: {amount} of sales"),
        || format!("智慧城市业务销售额：{amount}"),
    )
}

// Where things go, in plot fractions.
const CITY_ROW: f64 = 0.12;
const REST_ROW: f64 = 0.42;
const AUTO_ROW: f64 = 0.72;
const NOTE_AT: f64 = 0.96;

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
    let scale = Linear::new((0.0, 100.0), (0.0, SHARE_REACH));
    let (city, auto_colour, business) = (c.theme.city, c.theme.auto, c.theme.business);
    c.row(
        "city-share",
        l.say(CITY),
        &city_share,
        CITY_ROW,
        &scale,
        city,
    );
    c.room("city-share-cat", 1.0, l.say(CITY_SHORT));
    c.row("rest-share", l.say(REST), &rest, REST_ROW, &scale, business);
    c.row(
        "auto-share",
        l.say(AUTO),
        &auto,
        AUTO_ROW,
        &scale,
        auto_colour,
    );
    let money = c.figure("smart_city_rmb");
    let (drawn, said) = (c.labelled(&money), c.said(&money));
    c.note_said("mix-note", &note(l, &drawn), &note(l, &said), NOTE_AT);
}
