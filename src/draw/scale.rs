//! Linear scales from data values to positions, and round tick values for axes.

/// Maps a data interval onto a position interval, linearly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        Linear { domain, range }
    }

    /// The position of `value`; values outside the domain extrapolate. A zero-width domain maps to the range start.
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return r0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// A round step near `span / count`: 1, 2 or 5 times a power of ten.
pub fn nice_step(span: f64, count: usize) -> f64 {
    if span <= 0.0 || count == 0 || !span.is_finite() {
        return 1.0;
    }
    let raw = span / count as f64;
    let power = 10f64.powf(raw.log10().floor());
    let unit = raw / power;
    let nice = if unit <= 1.0 {
        1.0
    } else if unit <= 2.0 {
        2.0
    } else if unit <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// Round tick values covering `0..=max` with about `count` intervals; the last tick is at or above `max`.
pub fn ticks(max: f64, count: usize) -> Vec<f64> {
    let step = nice_step(max, count);
    let n = (max / step).ceil().max(1.0) as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_linearly_and_inverts_ranges() {
        let s = Linear::new((0.0, 100.0), (0.0, 1.0));
        assert_eq!(s.map(40.0), 0.4);
        assert_eq!(s.map(150.0), 1.5);
        let flipped = Linear::new((0.0, 10.0), (1.0, 0.0));
        assert_eq!(flipped.map(0.0), 1.0);
        assert_eq!(flipped.map(10.0), 0.0);
        assert_eq!(flipped.map(2.5), 0.75);
    }

    #[test]
    fn a_degenerate_domain_does_not_divide_by_zero() {
        assert_eq!(Linear::new((5.0, 5.0), (0.2, 0.8)).map(5.0), 0.2);
    }

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(100.0, 5), 20.0);
        assert_eq!(nice_step(3.5e9, 4), 1e9);
        assert_eq!(nice_step(68.0, 4), 20.0);
        assert_eq!(nice_step(0.0, 4), 1.0);
    }

    #[test]
    fn ticks_cover_the_maximum() {
        assert_eq!(ticks(100.0, 5), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        let t = ticks(3.4462e9, 4);
        assert_eq!(t, vec![0.0, 1e9, 2e9, 3e9, 4e9]);
    }
}
