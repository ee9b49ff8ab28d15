//! The revenue trend chart: SenseTime's sales in full years (2018-2020) and in first halves.

use super::builder::{Chart, RULE_WIDTH};
use super::whole::SALES_2020;
use crate::data::figures::Figure;
use crate::draw::scale::Linear;
use crate::draw::scene::{Anchor, Size};
use crate::draw::theme::Rgba;
use crate::lang::{Lang, Words};
use crate::text::format;
use crate::text::money::Currency;

// The chart's words, English beside Chinese.
const TITLE: Words = ("SenseTime's sales kept growing", "商汤营收持续增长");
const SUBTITLE: Words = (
    "Revenue, renminbi; each panel its own scale",
    "营收（人民币），两组各用其刻度",
);
const SUBTITLE_IN_USD: Words = (
    "Revenue, US dollars at one rate; own scales",
    "营收（美元，同一汇率折算），两组各用其刻度",
);
/// The panels' headings.
const FULL_YEARS: Words = ("Full years", "全年");

/// The first halves' heading, with how much the second grew on the first.
fn halves_heading(l: Lang, growth: &str) -> String {
    l.pick_with(
        || format!("First halves: {growth}"),
        || format!("上半年：{growth}"),
    )
}

/// How much an amount grew, as a ratio in words, no more precise than the article's way of
/// putting such things: "nearly doubled" for 1.75 to 2 times.
fn growth_words(l: Lang, ratio: f64) -> String {
    if (1.75..2.0).contains(&ratio) {
        l.say(("nearly doubled", "近乎翻倍")).to_string()
    } else if ratio >= 2.0 {
        l.say(("more than doubled", "增长逾一倍")).to_string()
    } else {
        let pct = format::trimmed(((ratio - 1.0) * 100.0).round(), 0);
        l.pick_with(|| format!("up {pct}%"), || format!("增长{pct}%"))
    }
}
/// In dollars: which 2020 total is converted, beside the article's own dollar figure (`usd`).
fn note_in_usd(l: Lang, usd: &str) -> String {
    l.pick_with(
        || format!("2020: the filing's total, not the FT's {usd}"),
        || format!("2020年为招股书总额，非《金融时报》的{usd}"),
    )
}

/// A full year under its column: "2019", "2019年".
fn year(l: Lang, year: u32) -> String {
    l.pick_with(|| year.to_string(), || format!("{year}年"))
}

/// How a group names its columns: [`year`] or [`first_half`].
type ColumnLabel = fn(Lang, u32) -> String;

/// A group of columns: its keys' prefix, figures, labels (full and short), place, scale, colour.
type Group<'a> = (
    &'a str,
    &'a [Figure],
    [ColumnLabel; 2],
    f64,
    &'a Linear,
    Rgba,
);

/// A full year, short: "2019" in both languages.
fn year_short(_: Lang, year: u32) -> String {
    year.to_string()
}

/// A first half, short: "H1 '20", "20H1".
fn first_half_short(l: Lang, year: u32) -> String {
    let yy = year % 100;
    l.pick_with(|| format!("H1 '{yy:02}"), || format!("{yy:02}H1"))
}

/// A first half under its column: "H1 2020"; "2020H1" is how Chinese financial charts label
/// one, and it fits the column.
fn first_half(l: Lang, year: u32) -> String {
    l.pick_with(|| format!("H1 {year}"), || format!("{year}H1"))
}

