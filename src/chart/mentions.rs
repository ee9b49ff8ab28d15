//! The mentions chart: how often the IPO documents say "autonomous driving" and "facial data".

use super::builder::Chart;
use crate::draw::scale::Linear;
use crate::lang::{Lang, Words};
use crate::text::format;

// The chart's words, English beside Chinese.
const TITLE: Words = ("The pitch has changed", "卖点变了");
const SUBTITLE: Words = ("Mentions in the IPO documents", "IPO文件中的提及次数");
const DRIVING: Words = ("\u{201c}autonomous driving\u{201d}", "“自动驾驶”");
const FACIAL: Words = ("\u{201c}facial data\u{201d}", "“人脸数据”");

/// The note under the rows: what Smart Auto actually sells, and how one analyst sees the field.
fn note(l: Lang, share: &str) -> String {
    l.pick_with(
        || format!("Yet Smart Auto brings in {share} of sales.\nA crowded field, says analyst Tu Le, where\nBaidu, Pony.ai and WeRide are already in."),
        || format!("但智能汽车业务贡献的销售额{share}。\n分析师Tu Le认为该市场已很拥挤，\n百度、小马智行和文远知行已先行入场。"),
    )
}

// Where things go, in plot fractions.
/// The largest count the axis holds, a little over the 68 mentions of autonomous driving, and
/// how far across it reaches, leaving room for the value after it.
const MAX_MENTIONS: f64 = 75.0;
const BAR_REACH: f64 = 0.75;
const DRIVING_ROW: f64 = 0.14;
const FACIAL_ROW: f64 = 0.46;
const NOTE_AT: f64 = 0.8;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(l.say(TITLE), l.say(SUBTITLE));
    let driving = c.figure("autonomous_driving_mentions");
    let facial = c.figure("facial_data_mentions");
    let auto = c.figure("auto_share");
    let scale = Linear::new((0.0, MAX_MENTIONS), (0.0, BAR_REACH));
    let (auto_colour, city) = (c.theme.auto, c.theme.city);
    c.row(
        "mention-driving",
        l.say(DRIVING),
        &driving,
        DRIVING_ROW,
        &scale,
        auto_colour,
    );
    c.row(
        "mention-facial",
        l.say(FACIAL),
        &facial,
        FACIAL_ROW,
        &scale,
        city,
    );
    let share = format::figure(&auto, l);
    c.note("mention-note", &note(l, &share), NOTE_AT);
}
