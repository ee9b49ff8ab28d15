//! The note on a chart whose money is converted: the rate, and the two sourced amounts it comes from.

use crate::data::figures;
use crate::text::format;
use crate::text::locale::Locale;
use crate::text::money::Currency;

/// The conversion note: a short line drawn under the chart, and the full sentence for its text
/// alternative. The rate and the two amounts it comes from are the figures', never typed in.
pub(super) fn conversion_note(locale: Locale) -> (String, String) {
    let lang = locale.lang;
    let rate = figures::get("rmb_per_usd").expect("the rate is derived");
    let (rmb, usd) = (
        figures::article("revenue_2020"),
        figures::article("revenue_2020_usd"),
    );
    let rate_text = format::trimmed(rate.value, 2);
    let rmb = format::value(rmb.value, rmb.unit, lang);
    let usd = format::value(usd.value, usd.unit, lang);
    let into = match locale.currency {
        Currency::Usd => lang.pick("US dollars", "美元"),
        _ => lang.pick("renminbi", "人民币"),
    };
    lang.pick_with(
        || {
            (
                format!("Converted at Rmb{rate_text}/$ (FT: {rmb} = {usd})"),
                format!(
                    "Amounts converted into {into} at Rmb{rate_text} per US dollar, the rate implied by the Financial Times article's 2020 sales of {rmb}, given as {usd}; converted amounts are approximate"
                ),
            )
        },
        || {
            (
                format!("按1美元兑{rate_text}元折算（据FT：{rmb}={usd}）"),
                format!(
                    "金额按1美元兑{rate_text}元人民币折算为{into}，该汇率由英国《金融时报》报道的2020年销售额{rmb}（{usd}）推算得出，折算金额为约数"
                ),
            )
        },
    )
}
