//! Draws a [`Scene`] onto any plotters drawing area: a canvas in the browser, SVG in tests and at build time.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::figures::Bound;
use crate::scene::{Anchor, Bar, Grow, Label, Rect, Scene, Slot};
use crate::theme::{Rgba, Theme};

/// The font stack: the reader's system font, no web font to download.
pub const FONT: &str = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";

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

fn colour(c: Rgba) -> RGBAColor {
    RGBAColor(c.r, c.g, c.b, c.a)
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

fn stroke(c: Rgba, width: f64) -> ShapeStyle {
    ShapeStyle {
        color: colour(c),
        filled: false,
        stroke_width: width.round().max(1.0) as u32,
    }
}

type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws `scene` filling `area`, at `scale` device pixels per CSS pixel.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scene: &Scene,
    theme: &Theme,
    scale: f64,
) -> Drawn<DB> {
    let (w, h) = area.dim_in_pixel();
    let mut layout = Layout::new(f64::from(w), f64::from(h), scale);
    if scene.has_footnote() {
        layout = layout.with_footnote();
    }
    area.fill(&colour(theme.background))?;
    for line in &scene.lines {
        let from = layout.point(line.from.0, line.from.1);
        let to = layout.point(line.to.0, line.to.1);
        let style = stroke(line.colour, line.width * layout.scale);
        if line.dashed {
            dashed(area, from, to, style, &layout)?;
        } else {
            area.draw(&PathElement::new(
                vec![(px(from.0), px(from.1)), (px(to.0), px(to.1))],
                style,
            ))?;
        }
    }
    for bar in &scene.bars {
        draw_bar(area, bar, &layout)?;
    }
    for dot in &scene.dots {
        let (x, y) = layout.point(dot.at.0, dot.at.1);
        let r = (dot.radius * layout.scale).round();
        if r >= 1.0 && dot.colour.a > 0.0 {
            area.draw(&Circle::new(
                (px(x), px(y)),
                r as i32,
                colour(dot.colour).filled(),
            ))?;
        }
    }
    for label in &scene.labels {
        draw_label(area, label, &layout)?;
    }
    Ok(())
}

fn dashed<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    from: (f64, f64),
    to: (f64, f64),
    style: ShapeStyle,
    layout: &Layout,
) -> Drawn<DB> {
    let (dash, gap) = (5.0 * layout.scale, 4.0 * layout.scale);
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 0.5 {
        return Ok(());
    }
    let mut at = 0.0;
    while at < len {
        let end = (at + dash).min(len);
        let p = |d: f64| (px(from.0 + dx * d / len), px(from.1 + dy * d / len));
        area.draw(&PathElement::new(vec![p(at), p(end)], style))?;
        at = end + gap;
    }
    Ok(())
}

fn draw_bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    bar: &Bar,
    layout: &Layout,
) -> Drawn<DB> {
    let r = layout.rect(bar.rect);
    if bar.colour.a <= 0.0 || (r.x1 - r.x0).abs() < 0.5 || (r.y1 - r.y0).abs() < 0.5 {
        return Ok(());
    }
    let fill = |c: Rgba, r: Rect| {
        Rectangle::new(
            [(px(r.x0), px(r.y0)), (px(r.x1), px(r.y1))],
            colour(c).filled(),
        )
    };
    let s = layout.scale;
    match bar.bound {
        Bound::Exact => area.draw(&fill(bar.colour, r))?,
        // The truth lies beyond the end: a solid bar trailing off past it.
        Bound::Lower => {
            area.draw(&fill(bar.colour, r))?;
            for (i, alpha) in [0.55, 0.3, 0.12].into_iter().enumerate() {
                let (a, b) = (3.0 + 5.0 * i as f64, 7.0 + 5.0 * i as f64);
                let strip = match bar.grow {
                    Grow::Right => Rect {
                        x0: r.x1 + a * s,
                        x1: r.x1 + b * s,
                        ..r
                    },
                    Grow::Up => Rect {
                        y0: r.y0 - b * s,
                        y1: r.y0 - a * s,
                        ..r
                    },
                };
                area.draw(&fill(bar.colour.fade(alpha), strip))?;
            }
        }
        // The truth lies below the end: a pale bar capped by a dashed ceiling.
        Bound::Upper => {
            area.draw(&fill(bar.colour.fade(0.35), r))?;
            let (from, to) = match bar.grow {
                Grow::Right => ((r.x1, r.y0), (r.x1, r.y1)),
                Grow::Up => ((r.x0, r.y0), (r.x1, r.y0)),
            };
            dashed(area, from, to, stroke(bar.colour, 2.5 * s), layout)?;
        }
        // Worked out from rounded numbers: a lighter bar with a dashed outline.
        Bound::Approximate => {
            area.draw(&fill(bar.colour.fade(0.55), r))?;
            let style = stroke(bar.colour, 1.5 * s);
            for (a, b) in [
                ((r.x0, r.y0), (r.x1, r.y0)),
                ((r.x1, r.y0), (r.x1, r.y1)),
                ((r.x1, r.y1), (r.x0, r.y1)),
                ((r.x0, r.y1), (r.x0, r.y0)),
            ] {
                dashed(area, a, b, style, layout)?;
            }
        }
    }
    Ok(())
}

