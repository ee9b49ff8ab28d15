//! The mentions chart: how often the IPO documents say "autonomous driving" and "facial data".

use super::builder::{band, Chart};
use crate::draw::scene::Rect;
use crate::lang::{Lang, Words};
use crate::text::format;

// The chart's words, English beside Chinese.
const TITLE: Words = ("The pitch has changed", "卖点变了");
const SUBTITLE: Words = (
    "Mentions in the IPO documents, a square each",
    "IPO文件中的提及次数（每格一次）",
);
const DRIVING: Words = ("\u{201c}autonomous driving\u{201d}", "“自动驾驶”");
const FACIAL: Words = ("\u{201c}facial data\u{201d}", "“人脸数据”");

/// The note under the rows: what Smart Auto actually sells, and how one analyst sees the field.
fn note(l: Lang, share: &str) -> String {
    l.pick_with(
        || format!("Yet Smart Auto brings in {share} of sales.\nA crowded field, says analyst Tu Le, where\nBaidu, Pony.ai and WeRide are already in."),
        || format!("但智能汽车业务贡献的销售额{share}。\n分析师Tu Le认为该市场已很拥挤，\n百度、小马智行和文远知行已先行入场。"),
    )
}

/// A field's heading: the phrase and how often it appears.
fn heading(l: Lang, phrase: &str, times: &str) -> String {
    l.pick_with(
        || format!("{phrase}: {times} mentions"),
        || format!("{phrase}：{times}次"),
    )
}

// Where things go, in plot fractions.
/// Each phrase's field: a square a mention, the same size in both, so 68 against 6 shows as
/// area.
const DRIVING_AREA: Rect = band(0.08, 0.44);
const FACIAL_AREA: Rect = band(0.58, 0.68);
const NOTE_AT: f64 = 0.8;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(l.say(TITLE), l.say(SUBTITLE));
    let driving = c.figure("autonomous_driving_mentions");
    let facial = c.figure("facial_data_mentions");
    let auto = c.figure("auto_share");
    let (auto_colour, city) = (c.theme.auto, c.theme.city);
    for (key, phrase, f, area, colour) in [
        (
            "mention-driving",
            DRIVING,
            &driving,
            DRIVING_AREA,
            auto_colour,
        ),
        ("mention-facial", FACIAL, &facial, FACIAL_AREA, city),
    ] {
        let text = heading(l, l.say(phrase), &format::figure(f, l));
        c.points.push(text.clone());
        c.field(key, &text, f, area, colour);
    }
    let share = format::figure(&auto, l);
    c.note("mention-note", &note(l, &share), NOTE_AT);
}
