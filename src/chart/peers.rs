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
/// What the four share, in two lines.
const SHARED: Words = (
    "All four: Beijing's backing,\nlisting plans, US sanctions",
    "四家公司均获北京支持，\n均筹备上市，均遭美国制裁",
);
/// Why the sanctions: said whole, since the note is read on its own, under the chart and as the
/// last sentence of its text alternative.
const NOTE: Words = (
    "The US says they aided rights abuses\nin Xinjiang; all four deny it",
    "美国称其协助新疆侵犯人权，四家公司均否认",
);
/// Each company's row of the data table.
const IN_COMMON: Words = (
    "Beijing's backing; planning to list; under US sanctions",
    "获北京支持；筹备上市；遭美国制裁",
);

// Where things go, in plot fractions. At the top, SenseTime's 2020 sales and their Smart City
// part, where the Megvii chart (the next step) draws them: going on, they stay, and Megvii's
// bar arrives beside them.
/// The four names, two by two, under SenseTime's bar: the columns' left edges and the rows' lines.
const NAME_XS: [f64; 2] = [0.0, 0.5];
const NAME_YS: [f64; 2] = [0.45, 0.55];
/// The rule under the names, and what they share below it.
const RULE_Y: f64 = 0.62;
const SHARED_Y: f64 = 0.7;
const NOTE_AT: f64 = 0.9;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(l.say(TITLE), l.say(SUBTITLE));
    c.cited.push(Source::Ft);
    c.points.push(l.say(IN_SHORT).into());
    super::megvii::sensetime_share(c);
    let (ink, rule) = (c.theme.ink, c.theme.rule);
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
            Size::Body,
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
        "shared",
        l.say(SHARED),
        (0.0, SHARED_Y),
        Anchor::Start,
        Size::Body,
        ink,
    );
    c.note("peers-note", l.say(NOTE), NOTE_AT);
}
