//! Where things go on a drawing surface: the header, plot, footnote and source line, scaled by
//! the screen's pixel density, and the font stacks.

use std::borrow::Cow;

use super::scene::{Anchor, Label, Rect, Scene, Size, Slot, Units};
use crate::text::format;

/// The font stack: the reader's system font, no web font to download. Every browser that runs
/// the story (Wasm, `:has()`) knows `system-ui`, so the older names for the same fonts
/// (-apple-system, Segoe UI, Roboto) would only be lookups that miss, each a round trip to the
/// font service on Linux before the first paint. The page's sans-serif too (`--sans`, written
/// into `style.css` by `cargo xtask dist`).
pub const FONT: &str = "system-ui, sans-serif";

/// The font stack for Chinese, the charts' and the page's (`--cjk`, written into `style.css` by
/// `cargo xtask dist`), so the chart's characters look like the prose's. It names the font each
/// system ships with Simplified Chinese glyphs, so the browser finds one at once instead of
/// searching its fallbacks character by character: PingFang SC (Apple), Microsoft YaHei
/// (Windows), Noto Sans CJK SC (Android, ChromeOS, most Linux), WenQuanYi Micro Hei (older
/// Linux). They come before any Latin font, so the quotation marks “” and other shared
/// punctuation take their full-width Chinese forms, and each has Latin letters made to sit with
/// its Han characters, so no Latin font follows them. `system-ui` is left out:
/// on a Japanese-locale system it would draw Han characters in Japanese forms.
pub const FONT_ZH: &str =
    "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif";

/// The font stack for `scene`: Chinese if any of its words are. A build that speaks one language
/// knows without looking (this runs every frame).
pub fn font_for(scene: &Scene) -> &'static str {
    match (cfg!(feature = "en"), cfg!(feature = "zh")) {
        (true, false) => return FONT,
        (false, true) => return FONT_ZH,
        _ => {}
    }
    let chinese = |c: char| matches!(c, '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}');
    if scene.labels.iter().any(|l| l.text.chars().any(chinese)) {
        FONT_ZH
    } else {
        FONT
    }
}

/// Where things go on a surface of `width` × `height` device pixels at `scale` device pixels per CSS pixel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    pub scale: f64,
    /// How much text is shrunk to fit a narrow surface: 1 from [`FULL_TYPE_WIDTH`] CSS pixels
    /// wide up, down to [`SMALLEST_TYPE`] on the narrowest phones.
    pub type_scale: f64,
    /// The surface's width, in device pixels.
    pub width: f64,
    pub pad: f64,
    pub title_y: f64,
    pub subtitle_y: f64,
    pub source_y: f64,
    /// Where a footnote goes, just above the source line.
    pub footnote_y: f64,
    /// Where the key to hedged marks goes: above the footnote, or in its place.
    pub key_y: f64,
    /// The plot area, in device pixels.
    pub plot: Rect,
}

/// A footnote line's height, in CSS pixels.
const FOOTNOTE_LINE: f64 = 16.0;

/// The narrowest surface, in CSS pixels, whose text is drawn at full size: a 390 px phone's.
pub const FULL_TYPE_WIDTH: f64 = 390.0;
/// The least text is shrunk to, on a 280 px phone: its small labels stay over 10 px.
pub const SMALLEST_TYPE: f64 = 0.86;

impl Layout {
    pub fn new(width: f64, height: f64, scale: f64) -> Layout {
        let s = scale.max(0.1);
        let type_scale = (width / s / FULL_TYPE_WIDTH).clamp(SMALLEST_TYPE, 1.0);
        let pad = 14.0 * s;
        let title_y = pad + 10.0 * s * type_scale;
        let subtitle_y = title_y + 24.0 * s * type_scale;
        let source_y = height - pad - 6.0 * s;
        let top = (subtitle_y + 30.0 * s).min(height);
        let bottom = (source_y - 24.0 * s).max(top);
        Layout {
            scale: s,
            type_scale,
            width,
            pad,
            title_y,
            subtitle_y,
            source_y,
            footnote_y: source_y - FOOTNOTE_LINE * s,
            key_y: source_y - FOOTNOTE_LINE * s,
            plot: Rect {
                x0: pad,
                y0: top,
                x1: (width - pad).max(pad),
                y1: bottom,
            },
        }
    }

