//! The reader's language and how money is shown: as each figure was reported, all in renminbi, or
//! all in US dollars, converted at the rate the article itself implies.

use crate::figures::{self, Bound, Figure, Hedge, Unit};
use crate::format;

/// The language of every word a chart, its text alternative, its table and an embed notice show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

#[cfg(not(any(feature = "en", feature = "zh")))]
compile_error!("build with the feature of at least one language: `en`, `zh` or both");

impl Lang {
    /// The language a branch on `self` takes in this build. A build with one language's feature
    /// (the story's Wasm for one edition) speaks only that language, so the compiler drops every
    /// branch, and every string, of the other; with both (embeds, tests) it is `self`. Branch on
    /// `lang.built()`, never on `lang`, wherever the two languages differ.
    #[inline(always)]
    pub const fn built(self) -> Lang {
        match (cfg!(feature = "en"), cfg!(feature = "zh")) {
            (true, false) => Lang::En,
            (false, true) => Lang::Zh,
            _ => self,
        }
    }

    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The BCP 47 tag for HTML `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// Reads a language tag: `en`, or `zh`, `zh-Hans`, `zh-CN` for Simplified Chinese.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "zh" | "zh-Hans" | "zh-CN" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The language to speak on a page whose `<html lang>` is `tag`: Chinese for any Chinese tag,
    /// English otherwise (the only other language we write).
    pub fn of_page(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The text in this language, from the two written side by side.
    pub fn t<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self.built() {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// How money is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Currency {
    /// Each amount in the currency its source gave.
    #[default]
    Reported,
    /// Every amount in renminbi; dollar amounts converted.
    Rmb,
    /// Every amount in US dollars; renminbi amounts converted.
    Usd,
}

impl Currency {
    pub const ALL: [Currency; 3] = [Currency::Reported, Currency::Rmb, Currency::Usd];

    /// The id used in embed queries and options.
    pub fn id(self) -> &'static str {
        match self {
            Currency::Reported => "reported",
            Currency::Rmb => "rmb",
            Currency::Usd => "usd",
        }
    }

    pub fn from_id(id: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The unit an amount in `unit` is shown in.
    fn target(self, unit: Unit) -> Unit {
        match (self, unit) {
            (Currency::Rmb, Unit::Usd) => Unit::Rmb,
            (Currency::Usd, Unit::Rmb) => Unit::Usd,
            _ => unit,
        }
    }

    /// `f` as this mode shows it: as sourced, or converted at [`rmb_per_usd`] and marked as such.
    pub fn show(self, f: &Figure) -> Shown {
        let to = self.target(f.unit);
        if to == f.unit {
            return Shown::of(f);
        }
        let exact = match to {
            Unit::Usd => f.value / rmb_per_usd(),
            _ => f.value * rmb_per_usd(),
        };
        // No more precise than the source plus one digit, and 2 to 3 significant figures: the
        // rate comes from Rmb3.4bn, itself rounded to two.
        let digits = (significant_digits(f.value) + 1).clamp(2, 3);
        // A bound stays true at the stated rate: "more than" rounds down, "under" and "almost" up.
        let direction = f.hedge.map_or(Bound::Exact, Hedge::bound);
        Shown {
            value: round_significant(exact, digits, direction),
            unit: to,
            hedge: f.hedge,
            converted: true,
        }
    }
}

/// The reader's choices together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Locale {
    pub lang: Lang,
    pub currency: Currency,
}

impl Locale {
    /// Every combination, English first.
    pub fn all() -> [Locale; 6] {
        let mut out = [Locale::default(); 6];
        for (i, lang) in Lang::ALL.into_iter().enumerate() {
            for (j, currency) in Currency::ALL.into_iter().enumerate() {
                out[i * 3 + j] = Locale { lang, currency };
            }
        }
        out
    }
}

/// An amount as shown: a figure's own value, or its conversion into the other currency.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shown {
    pub value: f64,
    pub unit: Unit,
    /// The source's hedge, kept through a conversion.
    pub hedge: Option<Hedge>,
    /// Converted by us: never to be shown as if sourced.
    pub converted: bool,
}

impl Shown {
    /// A figure as sourced.
    pub fn of(f: &Figure) -> Shown {
        Shown {
            value: f.value,
            unit: f.unit,
            hedge: f.hedge,
            converted: false,
        }
    }
}

/// Renminbi per US dollar, as the article implies it (Rmb3.4bn of 2020 sales = $525m).
pub fn rmb_per_usd() -> f64 {
    figures::get("rmb_per_usd")
        .expect("the rate is a derived figure")
        .value
}

/// How many significant digits a whole amount is stated to: 3e9 → 1, 3.4e9 → 2, 352.8e6 → 4.
pub fn significant_digits(value: f64) -> u32 {
    let mut n = value.abs().round() as u64;
    if n == 0 {
        return 1;
    }
    while n.is_multiple_of(10) {
        n /= 10;
    }
    let mut digits = 0;
    while n > 0 {
        n /= 10;
        digits += 1;
    }
    digits
}

/// `value` rounded to `digits` significant figures: to the nearest, down for a lower bound, up
/// for an upper bound.
pub fn round_significant(value: f64, digits: u32, direction: Bound) -> f64 {
    if value <= 0.0 || !value.is_finite() {
        return value;
    }
    // Digits before the point (negative for 0.00x), counted rather than taken from `log10`,
    // which would add its 500 bytes to the Wasm for this one use.
    let mut magnitude = 0;
    let mut power = 1.0;
    while power <= value {
        power *= 10.0;
        magnitude += 1;
    }
    while power / 10.0 > value {
        power /= 10.0;
        magnitude -= 1;
    }
    let step = 10f64.powi(magnitude - digits as i32);
    let units = value / step;
    // Guard against 19.000000001 steps rounding the wrong way for a bound.
    let units = match direction {
        Bound::Lower => (units + 1e-9).floor(),
        Bound::Upper => (units - 1e-9).ceil(),
        Bound::Exact | Bound::Approximate => units.round(),
    };
    units * step
}

/// What the currency control says beside itself when converting: the rate, briefly. (Each
/// converted chart's footnote says where the rate comes from.)
pub fn rate_statement(lang: Lang) -> String {
    let rate = format::value(rmb_per_usd(), Unit::RmbPerUsd, lang);
    match lang.built() {
        Lang::En => format!("at {rate}"),
        Lang::Zh => format!("按{rate}折算"),
    }
}

/// The currency a page address's query asks for (`?currency=usd`), if it names one.
pub fn currency_in_query(search: &str) -> Option<Currency> {
    query_value(search, "currency").and_then(Currency::from_id)
}

/// The language a page address's query asks for (`?lang=zh`), if it names one.
pub fn lang_in_query(search: &str) -> Option<Lang> {
    query_value(search, "lang").and_then(Lang::from_code)
}

/// The raw value of parameter `name` in a query (`?a=1&b=2`), as written.
pub fn query_value<'a>(search: &'a str, name: &str) -> Option<&'a str> {
    search.trim_start_matches('?').split('&').find_map(|pair| {
        pair.strip_prefix(name)
            .and_then(|rest| rest.strip_prefix('='))
    })
}

/// `search` with `currency` set in it, every other parameter kept in order; as reported is the
/// default, so it is left out. Returns `""` or a query starting with `?`.
pub fn query_with_currency(search: &str, currency: Currency) -> String {
    let mut pairs: Vec<String> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && *p != "currency" && !p.starts_with("currency="))
        .map(str::to_string)
        .collect();
    if currency != Currency::Reported {
        pairs.push(format!("currency={}", currency.id()));
    }
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", crate::format::join(pairs, "&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A branch on the language must go through `Lang::built`, or a one-language build keeps
    /// the other language's words (nothing breaks, the Wasm just grows). Checks the usual forms.
    #[test]
    fn every_branch_on_the_language_goes_through_built() {
        let sources = [
            ("charts.rs", include_str!("charts.rs")),
            ("embed.rs", include_str!("embed.rs")),
            ("figures.rs", include_str!("figures.rs")),
            ("format.rs", include_str!("format.rs")),
            ("locale.rs", include_str!("locale.rs")),
            ("story.rs", include_str!("story.rs")),
            ("web/app.rs", include_str!("web/app.rs")),
            ("web/api.rs", include_str!("web/api.rs")),
            ("web/explore.rs", include_str!("web/explore.rs")),
            ("web/embed.rs", include_str!("web/embed.rs")),
        ];
        let bare = [
            "match l {",
            "match lang {",
            "match (l, ",
            "match (lang, ",
            "match (self, lang)",
            "match self.lang() {",
            "match locale.lang {",
            "match l.lang {",
            "match c.locale.lang {",
            "match self.locale.lang {",
        ];
        for (file, text) in sources {
            let code = text.split("\n#[cfg(test)]").next().unwrap_or(text);
            for (n, line) in code.lines().enumerate() {
                assert!(
                    !bare.iter().any(|b| line.contains(b)),
                    "src/{file}:{}: branch on `.built()`: {}",
                    n + 1,
                    line.trim()
                );
            }
        }
    }
    use crate::figures::{article, get};

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("zh"), Some(Lang::Zh));
        assert_eq!(Lang::from_code("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::of_page("zh-Hans"), Lang::Zh);
        assert_eq!(Lang::of_page("ZH-cn"), Lang::Zh);
        assert_eq!(Lang::of_page("en-GB"), Lang::En);
        assert_eq!(Lang::of_page(""), Lang::En);
        assert_eq!(Lang::Zh.code(), "zh-Hans");
        for c in Currency::ALL {
            assert_eq!(Currency::from_id(c.id()), Some(c));
        }
        assert_eq!(Currency::from_id("eur"), None);
        let d = Locale::default();
        assert_eq!((d.lang, d.currency), (Lang::En, Currency::Reported));
        let all = Locale::all();
        assert_eq!(all[0], d);
        for (i, l) in all.iter().enumerate() {
            assert!(!all[..i].contains(l));
        }
    }

    #[test]
    fn significant_digits_and_rounding() {
        assert_eq!(significant_digits(3e9), 1);
        assert_eq!(significant_digits(3.4e9), 2);
        assert_eq!(significant_digits(352.8e6), 4);
        assert_eq!(significant_digits(0.0), 1);
        assert_eq!(round_significant(19.43e9, 2, Bound::Exact), 19e9);
        assert_eq!(round_significant(19.43e9, 2, Bound::Upper), 20e9);
        assert_eq!(round_significant(19.53e9, 2, Bound::Lower), 19e9);
        assert_eq!(round_significant(174.8e6, 3, Bound::Upper), 175e6);
        assert_eq!(round_significant(19e9, 2, Bound::Lower), 19e9);
    }

    /// Counting digits instead of `log10` rounds the same, at powers of ten and either side.
    #[test]
    fn rounding_counts_digits_as_log10_would() {
        let by_log10 = |value: f64, digits: u32| {
            let magnitude = value.log10().floor() as i32 + 1;
            let step = 10f64.powi(magnitude - digits as i32);
            (value / step).round() * step
        };
        for power in -3..=12 {
            let ten = 10f64.powi(power);
            for value in [
                ten,
                ten * 0.999,
                ten * 1.001,
                ten * 1.5,
                ten * 6.4762,
                ten * 9.96,
            ] {
                for digits in 1..=4 {
                    assert_eq!(
                        round_significant(value, digits, Bound::Exact),
                        by_log10(value, digits),
                        "{value} to {digits} digits"
                    );
                }
            }
        }
    }

    #[test]
    fn reported_shows_each_figure_as_sourced() {
        let raised = article("funding_raised");
        for c in Currency::ALL {
            let s = c.show(&article("funding_rounds"));
            assert!(!s.converted && s.value == 12.0);
        }
        assert_eq!(Currency::Reported.show(&raised), Shown::of(&raised));
        assert_eq!(Currency::Usd.show(&raised), Shown::of(&raised));
        let grants = article("grants_2020");
        assert_eq!(Currency::Rmb.show(&grants), Shown::of(&grants));
    }

    #[test]
    fn rmb_3_4bn_is_525m_by_construction() {
        let s = Currency::Usd.show(&article("revenue_2020"));
        assert_eq!((s.value, s.unit, s.converted), (525e6, Unit::Usd, true));
        let back = Currency::Rmb.show(&article("revenue_2020_usd"));
        assert_eq!((back.value, back.unit), (3.4e9, Unit::Rmb));
    }

    #[test]
    fn conversions_keep_hedges_and_round_with_them() {
        // More than $3bn is more than Rmb19.4bn at the implied rate: stated as more than Rmb19bn.
        let raised = Currency::Rmb.show(&article("funding_raised"));
        assert_eq!(raised.value, 19e9);
        assert_eq!(raised.hedge, Some(Hedge::MoreThan));
        assert!(raised.converted);
        // $2bn, unhedged: 12.95bn to the nearest two figures.
        assert_eq!(Currency::Rmb.show(&article("ipo_target")).value, 13e9);
        // Rmb352.8m: three figures.
        assert_eq!(Currency::Usd.show(&article("grants_2020")).value, 54.5e6);
        // Almost Rmb1.13bn is almost $174.8m: up, to $175m.
        let top5 = Currency::Usd.show(&get("top5_customers_rmb").unwrap());
        assert_eq!((top5.value, top5.hedge), (175e6, Some(Hedge::Almost)));
        assert_eq!(Currency::Usd.show(&article("revenue_2018")).value, 286e6);
    }

    #[test]
    fn the_currency_rides_in_the_query_beside_other_parameters() {
        assert_eq!(currency_in_query("?currency=usd"), Some(Currency::Usd));
        assert_eq!(
            currency_in_query("?frame=story&currency=rmb"),
            Some(Currency::Rmb)
        );
        assert_eq!(currency_in_query("?currency=eur"), None);
        assert_eq!(currency_in_query(""), None);
        assert_eq!(lang_in_query("?chart=pie&lang=zh"), Some(Lang::Zh));
        assert_eq!(lang_in_query("?lang=fr"), None);
        assert_eq!(query_value("?childId=a%20b&x=1", "childId"), Some("a%20b"));
        assert_eq!(query_value("?langs=zh", "lang"), None);
        assert_eq!(query_with_currency("", Currency::Usd), "?currency=usd");
        assert_eq!(
            query_with_currency("?frame=story&currency=rmb", Currency::Usd),
            "?frame=story&currency=usd"
        );
        assert_eq!(query_with_currency("?currency=usd", Currency::Reported), "");
        assert_eq!(
            query_with_currency("?frame=story", Currency::Reported),
            "?frame=story"
        );
    }

    #[test]
    fn the_rate_is_stated_with_where_it_comes_from() {
        assert_eq!(rate_statement(Lang::En), "at Rmb6.48 per $");
        assert_eq!(rate_statement(Lang::Zh), "按1美元兑6.48元折算");
    }
}
