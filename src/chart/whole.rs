//! 100% bars: a whole drawn across the plot and the parts it is split into, with their labels
//! above and below the bar. SenseTime's 2020 sales are split so by division (the revenue mix) and
//! by customer, and set beside Megvii's revenue.

use super::builder::Chart;
use crate::data::figures::{Bound, Figure};
use crate::draw::scene::{Anchor, Bar, Grow, Rect, Size};
use crate::draw::theme::Rgba;

/// The key of SenseTime's 2020 sales wherever a chart draws them: the whole that the revenue mix
/// splits by division and the customers chart by customer, the row beside the money raised, the
/// revenue trend's 2020 column, SenseTime's whole beside Megvii's. One quantity, one mark, which
/// moves from chart to chart as the story goes.
pub(super) const SALES_2020: &str = "sales-2020";
/// Where SenseTime's 2020 sales stand as a 100% bar, from `y0` down to `y1`: the same in the
/// revenue mix and the customers chart, so that a reader going from one to the other sees the
/// one bar split anew.
pub(super) const SALES_BAR: (f64, f64) = (0.3, 0.58);
/// How strongly the whole of a 100% bar shows behind its parts: faintly, for where no part
/// covers it, it is the rest, not a figure (and too faint to be pointed at: `hit`).
const WHOLE_ALPHA: f64 = 0.35;
/// How far a 100% bar's labels sit from it, in lines of their own size: a part's name above
/// its value above the bar (or below, under the bar), so that both keep to the bar in a short
/// panel and never meet.
pub(super) const NAME_ABOVE: f64 = -3.2;
pub(super) const VALUE_ABOVE: f64 = -1.0;
pub(super) const NAME_BELOW: f64 = 1.0;
pub(super) const VALUE_BELOW: f64 = 2.6;

impl Chart {
    /// The whole of a 100% bar across the plot, from `y0` down to `y1`, drawn faintly behind its
    /// parts: 100% of something, not a figure of its own.
    pub(super) fn whole(&mut self, key: &str, (y0, y1): (f64, f64)) {
        let colour = self.theme.neutral.fade(WHOLE_ALPHA);
        let rect = Rect {
            x0: 0.0,
            y0,
            x1: 1.0,
            y1,
        };
        self.bar(key, rect, colour, Grow::Right, Bound::Exact);
    }

    /// A part of a 100% bar from `y0` down to `y1`: figure `f`, a percentage, from `from`
    /// percent of the whole on, drawn as its hedge says; `category: value` in the text
    /// alternative. The bar, to draw otherwise.
    pub(super) fn part(
        &mut self,
        key: &str,
        category: &str,
        f: &Figure,
        (from, (y0, y1)): (f64, (f64, f64)),
        colour: Rgba,
    ) -> &mut Bar {
        let said = self.said(f);
        self.point(category, &said);
        let rect = Rect {
            x0: from / 100.0,
            y0,
            x1: (from + f.value) / 100.0,
            y1,
        };
        self.shows(key, f.id);
        let at = self.scene.bars.len();
        self.bar(key, rect, colour, Grow::Right, f.bound());
        &mut self.scene.bars[at]
    }

    /// The label `key` at (`x`, `y`), `lines` of its own size below (negative: above), bold:
    /// a part's name or value beside its bar.
    pub(super) fn tag(
        &mut self,
        key: &str,
        text: &str,
        (x, y): (f64, f64),
        anchor: Anchor,
        lines: f64,
    ) {
        let ink = self.theme.ink;
        self.at(key, text, (x, y), anchor, Size::Body, ink);
        self.nudge(lines);
    }
}
