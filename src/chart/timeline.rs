//! The timeline chart: the story's key dates, from the smart-city push to Beijing's AI goal.

use super::builder::Chart;
use crate::draw::scene::{Anchor, Size};
use crate::lang::Words;
use crate::text::format;

// The chart's words, English beside Chinese.
const TITLE: Words = ("Sanctions, then a listing", "先遭制裁，后谋上市");
const SUBTITLE: Words = (
    "Key dates; long gaps cut short",
    "关键时间节点（长间隔已压缩）",
);
/// Each event: the figure that dates it, and what happened.
const EVENTS: [(&str, Words); 7] = [
    (
        "smart_city_push_start",
        (
            "Chinese cities start smart-city push",
            "中国城市启动智慧城市建设",
        ),
    ),
    (
        "sensetime_blacklisted",
        ("US blacklists SenseTime", "美国将商汤列入黑名单"),
    ),
    (
        "abu_dhabi_hub",
        ("Abu Dhabi research hub opens", "阿布扎比研究中心成立"),
    ),
    (
        "megvii_blacklisted",
        ("Feb: Megvii drops HK listing", "2月：旷视放弃香港上市"),
    ),
    (
        "prospectus_filed",
        ("SenseTime files for Hong Kong IPO", "商汤递交香港IPO申请"),
    ),
    (
        "data_centre_due",
        ("Shanghai AI data centre due", "上海AI数据中心计划建成"),
    ),
    (
        "ai_leader_goal",
        (
            "Xi's goal: China as an AI leader",
            "习近平目标：中国成为AI领军者",
        ),
    ),
];

// Where things go, in plot fractions.
/// A time scale with its long gaps cut short: the first year's line; the step a year takes
/// where years follow closely; how close that is; and the length a longer gap is cut to, its
/// spine dashed (the subtitle says so; the years either side say how long it is).
const TOP: f64 = 0.04;
const YEAR_STEP: f64 = 0.19;
const CLOSE_YEARS: f64 = 3.0;
const BREAK: f64 = 0.15;
/// The spine, with the years right-aligned left of it and the events' words right of it.
const SPINE_X: f64 = 0.2;
const YEAR_X: f64 = 0.15;
const TEXT_X: f64 = 0.25;
/// The spine's width and the dots' radius, in CSS pixels.
const SPINE_WIDTH: f64 = 2.0;
const DOT_RADIUS: f64 = 6.0;
/// A second event in the same year: its words a line and a half of their size below the first's.
const SAME_YEAR_BELOW: f64 = 1.4;
/// The article's year: events after it are plans, drawn muted.
const ARTICLE_YEAR: f64 = 2021.0;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(l.say(TITLE), l.say(SUBTITLE));
    let (ink, rule, muted) = (c.theme.ink, c.theme.rule, c.theme.muted);
    // Where each event's year sits, down the time scale, and the gaps cut short on the way.
    let mut previous: Option<(f64, f64)> = None;
    let mut same_year = 0.0;
    for (i, (id, words)) in EVENTS.iter().enumerate() {
        let text = l.say(*words);
        let f = c.figure(id);
        c.point(&format::value(f.value, f.unit, l), text);
        let y = match previous {
            None => TOP,
            Some((year, y)) if f.value == year => y,
            Some((year, at)) => {
                let span = f.value - year;
                let close = span <= CLOSE_YEARS;
                let y = at + if close { YEAR_STEP * span } else { BREAK };
                c.line(
                    &format!("spine-{i}"),
                    (SPINE_X, at),
                    (SPINE_X, y),
                    rule,
                    SPINE_WIDTH,
                    !close,
                );
                y
            }
        };
        same_year = match previous {
            Some((year, _)) if f.value == year => same_year + SAME_YEAR_BELOW,
            _ => 0.0,
        };
        previous = Some((f.value, y));
        // What had happened by the article in ink; plans after it muted.
        let colour = if f.value > ARTICLE_YEAR { muted } else { ink };
        let key = format!("event-{i}");
        c.dot(&key, (SPINE_X, y), DOT_RADIUS, colour);
        c.shows(&key, id);
        if same_year == 0.0 {
            // The bare year in both languages: it is read as a date on a timeline, and fits.
            c.at(
                &format!("event-{i}-year"),
                &format::trimmed(f.value, 0),
                (YEAR_X, y),
                Anchor::End,
                Size::Body,
                ink,
            );
            c.bold();
        }
        c.at(
            &format!("event-{i}-text"),
            text,
            (TEXT_X, y),
            Anchor::Start,
            Size::Small,
            ink,
        );
        c.nudge(same_year);
    }
}
