//! Numbers as a reader expects them. English as a business story prints them: Rmb3.4bn, $525m,
//! 40%, 2,400, 17m. Chinese as the Chinese business press does: 34亿元, 5.25亿美元, 40%, 2400, 1700万.
//!
//! Compiled into the Wasm, so the decimals are done with integer arithmetic.

use super::money::{rmb_per_usd, Shown};
use crate::data::figures::{Bound, Figure, Hedge, Unit};
use crate::lang::Lang;

/// Whether `text` holds `part`, compared byte by byte: the standard library's substring search
/// (its two-way searcher and its slicing panics) costs the Wasm about 4 KB, for the few short
/// texts a tooltip compares.
pub fn holds(text: &str, part: &str) -> bool {
    part.is_empty()
        || text
            .as_bytes()
            .windows(part.len())
            .any(|w| w == part.as_bytes())
}

/// Where numbers are written in `text`, as byte ranges: runs of digits with the `,` and `.`
/// between them ("2,400", "3.4"; not the full stop after "in 2019."). What the page's prose
/// checks (`xtask/src/prose.rs`) and the charts' tests read as a number.
pub fn number_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || (matches!(bytes[i], b',' | b'.')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        found.push(start..i);
    }
    found
}

/// `parts` with `separator` between them: `[T]::join` for whatever iterates over text, in one
/// small loop rather than std's per-type copy of its join.
pub fn join<S: AsRef<str>>(parts: impl IntoIterator<Item = S>, separator: &str) -> String {
    let mut joined = String::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            joined.push_str(separator);
        }
        joined.push_str(part.as_ref());
    }
    joined
}

/// `value` with at most `decimals` decimals, dropping trailing zeros: 3.40 → "3.4", 2.00 → "2".
pub fn trimmed(value: f64, decimals: usize) -> String {
    let scale = 10u64.pow(decimals as u32);
    let n = (value.abs() * scale as f64).round() as u64;
    let mut out = String::new();
    if value < 0.0 && n != 0 {
        out.push('-');
    }
    push_digits(&mut out, n / scale);
    let mut frac = n % scale;
    if frac != 0 {
        let mut width = decimals;
        while frac.is_multiple_of(10) {
            frac /= 10;
            width -= 1;
        }
        out.push('.');
        let mut digits = String::new();
        push_digits(&mut digits, frac);
        out.extend(std::iter::repeat_n('0', width - digits.len()));
        out.push_str(&digits);
    }
    out
}

/// `n` in decimal, appended to `out`: what `u64`'s `Display` does, without bringing that second
/// integer formatter into the Wasm (the other integers are formatted as `u32`/`usize`).
fn push_digits(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// A CSS length in pixels, to two decimals: 28.0 → "28px", 8.444 → "8.44px".
pub fn css_px(value: f64) -> String {
    let mut out = trimmed(value, 2);
    out.push_str("px");
    out
}

/// A whole number with thousands separators: 2400 → "2,400".
pub fn grouped(value: f64) -> String {
    let digits = trimmed(value.abs(), 0);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0.0 && digits != "0" {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An amount scaled to bn or m as `like` is: 3.4e9 → "3.4bn", 525e6 → "525m", 352.8e6 →
/// "352.8m"; beside 1.65e9, 861.2e6 → "0.86bn", so the two share a unit and a rounding.
fn scaled(value: f64, like: f64) -> String {
    if like >= 1e9 {
        format!("{}bn", trimmed(value / 1e9, 2))
    } else if like >= 1e6 {
        format!("{}m", trimmed(value / 1e6, 1))
    } else {
        grouped(value)
    }
}

/// An amount in 亿 (10^8) or 万 (10^4), as precise as the English and scaled as `like` is:
/// 3.4e9 → "34亿", 352.8e6 → "3.528亿", 17e6 → "1700万", 50,000 → "5万", 2400 → "2400";
/// beside 1.65e9, 861.2e6 → "8.6亿".
fn scaled_zh(value: f64, like: f64) -> String {
    if like >= 1e9 {
        // English keeps two decimals of a billion: one of 亿.
        format!("{}亿", trimmed(value / 1e8, 1))
    } else if like >= 1e8 {
        // English keeps one decimal of a million: three of 亿.
        format!("{}亿", trimmed(value / 1e8, 3))
    } else if like >= 1e6 {
        format!("{}万", trimmed(value / 1e4, 0))
    } else if like >= 1e4 {
        format!("{}万", trimmed(value / 1e4, 4))
    } else {
        trimmed(value, 0)
    }
}

/// An amount scaled as `like` is, without its currency: "3.03bn", "30.3亿". For a label with
/// little room, under a subtitle that names the currency.
pub fn amount_like(value: f64, lang: Lang, like: f64) -> String {
    lang.pick_with(|| scaled(value, like), || scaled_zh(value, like))
}

/// Words at the head of a line: "at least 500" → "At least 500", "nearly doubled" → "Nearly
/// doubled". English only, in ASCII, so the Wasm needs no Unicode case tables.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect()
    })
}