    /// The layout with room for a footnote line between the plot and the source line.
    /// The layout `scene` is drawn in: room for its footnote only if it has one.
    pub fn for_scene(scene: &Scene, width: f64, height: f64, scale: f64) -> Layout {
        let mut layout = Layout::new(width, height, scale);
        // A source line of two (a chart standing alone names who calculated on a line of its
        // own): everything under the plot moves up a line to make room for the second.
        let more = scene
            .text("source")
            .map_or(0, |s| s.lines().count().saturating_sub(1));
        for _ in 0..more {
            let up = FOOTNOTE_LINE * layout.scale;
            layout.source_y -= up;
            layout.footnote_y -= up;
            layout.key_y -= up;
            layout = layout.with_footnote();
        }
        if scene.has_footnote() {
            layout = layout.with_footnote();
            layout.key_y = layout.footnote_y - FOOTNOTE_LINE * layout.scale;
        }
        if scene.has_key() {
            layout = layout.with_footnote();
        }
        layout
    }

    /// The layout with room for one more line between the plot and the source line.
    pub fn with_footnote(mut self) -> Layout {
        self.plot.y1 = (self.plot.y1 - FOOTNOTE_LINE * self.scale).max(self.plot.y0);
        self
    }

    /// A text size in device pixels, shrunk as the surface's width asks.
    pub fn text_px(&self, size: Size) -> f64 {
        size.px() * self.scale * self.type_scale
    }

    /// A point in plot coordinates, in device pixels.
    pub fn point(&self, x: f64, y: f64) -> (f64, f64) {
        let p = self.plot;
        (p.x0 + x * (p.x1 - p.x0), p.y0 + y * (p.y1 - p.y0))
    }

    /// A rectangle in plot coordinates, in device pixels.
    pub fn rect(&self, r: Rect) -> Rect {
        let (x0, y0) = self.point(r.x0, r.y0);
        let (x1, y1) = self.point(r.x1, r.y1);
        Rect { x0, y0, x1, y1 }
    }

    /// Where a label's anchor point lands, in device pixels.
    pub fn label_point(&self, slot: Slot) -> (f64, f64) {
        match slot {
            Slot::Title => (self.pad, self.title_y),
            Slot::Subtitle => (self.pad, self.subtitle_y),
            Slot::Source => (self.pad, self.source_y),
            Slot::Footnote => (self.pad, self.footnote_y),
            Slot::Key => (self.pad, self.key_y),
            Slot::Plot(x, y) => self.point(x, y),
        }
    }
}

/// How wide a line of text is, as a share of its font size, for a character of Latin text in a
/// system sans-serif: a generous average (DejaVu Sans, Linux's usual system-ui, is among the
/// widest), so that an estimate errs wide. A CJK character counts twice ([`format::width`]).
const EM_PER_CHAR: f64 = 0.64;
const EM_PER_CHAR_BOLD: f64 = 0.68;
/// How close to the surface's edge text may come, in CSS pixels: into the padding, not past it.
const EDGE: f64 = 4.0;

/// The least a label is shrunk to fit between its anchor and the surface's edges; a title,
/// subtitle, footnote or source line, which cannot take a second line, a little further.
pub const SMALLEST_FIT: f64 = 0.8;
pub const SMALLEST_LINE_FIT: f64 = 0.7;

/// How wide the widest line of `text` is at `size` device pixels, estimated from its
/// characters (Rust cannot ask the browser's fonts), erring wide.
fn text_width(text: &str, bold: bool, size: f64) -> f64 {
    let per_char = if bold { EM_PER_CHAR_BOLD } else { EM_PER_CHAR };
    let widest = text.lines().map(format::width).max().unwrap_or(0);
    widest as f64 * per_char * size
}

/// Where `label`'s first line is centred, in device pixels: its slot, nudged by its size on
/// this surface (before any shrinking to fit, so a shrunk label keeps its distance).
pub fn label_at(label: &Label, layout: &Layout) -> (f64, f64) {
    let (x, y) = layout.label_point(label.slot);
    (x, y + label.nudge * layout.text_px(label.size))
}

