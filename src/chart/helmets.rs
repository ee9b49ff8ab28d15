//! The helmets chart.

use super::builder::Chart;
use crate::data::figures::Unit;
use crate::draw::scale::Linear;
use crate::text::format;
use crate::text::money::Shown;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    let population = c.figure("southern_city_population");
    let people = format::value(population.value, population.unit, l);
    let subtitle = l.pick_with(
        || format!("Riders wearing helmets in a city of {people}"),
        || format!("一座{people}人口城市中佩戴头盔的骑行者"),
    );
    c.header(l.t("Mopeds under watch", "电动自行车受到监控"), &subtitle);
    let before = c.figure("helmet_before");
    let after = c.figure("helmet_after");
    let incidents = c.figure("moped_incidents");
    let drop = c.figure("moped_violation_drop");
    let scale = Linear::new((0.0, 100.0), (0.66, 0.1));
    let (muted_bar, city) = (c.theme.neutral, c.theme.city);
    c.column(
        "helmet-before",
        l.t("Before", "此前"),
        &before,
        (0.1, 0.3),
        &scale,
        muted_bar,
    );
    c.column(
        "helmet-after",
        l.t("After", "此后"),
        &after,
        (0.6, 0.3),
        &scale,
        city,
    );
    c.baseline(0.66);
    // A fall of 50% reads as half.
    let fell = if drop.value == 50.0 && matches!(drop.unit, Unit::Percent | Unit::PercentChange) {
        format::hedged(l.t("half", "一半").to_string(), &Shown::of(&drop), l)
    } else {
        format::figure(&drop, l)
    };
    let incidents = format::figure(&incidents, l);
    let note = l.pick_with(|| format!("Police logged {incidents} moped violations;\nmonthly violations fell by {fell}\nwithin a couple of months."), || format!("警方记录了{incidents}起电动自行车违法行为；\n短短几个月内，\n月度违法量减少了{fell}。"));
    c.note("moped-note", &note, 0.84);
}