/// A third, as the data file writes it: the article's "almost a third" is stored as 33.3 with
/// the hedge "almost", and shown in the article's words wherever it is shown.
const A_THIRD: f64 = 33.3;

/// The implied rate's decimals: Rmb3.4bn has two significant figures, so about Rmb6.5 per $.
const RATE_DECIMALS: usize = 1;

/// A value in its unit, without hedge: "Rmb3.4bn", "$525m", "40%", "2,400", "17m", "2019";
/// in Chinese "34亿元", "5.25亿美元", "40%", "2400", "1700万", "2019年".
pub fn value(value: f64, unit: Unit, lang: Lang) -> String {
    value_like(value, unit, lang, value)
}

/// A value as [`value`] says it, an amount scaled as `like` is (see [`scaled`]): what amounts
/// compared on one chart use, so that they share a unit.
pub fn value_like(value: f64, unit: Unit, lang: Lang, like: f64) -> String {
    let percent = || format!("{}%", trimmed(value, 1));
    lang.pick_with(
        || match unit {
            Unit::Rmb => format!("Rmb{}", scaled(value, like)),
            Unit::Usd => format!("${}", scaled(value, like)),
            Unit::Count | Unit::Cities => grouped(value),
            Unit::People => scaled(value, like),
            Unit::Year => trimmed(value, 0),
            Unit::Years if value == 1.0 => String::from("1 year"),
            Unit::Years => format!("{} years", trimmed(value, 0)),
            Unit::RmbPerUsd => format!("Rmb{} per $", trimmed(value, RATE_DECIMALS)),
            Unit::Percent if value == A_THIRD => String::from("a third"),
            Unit::Percent | Unit::PercentChange => percent(),
        },
        || match unit {
            Unit::Rmb => format!("{}元", scaled_zh(value, like)),
            Unit::Usd => format!("{}美元", scaled_zh(value, like)),
            Unit::Count | Unit::Cities | Unit::People => scaled_zh(value, like),
            Unit::Year | Unit::Years => format!("{}年", trimmed(value, 0)),
            Unit::RmbPerUsd => format!("1美元兑{}元", trimmed(value, RATE_DECIMALS)),
            Unit::Percent if value == A_THIRD => String::from("三分之一"),
            Unit::Percent | Unit::PercentChange => percent(),
        },
    )
}

/// A hedge in words: "more than", "超过".
pub fn hedge(h: Hedge, lang: Lang) -> &'static str {
    lang.pick_with(
        || h.words(),
        || match h {
            Hedge::MoreThan => "超过",
            Hedge::AtLeast => "至少",
            Hedge::Almost => "近",
            // One word for "under" and "less than" alike.
            Hedge::Under => "不足",
            Hedge::LessThan => "不足",
            Hedge::About => "约",
        },
    )
}

/// An amount as a reader sees it in words, hedge first: "more than $3bn", "under 50%",
/// "超过30亿美元". A converted amount says so: "about $525m", "more than the equivalent of
/// Rmb19bn"; in Chinese 约合 (about, converted) or 折合 (converted) before the hedge: "约合5.25亿美元",
/// "折合超过190亿元".
pub fn words(s: &Shown, lang: Lang) -> String {
    words_like(s, lang, s.value)
}

