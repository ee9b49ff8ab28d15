//! Reading a page address's query string: one parameter's value, the language and currency it
//! asks for, percent-decoding, and the same query with another currency.

use crate::lang::Lang;
use crate::text::format;
use crate::text::money::Currency;

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
        format!("?{}", format::join(pairs, "&"))
    }
}

/// Decodes `%XX` escapes and `+` in a query component; a malformed escape is kept as written.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_currency_rides_in_the_query_beside_other_parameters() {
        assert_eq!(currency_in_query("?currency=usd"), Some(Currency::Usd));
        assert_eq!(
            currency_in_query("?frame=story&currency=rmb"),
            Some(Currency::Rmb)
        );
        assert_eq!(currency_in_query("?currency=eur"), None);
        assert_eq!(currency_in_query(""), None);
        assert_eq!(lang_in_query("?chart=pie&lang=zh"), Some(Lang::ZH));
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
}
