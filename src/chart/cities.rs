//! The cities chart.

use super::builder::Chart;
use crate::draw::scale::Linear;
use crate::text::format;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(
        l.t("The smart-city market", "智慧城市市场"),
        l.t("Number of cities", "城市数量"),
    );
    let tried = c.figure("cities_tried");
    let ours = c.figure("sensetime_cities");
    let start = c.figure("smart_city_push_start");
    let scale = Linear::new((0.0, 560.0), (0.0, 0.7));
    let (neutral, city) = (c.theme.neutral, c.theme.city);
    let since = format::value(start.value, start.unit, l);
    let tried_label = l.pick_with(
        || format!("Chinese cities trying it since {since}"),
        || format!("自{since}起试水的中国城市"),
    );
    c.row("cities-tried", &tried_label, &tried, 0.16, &scale, neutral);
    c.row(
        "cities-ours",
        l.t("Cities running SenseTime software", "部署商汤软件的城市"),
        &ours,
        0.5,
        &scale,
        city,
    );
    let n = format::value(ours.value, ours.unit, l);
    let note = l.pick_with(
        || format!("Most of the {n} are in China;\nsome are abroad."),
        || format!("这{n}座城市大多在中国，\n也有一些在海外。"),
    );
    c.note("cities-note", &note, 0.8);
}