/// [`words`], the amount scaled as `like` is (see [`value_like`]).
pub fn words_like(s: &Shown, lang: Lang, like: f64) -> String {
    hedged(value_like(s.value, s.unit, lang, like), s, lang)
}

/// `v`, the words for `s`'s amount, with `s`'s hedge and conversion as [`words`] puts them.
pub fn hedged(v: String, s: &Shown, lang: Lang) -> String {
    let hedged = s.hedge.filter(|h| *h != Hedge::About);
    match (s.converted, s.hedge) {
        (false, None) => v,
        (false, Some(h)) => lang.pick_with(
            || format!("{} {v}", h.words()),
            || format!("{}{v}", hedge(h, lang)),
        ),
        (true, _) => lang.pick_with(
            || match hedged {
                Some(h) => format!("{} the equivalent of {v}", h.words()),
                None => format!("about {v}"),
            },
            || match hedged {
                Some(h) => format!("折合{}{v}", hedge(h, lang)),
                None => format!("约合{v}"),
            },
        ),
    }
}

/// An amount as a label on a mark: as [`words`], but shorter for a converted amount, marked
/// with "≈": "≈$530m", "≈5.3亿美元". A hedged converted amount never stacks "≈" on its hedge:
/// it says "converted" instead ("more than Rmb19bn, converted", "折合超过190亿元").
pub fn label(s: &Shown, lang: Lang) -> String {
    label_like(s, lang, s.value)
}

/// [`label`], the amount scaled as `like` is (see [`value_like`]).
pub fn label_like(s: &Shown, lang: Lang, like: f64) -> String {
    marked(s, lang, like, false)
}

/// [`label_like`] in fewer words where there is little room: a converted amount marked "≈"
/// after its hedge ("more than ≈Rmb19bn") rather than followed by ", converted". The one place
/// a hedge and "≈" meet: the hedge says the bound, "≈" the conversion, as on the chart's other
/// converted amounts.
pub fn label_like_compact(s: &Shown, lang: Lang, like: f64) -> String {
    marked(s, lang, like, true)
}

/// A label, a converted amount marked as converted: "≈" alone, or after a hedge "converted"
/// (or, `compact`, "≈" again); in Chinese, its words (折合…).
fn marked(s: &Shown, lang: Lang, like: f64, compact: bool) -> String {
    if !s.converted {
        return words_like(s, lang, like);
    }
    let v = value_like(s.value, s.unit, lang, like);
    match s.hedge.filter(|h| *h != Hedge::About) {
        None => format!("≈{v}"),
        Some(h) => lang.pick_with(
            || {
                if compact {
                    format!("{} ≈{v}", h.words())
                } else {
                    format!("{} {v}, converted", h.words())
                }
            },
            || words_like(s, lang, like),
        ),
    }
}

/// A figure as sourced, in words, hedge first: "more than $3bn", "超过30亿美元".
pub fn figure(f: &Figure, lang: Lang) -> String {
    words(&Shown::of(f), lang)
}

/// A sourced amount of a billion or more at the precision its source gives it, where
/// [`figure`] rounds it to two decimals of a billion: "Rmb1,853.4m" for its "Rmb1.85bn", in
/// Chinese "18.534亿元" for "18.5亿元". `None` where [`figure`] is already exact, and for a hedged
/// figure, whose precision is the hedge's.
pub fn exact(f: &Figure, lang: Lang) -> Option<String> {
    if f.hedge.is_some() || !matches!(f.unit, Unit::Rmb | Unit::Usd) || f.value < 1e9 {
        return None;
    }
    // In tenths of a million: a whole number of ten millions is said exactly in billions.
    let tenths = (f.value / 1e5).round() as u64;
    if tenths.is_multiple_of(100) {
        return None;
    }
    Some(lang.pick_with(
        || {
            let mut m = grouped((tenths / 10) as f64);
            if !tenths.is_multiple_of(10) {
                m.push('.');
                push_digits(&mut m, tenths % 10);
            }
            m.push('m');
            if f.unit == Unit::Rmb {
                format!("Rmb{m}")
            } else {
                format!("${m}")
            }
        },
        || value_like(f.value, f.unit, lang, 1e8),
    ))
}

