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
    // Two significant figures, like the Rmb3.4bn the rate comes from.
    let rate_text = format::trimmed(rate.value, 1);
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
                    "Amounts converted into {into} at about Rmb{rate_text} per US dollar, the conversion implied by the Financial Times article giving 2020 sales of {rmb} as {usd}. It is not a market rate: every year is converted at it, and converted amounts are approximate"
                ),
            )
        },
        || {
            (
                format!("1美元兑{rate_text}元（据《金融时报》{rmb}={usd}）"),
                format!(
                    "金额按1美元约兑{rate_text}元人民币折算为{into}。该汇率由英国《金融时报》将2020年销售额{rmb}写作{usd}推算得出，并非市场汇率，各年份均按此折算，折算金额为约数"
                ),
            )
        },
    )
}
