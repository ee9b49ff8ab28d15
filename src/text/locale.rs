//! The reader's choices together: a language and a currency mode.

use super::money::Currency;
use crate::lang::Lang;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_combination_once_english_as_reported_first() {
        let d = Locale::default();
        assert_eq!((d.lang, d.currency), (Lang::EN, Currency::Reported));
        let all = Locale::all();
        assert_eq!(all[0], d);
        for (i, l) in all.iter().enumerate() {
            assert!(!all[..i].contains(l));
        }
    }
}