/// A hedged figure in the fewest characters: ">$3bn", "<50%", "≈Rmb258m", ">30亿美元".
pub fn short(f: &Figure, lang: Lang) -> String {
    let v = value(f.value, f.unit, lang);
    match f.bound() {
        Bound::Exact => v,
        Bound::Lower => format!(">{v}"),
        Bound::Upper => format!("<{v}"),
        Bound::Approximate => format!("≈{v}"),
    }
}

/// What the currency control says beside itself when converting: the rate, briefly. (Each
/// converted chart's footnote says where the rate comes from.)
pub fn rate_statement(lang: Lang) -> String {
    let rate = value(rmb_per_usd(), Unit::RmbPerUsd, lang);
    lang.pick_with(|| format!("at {rate}"), || format!("按{rate}折算"))
}

/// How wide a text is, counting a CJK character or full-width sign as two Latin characters
/// (about 1 em against about half of one): the width tests' measure.
pub fn width(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_finds_a_part_anywhere_and_nothing_else() {
        assert!(holds("at least 500 cities", "500"));
        assert!(holds("40%", "40%"));
        assert!(holds("anything", ""));
        assert!(!holds("Rmb3.4bn", "3.45"));
        assert!(!holds("", "x"));
        assert!(holds("约14亿元", "14亿"));
    }

    #[test]
    fn words_at_the_head_of_a_line_are_capitalised_in_ascii() {
        assert_eq!(capitalised("at least 500"), "At least 500");
        assert_eq!(capitalised("近乎翻倍"), "近乎翻倍");
        assert_eq!(capitalised(""), "");
    }

    #[test]
    fn digits_are_written_as_display_writes_them() {
        for n in [0, 7, 10, 99, 100, 2400, 65_535, 4_294_967_296, u64::MAX] {
            let mut out = String::from("x");
            push_digits(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn join_puts_the_separator_between_parts_only() {
        assert_eq!(join(["a", "b", "c"], ", "), "a, b, c");
        assert_eq!(join(vec![String::from("一")], "、"), "一");
        assert_eq!(join(Vec::<String>::new(), "; "), "");
        let parts = ["x", "y"];
        assert_eq!(join(parts, " · "), parts.join(" · "));
    }
    use crate::data::figures::{article, get};
    use crate::text::money::Currency;

    const EN: Lang = Lang::EN;
    const ZH: Lang = Lang::ZH;

    #[test]
    fn css_lengths_keep_two_decimals_without_float_formatting() {
        assert_eq!(css_px(28.0), "28px");
        assert_eq!(css_px(8.444), "8.44px");
        assert_eq!(css_px(7.5), "7.5px");
        assert_eq!(css_px(-3.25), "-3.25px");
        assert_eq!(css_px(0.0), "0px");
    }

    #[test]
    fn money_reads_like_the_ft() {
        assert_eq!(value(3.4e9, Unit::Rmb, EN), "Rmb3.4bn");
        assert_eq!(value(525e6, Unit::Usd, EN), "$525m");
        assert_eq!(value(2e9, Unit::Usd, EN), "$2bn");
        assert_eq!(value(352.8e6, Unit::Rmb, EN), "Rmb352.8m");
        assert_eq!(value(3_446_200_000.0, Unit::Rmb, EN), "Rmb3.45bn");
        assert_eq!(value(861_200_000.0, Unit::Rmb, EN), "Rmb861.2m");
        assert_eq!(value(999.0, Unit::Usd, EN), "$999");
    }

    #[test]
    fn an_amount_rounded_to_billions_has_an_exact_form_as_sourced() {
        let exact_of = |id: &str, lang| exact(&get(id).unwrap(), lang);
        assert_eq!(exact_of("revenue_2018", EN).as_deref(), Some("Rmb1,853.4m"));
        assert_eq!(exact_of("revenue_2018", ZH).as_deref(), Some("18.534亿元"));
        assert_eq!(
            exact_of("revenue_2020_filing", EN).as_deref(),
            Some("Rmb3,446.2m")
        );
        // Said exactly already, hedged, or under a billion: nothing more to say.
        assert_eq!(exact_of("revenue_2020", EN), None);
        assert_eq!(exact_of("ipo_target", EN), None);
        assert_eq!(exact_of("funding_raised", EN), None);
        assert_eq!(exact_of("revenue_h1_2020", EN), None);
        assert_eq!(exact_of("smart_city_share", EN), None);
    }

    #[test]
    fn money_reads_like_the_chinese_business_press() {
        let cases: [(f64, Unit, &str); 12] = [
            (3.4e9, Unit::Rmb, "34亿元"),
            (352.8e6, Unit::Rmb, "3.528亿元"),
            (861.2e6, Unit::Rmb, "8.612亿元"),
            (3_446_200_000.0, Unit::Rmb, "34.5亿元"),
            (1_853_400_000.0, Unit::Rmb, "18.5亿元"),
            (258e6, Unit::Rmb, "2.58亿元"),
            (525e6, Unit::Usd, "5.25亿美元"),
            (3e9, Unit::Usd, "30亿美元"),
            (2e9, Unit::Usd, "20亿美元"),
            (54.5e6, Unit::Usd, "5450万美元"),
            (19e9, Unit::Rmb, "190亿元"),
            (999.0, Unit::Usd, "999美元"),
        ];
        for (v, unit, want) in cases {
            assert_eq!(value(v, unit, ZH), want, "{v} {unit:?}");
        }
    }

    #[test]
    fn shares_counts_and_years() {
        assert_eq!(value(40.0, Unit::Percent, EN), "40%");
        assert_eq!(value(33.3, Unit::Percent, EN), "a third");
        assert_eq!(value(33.3, Unit::Percent, ZH), "三分之一");
        assert_eq!(value(33.0, Unit::Percent, EN), "33%");
        assert_eq!(value(3.0, Unit::Years, EN), "3 years");
        assert_eq!(value(1.0, Unit::Years, EN), "1 year");
        assert_eq!(value(3.0, Unit::Years, ZH), "3年");
        assert_eq!(value(2400.0, Unit::Count, EN), "2,400");
        assert_eq!(value(50_000.0, Unit::Count, EN), "50,000");
        assert_eq!(value(119.0, Unit::Cities, EN), "119");
        assert_eq!(value(17e6, Unit::People, EN), "17m");
        assert_eq!(value(2019.0, Unit::Year, EN), "2019");
        assert_eq!(value(6.4762, Unit::RmbPerUsd, EN), "Rmb6.5 per $");
        assert_eq!(value(40.0, Unit::Percent, ZH), "40%");
        assert_eq!(value(37.0, Unit::PercentChange, ZH), "37%");
        assert_eq!(value(2400.0, Unit::Count, ZH), "2400");
        assert_eq!(value(50_000.0, Unit::Count, ZH), "5万");
        assert_eq!(value(12.0, Unit::Count, ZH), "12");
        assert_eq!(value(119.0, Unit::Cities, ZH), "119");
        assert_eq!(value(17e6, Unit::People, ZH), "1700万");
        assert_eq!(value(2019.0, Unit::Year, ZH), "2019年");
        assert_eq!(value(6.4762, Unit::RmbPerUsd, ZH), "1美元兑6.5元");
    }

    #[test]
    fn grouping_edges() {
        assert_eq!(grouped(0.0), "0");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(1000.0), "1,000");
        assert_eq!(grouped(1_234_567.0), "1,234,567");
        assert_eq!(grouped(-1200.0), "-1,200");
    }

    #[test]
    fn trimming() {
        assert_eq!(trimmed(3.40, 2), "3.4");
        assert_eq!(trimmed(2.0, 2), "2");
        assert_eq!(trimmed(120.0, 0), "120");
        assert_eq!(trimmed(0.05, 1), "0.1");
        assert_eq!(trimmed(3.05, 2), "3.05");
        assert_eq!(trimmed(8.612, 3), "8.612");
        assert_eq!(trimmed(-1.5, 1), "-1.5");
        assert_eq!(trimmed(6.476_190_476, 2), "6.48");
    }

    #[test]
    fn every_hedge_in_both_languages() {
        let cases: [(&str, &str, &str); 9] = [
            ("funding_raised", "more than $3bn", "超过30亿美元"),
            ("cities_tried", "at least 500", "至少500"),
            ("top5_customers_share", "almost a third", "近三分之一"),
            ("helmet_before", "under 50%", "不足50%"),
            ("auto_share", "less than 5%", "不足5%"),
            ("grants_2019", "about Rmb258m", "约2.58亿元"),
            ("top5_customers_rmb", "about Rmb1.1bn", "约11亿元"),
            ("smart_city_rmb", "about Rmb1.4bn", "约14亿元"),
            ("helmet_after", "94%", "94%"),
        ];
        for (id, en, zh) in cases {
            let f = get(id).unwrap();
            assert_eq!(figure(&f, EN), en);
            assert_eq!(figure(&f, ZH), zh);
        }
        assert_eq!(short(&article("auto_share"), EN), "<5%");
        assert_eq!(short(&article("funding_raised"), EN), ">$3bn");
        assert_eq!(short(&get("grants_2019").unwrap(), EN), "≈Rmb258m");
        assert_eq!(short(&article("funding_raised"), ZH), ">30亿美元");
    }

    #[test]
    fn converted_amounts_are_marked_in_words_and_labels() {
        let raised = Currency::Rmb.show(&article("funding_raised"));
        assert_eq!(words(&raised, EN), "more than the equivalent of Rmb19bn");
        assert_eq!(label(&raised, EN), "more than Rmb19bn, converted");
        assert_eq!(words(&raised, ZH), "折合超过190亿元");
        assert_eq!(label(&raised, ZH), "折合超过190亿元");
        let sales = Currency::Usd.show(&article("revenue_2020"));
        assert_eq!(words(&sales, EN), "about $530m");
        assert_eq!(label(&sales, EN), "≈$530m");
        assert_eq!(words(&sales, ZH), "约合5.3亿美元");
        assert_eq!(label(&sales, ZH), "≈5.3亿美元");
        // A derived "about" is not said twice.
        let grants = Currency::Usd.show(&get("grants_2019").unwrap());
        assert_eq!(words(&grants, EN), "about $40m");
        assert_eq!(label(&grants, EN), "≈$40m");
        assert_eq!(words(&grants, ZH), "约合4000万美元");
        let top5 = Currency::Usd.show(&get("top5_customers_rmb").unwrap());
        assert_eq!(words(&top5, EN), "about $170m");
        assert_eq!(label(&top5, EN), "≈$170m");
        assert_eq!(words(&top5, ZH), "约合1.7亿美元");
        // Never two hedges on one label: a hedge, or "≈", not both.
        for f in crate::data::figures::all() {
            for c in Currency::ALL {
                let shown = c.show(&f);
                let l = label(&shown, EN);
                if shown.hedge.is_some_and(|h| h != Hedge::About) {
                    assert!(!l.contains('≈'), "{}: {l}", f.id);
                }
            }
        }
        // With little room, "≈" marks the conversion in place of ", converted".
        let compact = |s: &Shown, lang| label_like_compact(s, lang, s.value);
        assert_eq!(compact(&raised, EN), "more than ≈Rmb19bn");
        assert_eq!(compact(&raised, ZH), "折合超过190亿元");
        assert_eq!(compact(&sales, EN), "≈$530m");
        let sourced = Shown::of(&article("funding_raised"));
        assert_eq!(compact(&sourced, EN), "more than $3bn");
        // As sourced, words and labels agree.
        let ipo = Shown::of(&article("ipo_target"));
        assert_eq!(
            (words(&ipo, EN), label(&ipo, EN)),
            ("$2bn".into(), "$2bn".into())
        );
    }

    #[test]
    fn widths_count_cjk_double() {
        assert_eq!(width("Rmb3.4bn"), 8);
        assert_eq!(width("34亿元"), 6);
        assert_eq!(width("《金融时报》"), 12);
        assert_eq!(width("资料来源："), 10);
    }

    #[test]
    fn the_rate_is_stated_with_where_it_comes_from() {
        assert_eq!(rate_statement(Lang::EN), "at Rmb6.5 per $");
        assert_eq!(rate_statement(Lang::ZH), "按1美元兑6.5元折算");
    }
}
