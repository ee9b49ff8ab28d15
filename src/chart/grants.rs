//! The grants chart.

use super::builder::Chart;
use crate::draw::scale::Linear;
use crate::draw::scene::{Anchor, Size};
use crate::text::format;
use crate::text::money::Currency;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    let subtitle = match c.locale.currency {
        Currency::Usd => l.t(
            "Government grants, US dollars (converted)",
            "商汤获得的政府补助（美元，折算）",
        ),
        _ => l.t(
            "Government grants to SenseTime, renminbi",
            "商汤获得的政府补助（人民币）",
        ),
    };
    c.header(l.t("Help from the state", "来自政府的扶持"), subtitle);
    let y2019 = c.figure("grants_2019");
    let y2020 = c.figure("grants_2020");
    let growth = c.figure("grants_growth");
    // Drawn in renminbi, as sourced, whatever the labels say.
    let scale = Linear::new((0.0, 400e6), (0.7, 0.08));
    let (neutral, city, ink) = (c.theme.neutral, c.theme.city, c.theme.ink);
    let year = |y: &str| l.pick_with(|| y.to_string(), || format!("{y}年"));
    c.column(
        "grants-2019",
        &year("2019"),
        &y2019,
        (0.1, 0.3),
        &scale,
        neutral,
    );
    c.column(
        "grants-2020",
        &year("2020"),
        &y2020,
        (0.6, 0.3),
        &scale,
        city,
    );
    c.baseline(0.7);
    let pct = format::value(growth.value, growth.unit, l);
    let rise = format!("+{pct}");
    c.point(
        l.t("Rise from 2019 to 2020", "2019年至2020年增幅"),
        &format::figure(&growth, l),
    );
    c.at(
        "grants-rise",
        &rise,
        // Level with the 2020 bar's top, well above the 2019 label, so the two never collide.
        (0.5, scale.map(y2020.value)),
        Anchor::Middle,
        Size::Body,
        ink,
    );
    c.bold();
    let note = l.pick_with(
        || format!("2019 worked back from the {pct} rise"),
        || format!("2019年数据按{pct}的增幅倒推"),
    );
    c.note("grants-note", &note, 0.9);
}
