//! Trigger-line arithmetic: which step is active, given where the steps are on screen.
//!
//! The web layer measures; these functions decide. A step becomes active when its top edge
//! crosses the trigger line, a fixed fraction of the way down the viewport. Because the answer
//! depends only on where things are now, it is the same after a reload mid-story, a fast fling
//! or a jump to an anchor: no intermediate steps are replayed.

/// How far down the viewport the trigger line sits, unless the page's CSS says otherwise.
pub const TRIGGER: f64 = 0.5;

/// Reads the trigger fraction from the CSS custom property `--trigger` (e.g. `0.8` on phones,
/// where the graphic fills the top half and the text is read below it). `None` unless it is a
/// number strictly between 0 and 1, written as a decimal fraction (`0.8`, `.75`).
///
/// Parsed by hand: `f64::from_str` would bring Rust's general float parser, and its tables,
/// into the Wasm for this one value.
pub fn parse_trigger(css: &str) -> Option<f64> {
    let digits = css.trim().strip_prefix('0').unwrap_or(css.trim());
    let digits = digits.strip_prefix('.')?;
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Both are whole numbers below 2^53, so the one division rounds exactly as parsing would.
    let numerator = digits
        .bytes()
        .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    let value = numerator as f64 / 10f64.powi(digits.len() as i32);
    (value > 0.0).then_some(value)
}

/// The IntersectionObserver root margin that leaves only the viewport above the trigger line.
pub fn root_margin(fraction: f64) -> String {
    let percent = ((1.0 - fraction) * 100.0).round();
    format!("0px 0px -{}% 0px", crate::text::format::trimmed(percent, 0))
}

/// The trigger line's distance from the top of the viewport, in CSS pixels.
///
/// `viewport_top` is where the visible part of our document starts, which is not 0 when the
/// story runs inside a frame that is partly scrolled out of its host's view.
pub fn trigger_line(viewport_top: f64, viewport_height: f64, fraction: f64) -> f64 {
    viewport_top + viewport_height.max(0.0) * fraction
}

/// The active step: the last one whose top is at or above `line`; before the first, the first.
///
/// `top(i)` is the `i`th of `count` steps' top edge relative to the viewport; steps are stacked
/// in document order, so tops rise with `i`, and a binary search reads about log2(`count`) + 1
/// of them (each a layout read in the browser), not all. `None` only when there are no steps.
pub fn active_step(count: usize, mut top: impl FnMut(usize) -> f64, line: f64) -> Option<usize> {
    if count == 0 {
        return None;
    }
    // The number of steps whose top is at or above the line: they come first.
    let (mut above, mut below) = (0, count);
    while above < below {
        let mid = above + (below - above) / 2;
        if top(mid) <= line {
            above = mid + 1;
        } else {
            below = mid;
        }
    }
    Some(above.saturating_sub(1))
}

/// Which way the reader moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Down,
    Up,
}

impl Direction {
    /// `"down"` or `"up"`, as host pages read it in the step event.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Down => "down",
            Direction::Up => "up",
        }
    }
}

/// The direction of a move from `from` to `to`; `None` when nothing moved.
pub fn direction(from: usize, to: usize) -> Option<Direction> {
    match to.cmp(&from) {
        std::cmp::Ordering::Greater => Some(Direction::Down),
        std::cmp::Ordering::Less => Some(Direction::Up),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Three steps 600 px apart; the viewport is 800 px high, so the line is at 400.
    fn tops(scrolled: f64) -> Vec<f64> {
        [900.0, 1500.0, 2100.0]
            .iter()
            .map(|t| t - scrolled)
            .collect()
    }

    #[test]
    fn the_line_sits_at_the_fraction_of_the_viewport() {
        assert_eq!(trigger_line(0.0, 800.0, 0.5), 400.0);
        assert_eq!(trigger_line(-300.0, 800.0, 0.5), 100.0);
        assert_eq!(trigger_line(0.0, -5.0, 0.5), 0.0);
    }

    #[test]
    fn before_the_first_step_the_first_is_active() {
        assert_eq!(active_step(3, |i| tops(0.0)[i], 400.0), Some(0));
    }

    #[test]
    fn a_step_activates_when_its_top_crosses_the_line() {
        assert_eq!(active_step(3, |i| tops(499.0)[i], 400.0), Some(0));
        assert_eq!(active_step(3, |i| tops(500.0)[i], 400.0), Some(0));
        assert_eq!(active_step(3, |i| tops(1100.0)[i], 400.0), Some(1));
        assert_eq!(active_step(3, |i| tops(1699.0)[i], 400.0), Some(1));
        assert_eq!(active_step(3, |i| tops(1700.0)[i], 400.0), Some(2));
    }

    #[test]
    fn past_the_last_step_the_last_stays_active() {
        assert_eq!(active_step(3, |i| tops(10_000.0)[i], 400.0), Some(2));
    }

    #[test]
    fn a_fling_or_reload_lands_directly_on_the_right_step() {
        // Straight from the top to far down: the answer is the step under the line, not a replay.
        assert_eq!(active_step(3, |i| tops(1800.0)[i], 400.0), Some(2));
        assert_eq!(direction(0, 2), Some(Direction::Down));
        // And back up.
        assert_eq!(active_step(3, |i| tops(0.0)[i], 400.0), Some(0));
        assert_eq!(direction(2, 0), Some(Direction::Up));
        assert_eq!(direction(1, 1), None);
    }

    #[test]
    fn the_trigger_comes_from_css_when_it_is_a_fraction() {
        assert_eq!(parse_trigger(" 0.8"), Some(0.8));
        assert_eq!(parse_trigger("0.5"), Some(0.5));
        assert_eq!(parse_trigger(""), None);
        assert_eq!(parse_trigger("80%"), None);
        assert_eq!(parse_trigger("1"), None);
        assert_eq!(parse_trigger("-0.2"), None);
        assert_eq!(parse_trigger("NaN"), None);
        assert_eq!(parse_trigger(".75"), Some(0.75));
        assert_eq!(parse_trigger("0.0"), None);
        assert_eq!(parse_trigger("0."), None);
        assert_eq!(parse_trigger("00.5"), None);
        assert_eq!(parse_trigger("0.5px"), None);
    }

    #[test]
    fn the_root_margin_cuts_the_viewport_at_the_line() {
        assert_eq!(root_margin(0.5), "0px 0px -50% 0px");
        assert_eq!(root_margin(0.8), "0px 0px -20% 0px");
    }

    #[test]
    fn no_steps_no_answer() {
        assert_eq!(
            active_step(0, |_| unreachable!("no step to read"), 400.0),
            None
        );
    }
}
