//! The megvii chart.

use super::builder::Chart;
use crate::draw::scale::Linear;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(
        l.t("Megvii leans on cities even more", "旷视更依赖智慧城市业务"),
        l.t(
            "Smart-city share of 2020 revenue",
            "2020年营收中智慧城市业务的占比",
        ),
    );
    let sensetime = c.figure("smart_city_share");
    let megvii = c.figure("megvii_smart_city_share");
    let scale = Linear::new((0.0, 100.0), (0.0, 0.7));
    let city = c.theme.city;
    c.row(
        "city-share",
        l.t("SenseTime: Smart City", "商汤：智慧城市"),
        &sensetime,
        0.14,
        &scale,
        city,
    );
    c.row(
        "megvii-share",
        l.t("Megvii: smart-city technology", "旷视：智慧城市技术"),
        &megvii,
        0.46,
        &scale,
        city,
    );
    c.note(
        "megvii-note",
        l.t(
            "Megvii's Hong Kong listing was abandoned\nafter the US blacklisted it.",
            "旷视被美国列入黑名单后，\n放弃了香港上市计划。",
        ),
        0.8,
    );
}
