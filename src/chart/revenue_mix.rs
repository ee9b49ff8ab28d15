//! The revenue mix chart.

use super::builder::Chart;
use crate::draw::scale::Linear;
use crate::text::format;
use crate::text::money::Currency;

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
        Currency::Reported => {
            l.pick_with(|| format!("{rmb} ({usd})"), || format!("{rmb}（{usd}）"))
        }
        Currency::Rmb => rmb,
        Currency::Usd => usd,
    };
    let subtitle = l.pick_with(
        || format!("Share of {whole} in sales"),
        || format!("占{whole}销售额的比重"),
    );
    c.header(
        l.t("Where 2020 sales came from", "2020年销售额来源"),
        &subtitle,
    );
    let city_share = c.figure("smart_city_share");
    let auto = c.figure("auto_share");
    let rest = c.figure("other_segments_share");
    let scale = Linear::new((0.0, 100.0), (0.0, 0.7));
    let (city, auto_colour, business) = (c.theme.city, c.theme.auto, c.theme.business);
    c.row(
        "city-share",
        l.t(
            "Smart City: policing, facial recognition",
            "智慧城市：警务、人脸识别",
        ),
        &city_share,
        0.12,
        &scale,
        city,
    );
    c.row(
        "rest-share",
        l.t("Smart Business and Smart Life", "智慧商业与智慧生活"),
        &rest,
        0.42,
        &scale,
        business,
    );
    c.row(
        "auto-share",
        l.t("Smart Auto", "智能汽车"),
        &auto,
        0.72,
        &scale,
        auto_colour,
    );
    let money = c.figure("smart_city_rmb");
    let (drawn, said) = (c.labelled(&money), c.said(&money));
    let note = |amount: &str| {
        l.pick_with(
            || format!("Smart City: {amount} of sales"),
            || format!("智慧城市业务销售额：{amount}"),
        )
    };
    c.note_said("mix-note", &note(&drawn), &note(&said), 0.96);
}