/// How `label` is drawn on this surface: its lines and their size in device pixels. Its size is
/// the surface's, shrunk (down to [`SMALLEST_FIT`] of it) if the text would otherwise run past
/// the surface's padding or its own room; if even that is too wide, it says its short form if
/// it has one, or else breaks at its last comma ("more than Rmb19bn,\nconverted").
pub fn fitted<'a>(label: &'a Label, layout: &Layout) -> (Cow<'a, str>, f64) {
    let size = layout.text_px(label.size);
    let (x, _) = layout.label_point(label.slot);
    let edge = EDGE * layout.scale;
    let (left, right) = (edge, layout.width - edge);
    let to_edges = match label.anchor {
        Anchor::Start => right - x,
        Anchor::Middle => 2.0 * (x - left).min(right - x),
        Anchor::End => x - left,
    };
    let room = if label.room > 0.0 {
        to_edges.min(label.room * (layout.plot.x1 - layout.plot.x0))
    } else {
        to_edges
    };
    let fit = |text: &str| {
        let width = text_width(text, label.bold, size);
        if width <= room || width <= 0.0 {
            size
        } else {
            size * (room / width).max(0.0)
        }
    };
    // A header or footer line has no room for a second line: it shrinks further instead.
    let in_plot = matches!(label.slot, Slot::Plot(..));
    let floor = size
        * if in_plot {
            SMALLEST_FIT
        } else {
            SMALLEST_LINE_FIT
        };
    let whole = fit(&label.text);
    if whole >= floor || !in_plot {
        return (Cow::Borrowed(&label.text), whole.max(floor));
    }
    if !label.short.is_empty() {
        return (Cow::Borrowed(&label.short), fit(&label.short).max(floor));
    }
    // A split at a char, not a slice at an index or a search for a string: neither the slice's
    // panic message nor the substring searcher comes into the Wasm.
    match label.text.rsplit_once(',') {
        Some((head, tail)) if !label.text.contains('\n') => {
            let broken = format!("{head},\n{}", tail.trim_start());
            let px = fit(&broken).max(floor);
            (Cow::Owned(broken), px)
        }
        _ => (Cow::Borrowed(&label.text), floor),
    }
}

/// The box a label's text takes, in device pixels, estimated from its characters: for tests
/// that check no text leaves the surface or sits on another.
pub fn label_box(label: &Label, layout: &Layout) -> Rect {
    let (text, size) = fitted(label, layout);
    let (x, y) = label_at(label, layout);
    let width = text_width(&text, label.bold, size);
    let lines = text.lines().count().max(1) as f64;
    // The anchor is the first line's middle; each further line is 1.4 sizes lower.
    let (top, bottom) = (y - size * 0.6, y + size * 0.6 + (lines - 1.0) * size * 1.4);
    let x0 = match label.anchor {
        Anchor::Start => x,
        Anchor::Middle => x - width / 2.0,
        Anchor::End => x - width,
    };
    Rect {
        x0,
        y0: top,
        x1: x0 + width,
        y1: bottom,
    }
}

/// The side of one unit mark, in whole device pixels, for every count in `scene` alike: the
/// largest square that lets each count fit its area, row by row.
pub fn unit_side(scene: &Scene, layout: &Layout) -> f64 {
    scene
        .units
        .iter()
        .filter(|u| u.count >= 1.0)
        .map(|u| {
            let r = layout.rect(u.area);
            let (w, h) = ((r.x1 - r.x0).max(0.0), (r.y1 - r.y0).max(0.0));
            let n = (u.count.ceil() as usize + trail(u)) as f64;
            // The largest side s with ceil(n / floor(w / s)) rows of s fitting h.
            let mut side = (w * h / n).sqrt();
            while side > 0.5 && ((n / (w / side).floor().max(1.0)).ceil() * side > h) {
                side *= 0.98;
            }
            side
        })
        .fold(f64::INFINITY, f64::min)
        // Whole device pixels, so that every square and every gap is drawn alike.
        .floor()
}