fn draw_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    label: &Label,
    layout: &Layout,
) -> Drawn<DB> {
    if label.colour.a <= 0.0 || label.text.is_empty() {
        return Ok(());
    }
    let (x, y) = layout.label_point(label.slot);
    let h = match label.anchor {
        Anchor::Start => HPos::Left,
        Anchor::Middle => HPos::Center,
        Anchor::End => HPos::Right,
    };
    let weight = if label.bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    let font = FontDesc::new(
        FontFamily::Name(FONT),
        label.size.px() * layout.scale,
        weight,
    );
    let fill = colour(label.colour);
    let style = TextStyle::from(font)
        .color(&fill)
        .pos(Pos::new(h, VPos::Center));
    // Lines after the first run down from the anchor, 1.4 lines apart.
    let leading = label.size.px() * 1.4 * layout.scale;
    for (i, line) in label.text.lines().enumerate() {
        area.draw(&Text::new(
            line,
            (px(x), px(y + leading * i as f64)),
            style.clone(),
        ))?;
    }
    Ok(())
}

/// `scene` as an SVG document of `width` × `height` pixels: the static charts of the page, and tests.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_svg(scene: &Scene, theme: &Theme, (width, height): (u32, u32)) -> String {
    let mut out = String::new();
    {
        let backend = plotters_svg::SVGBackend::with_string(&mut out, (width, height));
        let area = backend.into_drawing_area();
        draw(&area, scene, theme, 1.0).expect("drawing to a string cannot fail");
        area.present().expect("presenting to a string cannot fail");
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::charts::ChartState;
    use crate::locale::Locale;
    use crate::theme::LIGHT;

    fn svg(state: ChartState, w: u32, h: u32) -> String {
        to_svg(&state.scene(&LIGHT, &Locale::default()), &LIGHT, (w, h))
    }

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
    fn every_state_draws_its_marks_and_words_to_svg() {
        for (state, locale) in ChartState::ALL
            .into_iter()
            .flat_map(|s| Locale::all().map(|l| (s, l)))
        {
            let scene = state.scene(&LIGHT, &locale);
            let out = to_svg(&scene, &LIGHT, (600, 500));
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/charts");
            std::fs::create_dir_all(&dir).expect("target/ should be writable");
            let name = match (locale.lang.code(), locale.currency.id()) {
                ("en", "reported") => format!("{}.svg", state.id()),
                (lang, currency) => format!("{}-{lang}-{currency}.svg", state.id()),
            };
            std::fs::write(dir.join(name), &out).expect("target/ should be writable");
            assert!(
                out.contains(&LIGHT.background.css_hex().to_uppercase())
                    || out.contains(&LIGHT.background.css_hex()),
                "{}: no background",
                state.id()
            );
            for line in scene.labels.iter().flat_map(|l| l.text.lines()) {
                let escaped = line
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
                    .replace('"', "&quot;")
                    .replace('\'', "&apos;");
                assert!(out.contains(&escaped), "{}: {line:?} not drawn", state.id());
            }
            let rects = out.matches("<rect").count();
            assert!(
                rects > scene.bars.len(),
                "{}: {rects} rects for {} bars",
                state.id(),
                scene.bars.len()
            );
            assert_eq!(
                out.matches("<circle").count(),
                scene.dots.len(),
                "{}",
                state.id()
            );
        }
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
        let funding = crate::locale::Locale {
            currency: crate::locale::Currency::Rmb,
            ..Locale::default()
        };
        assert!(ChartState::Funding.scene(&LIGHT, &funding).has_footnote());
        assert!(!ChartState::Funding
            .scene(&LIGHT, &Locale::default())
            .has_footnote());
    }

    #[test]
    fn hedges_change_how_a_bar_is_drawn() {
        // The funding chart's "more than" bar trails off in three fading strips.
        let out = svg(ChartState::Funding, 600, 500);
        let solid = ChartState::Funding
            .scene(&LIGHT, &Locale::default())
            .bars
            .len();
        assert_eq!(out.matches("<rect").count(), 1 + solid + 3);
        // The helmets chart's "under 50%" bar is pale and capped by dashes.
        let helmets = svg(ChartState::Helmets, 600, 500);
        assert!(helmets.contains("opacity=\"0.35\""), "no pale bar");
        assert!(
            helmets.matches("<polyline").count() >= 4,
            "no dashed ceiling"
        );
    }
}
