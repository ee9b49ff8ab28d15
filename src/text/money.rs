//! How money is shown: as each figure was reported, all in renminbi, or all in US dollars,
//! converted at the rate the article itself implies, rounded and marked as converted.

use crate::data::figures::{self, Bound, Figure, Hedge, Unit};

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
        // Two significant figures: the rate comes from Rmb3.4bn, itself rounded to two.
        let digits = CONVERTED_DIGITS;
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

/// The most significant figures a converted amount keeps: those of Rmb3.4bn, the rate's source.
const CONVERTED_DIGITS: u32 = 2;

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
    // which the Wasm would carry for this one use.
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

#[cfg(test)]
mod tests {
    use super::*;

    use crate::data::figures::{article, get};

    #[test]
    fn currency_ids_round_trip() {
        for c in Currency::ALL {
            assert_eq!(Currency::from_id(c.id()), Some(c));
        }
        assert_eq!(Currency::from_id("eur"), None);
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
    fn rmb_3_4bn_and_525m_convert_into_each_other() {
        // At two significant figures: the charts show the article's own $525m beside it.
        let s = Currency::Usd.show(&article("revenue_2020"));
        assert_eq!((s.value, s.unit, s.converted), (530e6, Unit::Usd, true));
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
        // Rmb352.8m: two figures, as the rate has.
        assert_eq!(Currency::Usd.show(&article("grants_2020")).value, 54e6);
        // About Rmb1.1bn is about $169.9m: to $170m.
        let top5 = Currency::Usd.show(&get("top5_customers_rmb").unwrap());
        assert_eq!((top5.value, top5.hedge), (170e6, Some(Hedge::About)));
        assert_eq!(Currency::Usd.show(&article("revenue_2018")).value, 290e6);
    }
}
