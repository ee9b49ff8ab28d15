//! A chart as a flat list of keyed marks in unit coordinates: what the renderer draws and the tween interpolates.
//!
//! Plot coordinates run from (0, 0) at the top left of the plot area to (1, 1) at its bottom right;
//! text sizes and line widths are in CSS pixels. Marks with the same key in two scenes are the same
//! thing, so a transition moves them instead of replacing them.

use crate::data::figures::Bound;
use crate::draw::theme::Rgba;

/// A rectangle in plot coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn contains(&self, x: f64, y: f64) -> bool {
        (self.x0..=self.x1).contains(&x) && (self.y0..=self.y1).contains(&y)
    }
}

/// Which way a bar's value runs: it grows from the other end when it enters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grow {
    Right,
    Up,
    /// From its right end leftwards: the last part of a whole, whose hedge lies at its left edge.
    Left,
}

/// A bar, or any filled box.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub key: String,
    pub rect: Rect,
    pub colour: Rgba,
    pub grow: Grow,
    /// A hedged value is drawn so that it looks hedged: open-ended, or as a ceiling.
    pub bound: Bound,
}

impl Bar {
    /// The bar shrunk to nothing at its base, where it enters from and leaves to.
    pub fn collapsed(&self) -> Bar {
        let mut r = self.rect;
        match self.grow {
            Grow::Right => r.x1 = r.x0,
            Grow::Up => r.y0 = r.y1,
            Grow::Left => r.x0 = r.x1,
        }
        Bar {
            rect: r,
            colour: self.colour.fade(0.0),
            ..self.clone()
        }
    }
}

/// Where a text sits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Slot {
    /// The chart title, above the plot.
    Title,
    /// The line under the title saying what is measured.
    Subtitle,
    /// The source line, under the plot.
    Source,
    /// A line just above the source line (how amounts were converted); the plot makes room for it.
    Footnote,
    /// The key to the chart's hedged marks, a line above the footnote (or in its place).
    Key,
    /// A point in plot coordinates.
    Plot(f64, f64),
}

/// Which part of the text sits on its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// Text sizes, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    Small,
    Body,
    Large,
    Huge,
}

impl Size {
    pub fn px(self) -> f64 {
        match self {
            Size::Small => 12.0,
            Size::Body => 14.0,
            Size::Large => 19.0,
            Size::Huge => 30.0,
        }
    }
}

/// A piece of text; its vertical anchor is its middle.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub key: String,
    pub text: String,
    pub slot: Slot,
    pub anchor: Anchor,
    pub size: Size,
    pub bold: bool,
    pub colour: Rgba,
    /// How far the text sits below its slot, in lines of its size on the surface, before any
    /// shrinking to fit (negative: above):
    /// the gap between a mark and its label stays the same in a short panel as in a tall one.
    pub nudge: f64,
    /// The widest the text may be, in plot widths (0: up to the surface's edge), for labels that
    /// share a row with neighbours: columns' values and categories, a table's headers.
    pub room: f64,
    /// A shorter way to say the same, for when the text would not fit its room ("H1 '20",
    /// "3.03bn" under a subtitle that names the currency); empty if there is none.
    pub short: String,
}

/// A straight line: axis, gridline, connector or range.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub key: String,
    pub from: (f64, f64),
    pub to: (f64, f64),
    pub colour: Rgba,
    /// In CSS pixels.
    pub width: f64,
    pub dashed: bool,
    /// Drawn over the bars (a connector), not under them (a rule or gridline).
    pub over: bool,
}

/// A filled circle, radius in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    pub key: String,
    pub at: (f64, f64),
    pub radius: f64,
    pub colour: Rgba,
}

/// A count drawn as things you can count: `count` small squares filling `area` row by row, as
/// large as the area allows and the same size as every other count in the scene, so that two
/// counts compare by their areas. An open count ("at least 500") trails off after its last mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Units {
    pub key: String,
    /// The area the marks fill from its top left, in plot coordinates.
    pub area: Rect,
    /// How many marks; fractional only in the middle of a transition, which counts up or down.
    pub count: f64,
    pub colour: Rgba,
    /// A lower bound: a trail of fading marks follows the last (`layout::OPEN_TRAIL`).
    pub open: bool,
}

/// Everything one chart draws.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    pub bars: Vec<Bar>,
    pub lines: Vec<Line>,
    pub dots: Vec<Dot>,
    pub units: Vec<Units>,
    pub labels: Vec<Label>,
}

impl Scene {
    /// The text of the label with this key, if any.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.labels
            .iter()
            .find(|l| l.key == key)
            .map(|l| l.text.as_str())
    }

    /// Whether the scene has a footnote, for which the layout makes room.
    pub fn has_footnote(&self) -> bool {
        self.labels.iter().any(|l| l.slot == Slot::Footnote)
    }

    pub fn has_key(&self) -> bool {
        self.labels.iter().any(|l| l.slot == Slot::Key)
    }

    /// The bar with this key, if any.
    pub fn bar(&self, key: &str) -> Option<&Bar> {
        self.bars.iter().find(|b| b.key == key)
    }
}
