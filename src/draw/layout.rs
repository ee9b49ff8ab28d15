//! Where things go on a drawing surface: the header, plot, footnote and source line, scaled by
//! the screen's pixel density, and the font stacks.

use super::scene::{Rect, Scene, Slot};

/// The font stack: the reader's system font, no web font to download.
pub const FONT: &str = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";

/// The font stack of a chart in Chinese: the page's own for Chinese (`--cjk` in style.css), so
/// the chart's characters look like the prose's, and the browser finds a font for them at once
/// instead of searching its fallbacks character by character.
pub const FONT_ZH: &str = "PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, \
    Source Han Sans SC, WenQuanYi Micro Hei, -apple-system, BlinkMacSystemFont, Segoe UI, Roboto, \
    Arial, sans-serif";

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
    pub pad: f64,
    pub title_y: f64,
    pub subtitle_y: f64,
    pub source_y: f64,
    /// Where a footnote goes, just above the source line.
    pub footnote_y: f64,
    /// The plot area, in device pixels.
    pub plot: Rect,
}

impl Layout {
    pub fn new(width: f64, height: f64, scale: f64) -> Layout {
        let s = scale.max(0.1);
        let pad = 14.0 * s;
        let title_y = pad + 10.0 * s;
        let subtitle_y = title_y + 24.0 * s;
        let source_y = height - pad - 6.0 * s;
        let top = (subtitle_y + 30.0 * s).min(height);
        let bottom = (source_y - 24.0 * s).max(top);
        Layout {
            scale: s,
            pad,
            title_y,
            subtitle_y,
            source_y,
            footnote_y: source_y - 16.0 * s,
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
        let layout = Layout::new(width, height, scale);
        if scene.has_footnote() {
            layout.with_footnote()
        } else {
            layout
        }
    }

    pub fn with_footnote(mut self) -> Layout {
        self.plot.y1 = (self.plot.y1 - 16.0 * self.scale).max(self.plot.y0);
        self
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
            Slot::Plot(x, y) => self.point(x, y),
        }
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
