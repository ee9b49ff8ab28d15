//! The timeline chart.

use super::builder::Chart;
use crate::draw::scene::{Anchor, Size};
use crate::text::format;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(
        l.t("Sanctions, listings, ambitions", "制裁、上市与雄心"),
        l.t("Key dates in the story", "关键时间节点"),
    );
    let events: [(&'static str, &str); 7] = [
        (
            "smart_city_push_start",
            l.t(
                "Chinese cities start smart-city push",
                "中国城市启动智慧城市建设",
            ),
        ),
        (
            "sensetime_blacklisted",
            l.t("US blacklists SenseTime", "美国将商汤列入黑名单"),
        ),
        (
            "abu_dhabi_hub",
            l.t("Abu Dhabi research hub opens", "阿布扎比研究中心成立"),
        ),
        (
            "megvii_blacklisted",
            l.t("Megvii drops Hong Kong listing", "旷视放弃香港上市"),
        ),
        (
            "prospectus_filed",
            l.t("SenseTime files for Hong Kong IPO", "商汤递交香港IPO申请"),
        ),
        (
            "data_centre_due",
            l.t("Shanghai AI data centre due", "上海AI数据中心计划建成"),
        ),
        (
            "ai_leader_goal",
            l.t(
                "Beijing's goal: lead the world in AI",
                "北京目标：AI领域领先全球",
            ),
        ),
    ];
    let (ink, city, rule, muted) = (c.theme.ink, c.theme.city, c.theme.rule, c.theme.muted);
    let top = 0.06;
    let step = 0.145;
    c.line(
        "spine",
        (0.2, top),
        (0.2, top + step * 6.0),
        rule,
        2.0,
        false,
    );
    for (i, (id, text)) in events.iter().enumerate() {
        let f = c.figure(id);
        c.point(&format::value(f.value, f.unit, l), text);
        let y = top + step * i as f64;
        let colour = if f.value > 2021.0 { muted } else { city };
        let key = format!("event-{i}");
        c.dot(&key, (0.2, y), 6.0, colour);
        c.shows(&key, id);
        // The bare year in both languages: it is read as a date on a timeline, and fits.
        c.at(
            &format!("event-{i}-year"),
            &format::trimmed(f.value, 0),
            (0.15, y),
            Anchor::End,
            Size::Body,
            ink,
        );
        c.bold();
        c.at(
            &format!("event-{i}-text"),
            text,
            (0.25, y),
            Anchor::Start,
            Size::Small,
            ink,
        );
    }
}
