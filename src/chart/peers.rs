//! The peers chart.

use super::builder::{Chart, DataRow};
use crate::data::figures::Source;
use crate::draw::scene::{Anchor, Size};

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(
        l.t("China's four AI hopefuls", "中国“AI四小龙”"),
        l.t("What the four companies have in common", "四家公司的共同点"),
    );
    c.cited.push(Source::Ft);
    c.points.push(
        l.t(
            "SenseTime, Megvii, Yitu and CloudWalk each have Beijing's backing, each plans to list, each is under US sanctions",
            "商汤、旷视、依图和云从均获北京支持，均在筹备上市，也均遭美国制裁",
        )
        .into(),
    );
    let columns = [
        l.t("Beijing's\nbacking", "北京\n支持"),
        l.t("Planning\nto list", "筹备\n上市"),
        l.t("US\nsanctions", "美国\n制裁"),
    ];
    let companies = [
        l.t("SenseTime", "商汤"),
        l.t("Megvii", "旷视"),
        l.t("Yitu", "依图"),
        l.t("CloudWalk", "云从"),
    ];
    for company in companies {
        c.facts.push(DataRow {
            id: "",
            label: company,
            value: l
                .t(
                    "Beijing's backing; planning to list; under US sanctions",
                    "获北京支持；筹备上市；遭美国制裁",
                )
                .into(),
            converted: None,
            year: None,
            source: Source::Ft.credit(l),
        });
    }
    let (ink, muted, city, neutral) = (c.theme.ink, c.theme.muted, c.theme.city, c.theme.neutral);
    let xs = [0.5, 0.7, 0.9];
    for (i, header) in columns.iter().enumerate() {
        c.at(
            &format!("col-{i}"),
            header,
            (xs[i], 0.04),
            Anchor::Middle,
            Size::Small,
            muted,
        );
    }
    for (r, name) in companies.iter().enumerate() {
        let y = 0.26 + r as f64 * 0.17;
        c.at(
            &format!("peer-{r}"),
            name,
            (0.0, y),
            Anchor::Start,
            Size::Body,
            ink,
        );
        c.bold();
        for (i, x) in xs.iter().enumerate() {
            let colour = if i == 2 { city } else { neutral };
            c.dot(&format!("peer-{r}-{i}"), (*x, y), 7.0, colour);
        }
        let rule = c.theme.rule;
        c.line(
            &format!("peer-rule-{r}"),
            (0.0, y + 0.085),
            (1.0, y + 0.085),
            rule,
            1.0,
            false,
        );
    }
    c.note(
        "peers-note",
        l.t(
            "The companies deny aiding abuses in Xinjiang.",
            "四家公司均否认曾协助新疆的人权侵害。",
        ),
        0.97,
    );
}