// Where things go, in plot fractions.
/// The largest amount each panel's axis holds: a little over 2020's Rmb3.45bn, the tallest
/// full year, and over the first half of 2021's Rmb1.65bn. The halves have a scale of their
/// own, so that a half-year never reads as a fall from a full one.
const MAX_RMB: f64 = 3.6e9;
const MAX_HALF_RMB: f64 = 1.8e9;
/// The baseline, how high the tallest column may reach (room above for its value and the
/// panel's heading), and where the headings sit.
const BASELINE: f64 = 0.82;
const TOP: f64 = 0.22;
const HEADING_Y: f64 = 0.0;
/// The rule between the panels, and the width of the dashed line carrying one half's level
/// across to the next, in CSS pixels.
const DIVIDER_X: f64 = 0.6;
const CONNECTOR_WIDTH: f64 = 1.5;
/// Column width, and the step from one column to the next in a group.
const COLUMN_WIDTH: f64 = 0.14;
const COLUMN_STEP: f64 = 0.19;
/// Where the full years' group and the first halves' group start.
const YEARS_FROM: f64 = 0.02;
const HALVES_FROM: f64 = 0.64;
/// The note sits under the categories, in lines of its own size below the baseline.
const NOTE_BELOW_BASELINE: f64 = 3.3;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header_for_money(TITLE, SUBTITLE, SUBTITLE_IN_USD);
    let years = [
        c.figure("revenue_2018"),
        c.figure("revenue_2019"),
        c.figure("revenue_2020_filing"),
    ];
    let halves = [c.figure("revenue_h1_2020"), c.figure("revenue_h1_2021")];
    // One unit for every amount compared here: the largest's ("Rmb0.86bn" beside "Rmb3.45bn").
    c.amounts_like = Some(years[2]);
    // Drawn in renminbi, as sourced, whatever the labels say; each panel on its own scale.
    let scale = Linear::new((0.0, MAX_RMB), (BASELINE, TOP));
    let half_scale = Linear::new((0.0, MAX_HALF_RMB), (BASELINE, TOP));
    // Full years, then first halves: each group its own key prefix, label, place, scale and
    // colour.
    let groups: [Group; 2] = [
        (
            "rev-",
            &years,
            [year, year_short],
            YEARS_FROM,
            &scale,
            c.theme.ink,
        ),
        (
            "rev-h",
            &halves,
            [first_half, first_half_short],
            HALVES_FROM,
            &half_scale,
            c.theme.neutral,
        ),
    ];
    for (prefix, figures, [label, short], from, scale, colour) in groups {
        for (i, f) in figures.iter().enumerate() {
            // As u32: one integer formatter in the Wasm rather than a second for u16.
            let y = u32::from(f.year.expect("revenue figures have a year"));
            // 2020's column is the mark that stands for 2020 sales in the charts before and
            // after this one.
            let key = match f.id {
                "revenue_2020_filing" => SALES_2020.to_string(),
                _ => format!("{prefix}{i}"),
            };
            c.column(
                &key,
                &label(l, y),
                f,
                (from + i as f64 * COLUMN_STEP, COLUMN_WIDTH),
                scale,
                colour,
            );
            // Neighbours a step apart: on a narrow phone, the short forms.
            let value = c.labelled_short(f);
            c.room(&format!("{key}-value"), COLUMN_STEP, &value);
            c.room(&format!("{key}-cat"), COLUMN_STEP, &short(l, y));
        }
    }
    c.baseline(BASELINE);
    let (ink, muted, rule) = (c.theme.ink, c.theme.muted, c.theme.rule);
    c.line(
        "panel-rule",
        (DIVIDER_X, HEADING_Y),
        (DIVIDER_X, BASELINE),
        rule,
        RULE_WIDTH,
        false,
    );
    // The panels' headings; the halves' says how much the second grew, joined by a connector.
    let growth = growth_words(l, halves[1].value / halves[0].value);
    let heading = halves_heading(l, &growth);
    c.points.push(heading.clone());
    c.at(
        "years-head",
        l.say(FULL_YEARS),
        (YEARS_FROM, HEADING_Y),
        Anchor::Start,
        Size::Small,
        muted,
    );
    c.at(
        "halves-head",
        &heading,
        (HALVES_FROM, HEADING_Y),
        Anchor::Start,
        Size::Small,
        ink,
    );
    c.bold();
    // On a narrow phone the growth alone, capitalised: the columns say they are halves.
    c.room(
        "halves-head",
        1.0 - HALVES_FROM,
        &format::capitalised(&growth),
    );
    // The first half of 2020's level, carried across the first half of 2021's column: how far
    // the second rises above the first, under the labels, never through them.
    let level = half_scale.map(halves[0].value);
    c.line(
        "halves-connector",
        (HALVES_FROM + COLUMN_WIDTH, level),
        (HALVES_FROM + COLUMN_STEP + COLUMN_WIDTH, level),
        ink,
        CONNECTOR_WIDTH,
        true,
    );
    c.over_marks();
    if c.locale.currency == Currency::Usd {
        let usd = c.figure("revenue_2020_usd");
        c.note(
            "trend-note",
            &note_in_usd(l, &format::figure(&usd, l)),
            BASELINE,
        );
        c.nudge(NOTE_BELOW_BASELINE);
    }
}
