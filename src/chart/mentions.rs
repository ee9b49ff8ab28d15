//! The mentions chart.

use super::builder::Chart;
use crate::draw::scale::Linear;
use crate::text::format;

pub(super) fn build(c: &mut Chart) {
    let l = c.lang();
    c.header(
        l.t("The pitch has changed", "卖点变了"),
        l.t("Mentions in the IPO documents", "IPO文件中的提及次数"),
    );
    let driving = c.figure("autonomous_driving_mentions");
    let facial = c.figure("facial_data_mentions");
    let auto = c.figure("auto_share");
    let scale = Linear::new((0.0, 75.0), (0.0, 0.75));
    let (auto_colour, city) = (c.theme.auto, c.theme.city);
    c.row(
        "mention-driving",
        l.t("\u{201c}autonomous driving\u{201d}", "“自动驾驶”"),
        &driving,
        0.14,
        &scale,
        auto_colour,
    );
    c.row(
        "mention-facial",
        l.t("\u{201c}facial data\u{201d}", "“人脸数据”"),
        &facial,
        0.46,
        &scale,
        city,
    );
    let share = format::figure(&auto, l);
    let note = l.pick_with(|| format!("Yet Smart Auto brings in {share} of sales,\nin a field led by Baidu, Pony.ai and WeRide."), || format!("但智能汽车业务贡献的销售额{share}，\n而该领域由百度、小马智行和文远知行领跑。"));
    c.note("mention-note", &note, 0.8);
}
