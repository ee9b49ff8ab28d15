//! The revenue trend chart: SenseTime's sales in full years (2018-2020) and in first halves.

use super::builder::Chart;
use crate::draw::scale::Linear;
use crate::draw::theme::Rgba;
use crate::lang::{Lang, Words};
use crate::text::format;
use crate::text::money::Currency;

// The chart's words, English beside Chinese.
const TITLE: Words = ("SenseTime's sales kept growing", "商汤营收持续增长");
const SUBTITLE: Words = ("Revenue, renminbi", "营收（人民币）");
const SUBTITLE_IN_USD: Words = (
    "Revenue, US dollars, every year at one rate",
    "营收（美元，各年按同一汇率折算）",
);
const NOTE: Words = (
    "Full years left, first halves right",
    "左为全年，右为上半年",
);
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
/// The largest amount the axis holds: a little over 2020's Rmb3.45bn, the tallest column.
const MAX_RMB: f64 = 3.6e9;
/// The baseline, and how high the tallest column may reach (room above for its value).
const BASELINE: f64 = 0.82;
const TOP: f64 = 0.1;
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
    // Drawn in renminbi, as sourced, whatever the labels say.
    let scale = Linear::new((0.0, MAX_RMB), (BASELINE, TOP));
    // Full years, then first halves: each group its own key prefix, label, place and colour.
    let groups: [(&str, &[_], [ColumnLabel; 2], f64, Rgba); 2] = [
        ("rev-", &years, [year, year_short], YEARS_FROM, c.theme.ink),
        (
            "rev-h",
            &halves,
            [first_half, first_half_short],
            HALVES_FROM,
            c.theme.neutral,
        ),
    ];
    for (prefix, figures, [label, short], from, colour) in groups {
        for (i, f) in figures.iter().enumerate() {
            // As u32: one integer formatter in the Wasm rather than a second for u16.
            let y = u32::from(f.year.expect("revenue figures have a year"));
            let key = format!("{prefix}{i}");
            c.column(
                &key,
                &label(l, y),
                f,
                (from + i as f64 * COLUMN_STEP, COLUMN_WIDTH),
                &scale,
                colour,
            );
            // Neighbours a step apart: on a narrow phone, the short forms.
            let value = c.labelled_short(f);
            c.room(&format!("{key}-value"), COLUMN_STEP, &value);
            c.room(&format!("{key}-cat"), COLUMN_STEP, &short(l, y));
        }
    }
    c.baseline(BASELINE);
    let note = match c.locale.currency {
        Currency::Usd => {
            let usd = c.figure("revenue_2020_usd");
            note_in_usd(l, &format::figure(&usd, l))
        }
        _ => l.say(NOTE).to_string(),
    };
    c.note("trend-note", &note, BASELINE);
    c.nudge(NOTE_BELOW_BASELINE);
}
