//! The peers chart: China's four AI hopefuls, and the backing, listing plans and sanctions they share.

use super::builder::{Chart, DataRow, RULE_WIDTH};
use crate::data::figures::Source;
use crate::draw::scene::{Anchor, Size};
use crate::lang::Words;

// The chart's words, English beside Chinese.
const TITLE: Words = ("China's four AI hopefuls", "中国“AI四小龙”");
const SUBTITLE: Words = ("What the four companies have in common", "四家公司的共同点");
const IN_SHORT: Words = (
    "SenseTime, Megvii, Yitu and CloudWalk each have Beijing's backing, each plans to list, each is under US sanctions",
    "商汤、旷视、依图和云从均获北京支持，均在筹备上市，也均遭美国制裁",
);
const COLUMNS: [Words; 3] = [
    ("Beijing's\nbacking", "北京\n支持"),
    ("Planning\nto list", "筹备\n上市"),
    ("US\nsanctions", "美国\n制裁"),
];
const COMPANIES: [Words; 4] = [
    ("SenseTime", "商汤"),
    ("Megvii", "旷视"),
    ("Yitu", "依图"),
    ("CloudWalk", "云从"),
];
/// Each company's row of the data table.
const IN_COMMON: Words = (
    "Beijing's backing; planning to list; under US sanctions",
    "获北京支持；筹备上市；遭美国制裁",
);
const NOTE: Words = (
    "All four deny the US charge\nof aiding Xinjiang abuses.",
    "美国指四家公司协助在新疆\n侵犯人权，四家均否认。",
);

// Where things go, in plot fractions.
/// The three columns' centres, right of the company names.
const COLUMN_XS: [f64; 3] = [0.5, 0.7, 0.9];
/// The column headers' line, above the first company.
const HEADER_Y: f64 = 0.04;
/// The first company's line, and the step between companies: four rows above the note.
const FIRST_ROW: f64 = 0.26;
const ROW_STEP: f64 = 0.17;
/// A row's rule sits half a step below its name.
const RULE_BELOW: f64 = 0.085;
/// A dot's radius, in CSS pixels.
const DOT_RADIUS: f64 = 7.0;
/// The sanctions column, drawn in the smart-city colour.
const SANCTIONS: usize = 2;
const NOTE_AT: f64 = 0.97;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(l.say(TITLE), l.say(SUBTITLE));
    c.cited.push(Source::Ft);
    c.points.push(l.say(IN_SHORT).into());
    // Written out rather than `COLUMNS.map(…)`: array::map costs the Wasm more code here.
    let columns = [l.say(COLUMNS[0]), l.say(COLUMNS[1]), l.say(COLUMNS[2])];
    let companies = [
        l.say(COMPANIES[0]),
        l.say(COMPANIES[1]),
        l.say(COMPANIES[2]),
        l.say(COMPANIES[3]),
    ];
    for company in companies {
        c.facts.push(DataRow {
            id: "",
            label: company,
            value: l.say(IN_COMMON).into(),
            converted: None,
            year: None,
            source: Source::Ft.credit(l),
        });
    }
    let (ink, muted, neutral) = (c.theme.ink, c.theme.muted, c.theme.neutral);
    for (i, header) in columns.iter().enumerate() {
        c.at(
            &format!("col-{i}"),
            header,
            (COLUMN_XS[i], HEADER_Y),
            Anchor::Middle,
            Size::Small,
            muted,
        );
        // Three headers side by side: each within its column.
        c.room(&format!("col-{i}"), COLUMN_XS[1] - COLUMN_XS[0], "");
    }
    for (r, name) in companies.iter().enumerate() {
        let y = FIRST_ROW + r as f64 * ROW_STEP;
        c.at(
            &format!("peer-{r}"),
            name,
            (0.0, y),
            Anchor::Start,
            Size::Body,
            ink,
        );
        c.bold();
        for (i, x) in COLUMN_XS.iter().enumerate() {
            // Red is the Chinese state's colour: the US sanctions are the column in focus, in ink.
            let colour = if i == SANCTIONS { ink } else { neutral };
            c.dot(&format!("peer-{r}-{i}"), (*x, y), DOT_RADIUS, colour);
        }
        let rule = c.theme.rule;
        c.line(
            &format!("peer-rule-{r}"),
            (0.0, y + RULE_BELOW),
            (1.0, y + RULE_BELOW),
            rule,
            RULE_WIDTH,
            false,
        );
    }
    c.note("peers-note", l.say(NOTE), NOTE_AT);
}
