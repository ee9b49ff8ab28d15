//! The peers chart: China's four AI hopefuls, and what the FT says they share.
//!
//! It was a grid of twelve identical dots, four companies by three traits, every cell the same:
//! a picture that said nothing a sentence does not say better. The article gives figures for
//! only two of the four (SenseTime's, and Megvii's in the next step), so there is no honest
//! chart of how they differ; the panel says in words what they have in common, under their
//! four names.

use super::builder::{Chart, DataRow, RULE_WIDTH};
use crate::data::figures::Source;
use crate::draw::scene::{Anchor, Size};
use crate::lang::Words;

// The chart's words, English beside Chinese.
const TITLE: Words = ("Four hopefuls, much alike", "四家新秀，处境相似");
const SUBTITLE: Words = (
    "China's most hyped AI firms, says the FT",
    "《金融时报》眼中最受追捧的中国AI公司",
);
const IN_SHORT: Words = (
    "SenseTime, Megvii, Yitu and CloudWalk each grew with Beijing's backing, each plans to list, each is under US sanctions",
    "商汤、旷视、依图和云从均借北京支持成长，均在筹备上市，也均遭美国制裁",
);
const COMPANIES: [Words; 4] = [
    ("SenseTime", "商汤"),
    ("Megvii", "旷视"),
    ("Yitu", "依图"),
    ("CloudWalk", "云从"),
];
const ALL_FOUR: Words = ("All four", "四家公司均");
/// What the four share, one line each.
const SHARED: [Words; 3] = [
    ("grew with Beijing's backing", "借北京支持快速成长"),
    ("plan stock market listings", "筹备上市"),
    ("are under US sanctions", "遭美国制裁"),
];
const NOTE: Words = (
    "over Xinjiang, a charge all four deny",
    "涉新疆指控，四家公司均否认",
);
/// Each company's row of the data table.
const IN_COMMON: Words = (
    "Beijing's backing; planning to list; under US sanctions",
    "获北京支持；筹备上市；遭美国制裁",
);

// Where things go, in plot fractions.
/// The four names, two by two: the columns' left edges and the rows' lines.
const NAME_XS: [f64; 2] = [0.0, 0.5];
const NAME_YS: [f64; 2] = [0.06, 0.24];
/// The rule under the names, and what they share below it: its heading, then a line apiece.
const RULE_Y: f64 = 0.36;
const ALL_FOUR_Y: f64 = 0.45;
const FIRST_SHARED: f64 = 0.58;
const SHARED_STEP: f64 = 0.13;
/// How far right of the heading's edge the shared lines stand, as a list does.
const INDENT: f64 = 0.04;
const NOTE_AT: f64 = 0.97;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(l.say(TITLE), l.say(SUBTITLE));
    c.cited.push(Source::Ft);
    c.points.push(l.say(IN_SHORT).into());
    let (ink, muted, rule) = (c.theme.ink, c.theme.muted, c.theme.rule);
    for (i, company) in COMPANIES.iter().enumerate() {
        let name = l.say(*company);
        c.facts.push(DataRow {
            id: "",
            label: name,
            value: l.say(IN_COMMON).into(),
            converted: None,
            year: None,
            source: Source::Ft.credit(l),
        });
        let key = format!("peer-{i}");
        c.at(
            &key,
            name,
            (NAME_XS[i % 2], NAME_YS[i / 2]),
            Anchor::Start,
            Size::Large,
            ink,
        );
        c.bold();
        // Two names side by side: each within its half.
        c.room(&key, NAME_XS[1] - NAME_XS[0], "");
    }
    c.line(
        "peers-rule",
        (0.0, RULE_Y),
        (1.0, RULE_Y),
        rule,
        RULE_WIDTH,
        false,
    );
    c.at(
        "all-four",
        l.say(ALL_FOUR),
        (0.0, ALL_FOUR_Y),
        Anchor::Start,
        Size::Small,
        muted,
    );
    for (i, shared) in SHARED.iter().enumerate() {
        c.at(
            &format!("shared-{i}"),
            l.say(*shared),
            (INDENT, FIRST_SHARED + i as f64 * SHARED_STEP),
            Anchor::Start,
            Size::Large,
            ink,
        );
    }
    c.note("peers-note", l.say(NOTE), NOTE_AT);
}
