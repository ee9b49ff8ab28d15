//! Numbers as a reader of an English-language business story expects them: Rmb3.4bn, $525m, 40%, 2,400.

use crate::figures::{Figure, Unit};

/// Formats `value` with at most `decimals` decimals, dropping trailing zeros: 3.40 → "3.4", 2.00 → "2".
pub fn trimmed(value: f64, decimals: usize) -> String {
    let s = format!("{value:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A whole number with thousands separators: 2400 → "2,400".
pub fn grouped(value: f64) -> String {
    let digits = format!("{:.0}", value.abs());
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0.0 && digits != "0" {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An amount scaled to bn or m: 3.4e9 → "3.4bn", 525e6 → "525m", 352.8e6 → "352.8m".
fn scaled(value: f64) -> String {
    if value >= 1e9 {
        format!("{}bn", trimmed(value / 1e9, 2))
    } else if value >= 1e6 {
        format!("{}m", trimmed(value / 1e6, 1))
    } else {
        grouped(value)
    }
}

/// A value in its unit, without hedge: "Rmb3.4bn", "$525m", "40%", "2,400", "17m", "2019".
pub fn value(value: f64, unit: Unit) -> String {
    match unit {
        Unit::Rmb => format!("Rmb{}", scaled(value)),
        Unit::Usd => format!("${}", scaled(value)),
        Unit::Percent | Unit::PercentChange => format!("{}%", trimmed(value, 1)),
        Unit::Count | Unit::Cities => grouped(value),
        Unit::People => scaled(value),
        Unit::Year => format!("{value:.0}"),
        Unit::RmbPerUsd => format!("Rmb{} per $", trimmed(value, 2)),
    }
}

/// A figure as a reader sees it, hedge first: "more than $3bn", "under 50%".
pub fn figure(f: &Figure) -> String {
    let v = value(f.value, f.unit);
    match f.hedge {
        Some(h) => format!("{} {v}", h.words()),
        None => v,
    }
}

/// A hedged figure in the fewest characters, for labels on marks: "> $3bn", "< 50%", "≈ Rmb257.5m".
pub fn short(f: &Figure) -> String {
    use crate::figures::Bound;
    let v = value(f.value, f.unit);
    match f.bound() {
        Bound::Exact => v,
        Bound::Lower => format!(">{v}"),
        Bound::Upper => format!("<{v}"),
        Bound::Approximate => format!("≈{v}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::{article, get};

    #[test]
    fn money_reads_like_the_ft() {
        assert_eq!(value(3.4e9, Unit::Rmb), "Rmb3.4bn");
        assert_eq!(value(525e6, Unit::Usd), "$525m");
        assert_eq!(value(2e9, Unit::Usd), "$2bn");
        assert_eq!(value(352.8e6, Unit::Rmb), "Rmb352.8m");
        assert_eq!(value(3_446_200_000.0, Unit::Rmb), "Rmb3.45bn");
        assert_eq!(value(861_200_000.0, Unit::Rmb), "Rmb861.2m");
        assert_eq!(value(999.0, Unit::Usd), "$999");
    }

    #[test]
    fn shares_counts_and_years() {
        assert_eq!(value(40.0, Unit::Percent), "40%");
        assert_eq!(value(33.3, Unit::Percent), "33.3%");
        assert_eq!(value(2400.0, Unit::Count), "2,400");
        assert_eq!(value(50_000.0, Unit::Count), "50,000");
        assert_eq!(value(119.0, Unit::Cities), "119");
        assert_eq!(value(17e6, Unit::People), "17m");
        assert_eq!(value(2019.0, Unit::Year), "2019");
        assert_eq!(value(6.4762, Unit::RmbPerUsd), "Rmb6.48 per $");
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
    }

    #[test]
    fn hedges_are_spelled_out_or_abbreviated() {
        assert_eq!(figure(&article("funding_raised")), "more than $3bn");
        assert_eq!(figure(&article("helmet_before")), "under 50%");
        assert_eq!(figure(&article("cities_tried")), "at least 500");
        assert_eq!(figure(&article("helmet_after")), "94%");
        assert_eq!(short(&article("auto_share")), "<5%");
        assert_eq!(short(&article("funding_raised")), ">$3bn");
        assert_eq!(short(&get("grants_2019").unwrap()), "≈Rmb257.5m");
    }
}