/// The fading marks that follow an open count ("at least 500"), each mark's opacity.
pub const OPEN_TRAIL: [f64; 3] = [0.5, 0.25, 0.1];

/// How many marks follow `units`' last: [`OPEN_TRAIL`]'s if it is open, none if not.
fn trail(units: &Units) -> usize {
    if units.open {
        OPEN_TRAIL.len()
    } else {
        0
    }
}

/// How many columns of marks of `side` device pixels fit `units`' area.
pub fn unit_columns(units: &Units, side: f64, layout: &Layout) -> usize {
    let r = layout.rect(units.area);
    ((r.x1 - r.x0) / side).floor().max(1.0) as usize
}

/// The square of mark `i` of `units`, in device pixels, with a gap to its neighbours.
pub fn unit_cell(units: &Units, i: usize, side: f64, columns: usize, layout: &Layout) -> Rect {
    let r = layout.rect(units.area);
    let gap = (side * 0.2).round().max(layout.scale.round().max(1.0));
    let (col, row) = ((i % columns) as f64, (i / columns) as f64);
    let (x0, y0) = (r.x0 + col * side, r.y0 + row * side);
    Rect {
        x0,
        y0,
        x1: x0 + side - gap,
        y1: y0 + side - gap,
    }
}

/// The box the marks of `units` take, in device pixels (their open end included).
pub fn unit_bounds(units: &Units, side: f64, layout: &Layout) -> Rect {
    let columns = unit_columns(units, side, layout);
    let n = units.count.ceil() as usize + trail(units);
    let r = layout.rect(units.area);
    let rows = n.div_ceil(columns).max(1) as f64;
    let cols = n.min(columns) as f64;
    Rect {
        x0: r.x0,
        y0: r.y0,
        x1: r.x0 + cols * side,
        y1: r.y0 + rows * side,
    }
}

/// How far a lower bound's bar trails off past its end, in CSS pixels: where the last of its
/// fading strips ends (`render::draw_bar`). Hit-testing counts the trail as part of the bar.
pub const TRAIL_REACH: f64 = 17.0;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::ChartId;
    use crate::draw::theme::LIGHT;
    use crate::text::locale::Locale;

    #[test]
    fn the_plot_sits_between_header_and_source_line() {
        let l = Layout::new(600.0, 500.0, 1.0);
        assert!(l.title_y < l.subtitle_y && l.subtitle_y < l.plot.y0);
        assert!(l.plot.y1 < l.source_y && l.source_y < 500.0);
        assert_eq!((l.plot.x0, l.plot.x1), (14.0, 586.0));
        assert_eq!(l.point(0.5, 0.0), (300.0, l.plot.y0));
    }

    #[test]
    fn layout_scales_with_device_pixels() {
        let one = Layout::new(400.0, 400.0, 1.0);
        let three = Layout::new(1200.0, 1200.0, 3.0);
        assert!((three.plot.x0 - one.plot.x0 * 3.0).abs() < 1e-9);
        assert!((three.plot.y1 - one.plot.y1 * 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_tiny_surface_does_not_invert_the_plot() {
        let l = Layout::new(20.0, 20.0, 1.0);
        assert!(l.plot.x0 <= l.plot.x1 && l.plot.y0 <= l.plot.y1);
    }

    #[test]
    fn a_footnote_takes_room_from_the_plot_above_the_source_line() {
        let plain = Layout::new(600.0, 500.0, 2.0);
        let noted = plain.with_footnote();
        assert!(noted.plot.y1 < plain.plot.y1);
        assert!(noted.plot.y1 < noted.footnote_y && noted.footnote_y < noted.source_y);
        assert_eq!(
            noted.label_point(Slot::Footnote),
            (noted.pad, noted.footnote_y)
        );
        let funding = crate::text::locale::Locale {
            currency: crate::text::money::Currency::Rmb,
            ..Locale::default()
        };
        assert!(ChartId::Funding.scene(&LIGHT, &funding).has_footnote());
        assert!(!ChartId::Funding
            .scene(&LIGHT, &Locale::default())
            .has_footnote());
    }
}
