//! The helmets chart: moped riders wearing helmets before and after the cameras watched them.

use super::builder::Chart;
use crate::data::figures::Unit;
use crate::draw::scale::Linear;
use crate::lang::{Lang, Words};
use crate::text::format;
use crate::text::money::Shown;

// The chart's words, English beside Chinese.
const TITLE: Words = ("Watched, riders wore helmets", "在监控下，骑行者戴上了头盔");
const BEFORE: Words = ("Before", "此前");
const AFTER: Words = ("After", "此后");
/// A fall of 50%, in words.
const HALF: Words = ("half", "一半");

/// The subtitle: the city's size.
fn subtitle(l: Lang, people: &str) -> String {
    l.pick_with(
        || format!("Riders wearing helmets in a city of {people}"),
        || format!("一座{people}人口城市中佩戴头盔的骑行者"),
    )
}

/// The note under the columns: violations the system recorded and police tracked down, and
/// how fast they fell.
fn note(l: Lang, incidents: &str, fell: &str) -> String {
    l.pick_with(
        || format!("The system recorded moped violations; police\ntracked down {incidents}. Monthly violations fell\nby {fell} within a couple of months."),
        || format!("系统记录电动自行车违法行为，警方追查了{incidents}起；\n两三个月内，月度违法量减少了{fell}。"),
    )
}

// Where things go, in plot fractions.
/// The baseline, and how high 100% reaches (room above for the value).
const BASELINE: f64 = 0.64;
const TOP: f64 = 0.1;
/// Two wide columns, each (left edge, width).
const BEFORE_COLUMN: (f64, f64) = (0.1, 0.3);
const AFTER_COLUMN: (f64, f64) = (0.6, 0.3);
/// The note, in lines of its own size under the baseline, below the categories.
const NOTE_BELOW: f64 = 3.0;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    let population = c.figure("southern_city_population");
    let people = format::value(population.value, population.unit, l);
    c.header(l.say(TITLE), &subtitle(l, &people));
    let before = c.figure("helmet_before");
    let after = c.figure("helmet_after");
    let incidents = c.figure("moped_incidents");
    let drop = c.figure("moped_violation_drop");
    let scale = Linear::new((0.0, 100.0), (BASELINE, TOP));
    // Before is context; after is the figure in focus.
    let (muted_bar, focus) = (c.theme.neutral, c.theme.ink);
    c.column(
        "helmet-before",
        l.say(BEFORE),
        &before,
        BEFORE_COLUMN,
        &scale,
        muted_bar,
    );
    c.column(
        "helmet-after",
        l.say(AFTER),
        &after,
        AFTER_COLUMN,
        &scale,
        focus,
    );
    c.emphasise("helmet-after-value");
    c.baseline(BASELINE);
    // A fall of 50% reads as half.
    let fell = if drop.value == 50.0 && matches!(drop.unit, Unit::Percent | Unit::PercentChange) {
        format::hedged(l.say(HALF).to_string(), &Shown::of(&drop), l)
    } else {
        format::figure(&drop, l)
    };
    let incidents = format::figure(&incidents, l);
    c.note("moped-note", &note(l, &incidents, &fell), BASELINE);
    c.nudge(NOTE_BELOW);
}
