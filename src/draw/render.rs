//! Paints a [`Scene`] onto any plotters drawing backend: a canvas in the browser, SVG in tests and at build time.
//!
//! It calls the backend's own methods rather than going through plotters' `DrawingArea` and
//! elements, whose machinery the Wasm would otherwise carry for no gain: the calls are the same.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendColor, BackendTextStyle, DrawingErrorKind};

use super::layout::{
    fitted, font_for, label_at, unit_cell, unit_columns, unit_side, Layout, OPEN_TRAIL,
};
use super::scene::{Anchor, Bar, Grow, Label, Line, Rect, Scene, Units};
use super::theme::{Rgba, Theme};
use crate::data::figures::Bound;

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

type Drawn<DB> = Result<(), DrawingErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws `scene` filling `backend`, at `scale` device pixels per CSS pixel. The caller presents it.
pub fn draw<DB: DrawingBackend>(
    backend: &mut DB,
    scene: &Scene,
    theme: &Theme,
    scale: f64,
) -> Drawn<DB> {
    draw_lettered(backend, scene, theme, scale, 1.0)
}

/// As [`draw`], handing the backend each text size times `lettering`, for a backend that shrinks
/// the sizes it is given (see [`to_svg`]).
fn draw_lettered<DB: DrawingBackend>(
    backend: &mut DB,
    scene: &Scene,
    theme: &Theme,
    scale: f64,
    lettering: f64,
) -> Drawn<DB> {
    let (w, h) = backend.get_size();
    let layout = Layout::for_scene(scene, f64::from(w), f64::from(h), scale);
    backend.ensure_prepared()?;
    let corner = (w as i32, h as i32);
    let ground = colour(theme.background).to_backend_color();
    backend.draw_rect((0, 0), corner, &ground, true)?;
    let surface = &mut Surface { backend, corner };
    let family = font_for(scene);
    for line in scene.lines.iter().filter(|l| !l.over) {
        draw_line(surface, line, &layout)?;
    }
    for bar in &scene.bars {
        draw_bar(surface, bar, &layout)?;
    }
    let side = unit_side(scene, &layout);
    for units in &scene.units {
        draw_units(surface, units, side, &layout)?;
    }
    for dot in &scene.dots {
        let r = (dot.radius * layout.scale).round();
        if r >= 1.0 && dot.colour.a > 0.0 {
            surface.dot(layout.point(dot.at.0, dot.at.1), r as u32, dot.colour)?;
        }
    }
    for line in scene.lines.iter().filter(|l| l.over) {
        draw_line(surface, line, &layout)?;
    }
    for label in &scene.labels {
        draw_label(surface, label, &layout, family, lettering)?;
    }
    Ok(())
}

/// A backend and how far its surface reaches. Every point is rounded to whole device pixels and
/// held within the surface, as plotters' `DrawingArea` holds the points of what is drawn on it:
/// a mark past an edge is drawn against that edge, as it always was.
struct Surface<'a, DB> {
    backend: &'a mut DB,
    /// The far corner: points are held within (0, 0) ..= this.
    corner: (i32, i32),
}

impl<DB: DrawingBackend> Surface<'_, DB> {
    fn at(&self, (x, y): (f64, f64)) -> (i32, i32) {
        (
            px(x).min(self.corner.0).max(0),
            px(y).min(self.corner.1).max(0),
        )
    }

    /// A straight stroke from `a` to `b`.
    fn line(&mut self, a: (f64, f64), b: (f64, f64), style: ShapeStyle) -> Drawn<DB> {
        let points = [self.at(a), self.at(b)];
        self.backend.draw_path(points, &style)
    }

    /// `r` filled with `c`.
    fn fill(&mut self, c: Rgba, r: Rect) -> Drawn<DB> {
        let ((x0, y0), (x1, y1)) = (self.at((r.x0, r.y0)), self.at((r.x1, r.y1)));
        let (a, b) = ((x0.min(x1), y0.min(y1)), (x0.max(x1), y0.max(y1)));
        self.backend.draw_rect(a, b, &colour(c).filled(), true)
    }

    /// A disc of `radius` pixels around `centre`.
    fn dot(&mut self, centre: (f64, f64), radius: u32, c: Rgba) -> Drawn<DB> {
        let centre = self.at(centre);
        self.backend
            .draw_circle(centre, radius, &colour(c).filled(), true)
    }

    /// One line of text anchored at `at`.
    fn text(&mut self, text: &str, style: &Lettering, at: (f64, f64)) -> Drawn<DB> {
        let at = self.at(at);
        self.backend.draw_text(text, style, at)
    }
}

fn dashed<DB: DrawingBackend>(
    surface: &mut Surface<DB>,
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
        let p = |d: f64| (from.0 + dx * d / len, from.1 + dy * d / len);
        surface.line(p(at), p(end), style)?;
        at = end + gap;
    }
    Ok(())
}

fn draw_line<DB: DrawingBackend>(
    surface: &mut Surface<DB>,
    line: &Line,
    layout: &Layout,
) -> Drawn<DB> {
    let from = layout.point(line.from.0, line.from.1);
    let to = layout.point(line.to.0, line.to.1);
    let style = stroke(line.colour, line.width * layout.scale);
    if line.dashed {
        dashed(surface, from, to, style, layout)
    } else {
        surface.line(from, to, style)
    }
}

/// A count as marks: whole marks in full colour, a fractional last one (mid-transition) fainter,
/// and after an open count its fading trail.
fn draw_units<DB: DrawingBackend>(
    surface: &mut Surface<DB>,
    units: &Units,
    side: f64,
    layout: &Layout,
) -> Drawn<DB> {
    if units.colour.a <= 0.0 || !side.is_finite() || side < 1.0 {
        return Ok(());
    }
    let columns = unit_columns(units, side, layout);
    let whole = units.count.floor() as usize;
    for i in 0..whole {
        surface.fill(units.colour, unit_cell(units, i, side, columns, layout))?;
    }
    let part = units.count - units.count.floor();
    if part > 0.0 {
        let cell = unit_cell(units, whole, side, columns, layout);
        surface.fill(units.colour.fade(part), cell)?;
    }
    if units.open && part == 0.0 {
        for (k, alpha) in OPEN_TRAIL.into_iter().enumerate() {
            let cell = unit_cell(units, whole + k, side, columns, layout);
            surface.fill(units.colour.fade(alpha), cell)?;
        }
    }
    Ok(())
}

/// How far a ceiling's dashed cap stands out past the bar's sides, in CSS pixels.
const CEILING_OVERHANG: f64 = 5.0;

fn draw_bar<DB: DrawingBackend>(
    surface: &mut Surface<DB>,
    bar: &Bar,
    layout: &Layout,
) -> Drawn<DB> {
    let r = layout.rect(bar.rect);
    if bar.colour.a <= 0.0 || (r.x1 - r.x0).abs() < 0.5 || (r.y1 - r.y0).abs() < 0.5 {
        return Ok(());
    }
    let s = layout.scale;
    match bar.bound {
        Bound::Exact => surface.fill(bar.colour, r)?,
        // The truth lies beyond the end: a solid bar trailing off past it.
        Bound::Lower => {
            surface.fill(bar.colour, r)?;
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
                    Grow::Left => Rect {
                        x0: r.x0 - b * s,
                        x1: r.x0 - a * s,
                        ..r
                    },
                };
                surface.fill(bar.colour.fade(alpha), strip)?;
            }
        }
        // The truth lies at or below the end: the bar at full strength, capped by a dashed
        // ceiling that stands out past its sides, so the hedge shows in outline, not in a paler
        // fill that would make the figure the faintest thing on its chart.
        Bound::Upper => {
            surface.fill(bar.colour, r)?;
            let out = CEILING_OVERHANG * s;
            let (from, to) = match bar.grow {
                Grow::Right => ((r.x1, r.y0 - out), (r.x1, r.y1 + out)),
                Grow::Up => ((r.x0 - out, r.y0), (r.x1 + out, r.y0)),
                Grow::Left => ((r.x0, r.y0 - out), (r.x0, r.y1 + out)),
            };
            dashed(surface, from, to, stroke(bar.colour, 2.5 * s), layout)?;
        }
        // Worked out from rounded numbers: a lighter bar with a dashed outline.
        Bound::Approximate => {
            surface.fill(bar.colour.fade(0.55), r)?;
            let style = stroke(bar.colour, 1.5 * s);
            for (a, b) in [
                ((r.x0, r.y0), (r.x1, r.y0)),
                ((r.x1, r.y0), (r.x1, r.y1)),
                ((r.x1, r.y1), (r.x0, r.y1)),
                ((r.x0, r.y1), (r.x0, r.y0)),
            ] {
                dashed(surface, a, b, style, layout)?;
            }
        }
    }
    Ok(())
}

fn draw_label<DB: DrawingBackend>(
    surface: &mut Surface<DB>,
    label: &Label,
    layout: &Layout,
    family: &str,
    lettering: f64,
) -> Drawn<DB> {
    if label.colour.a <= 0.0 || label.text.is_empty() {
        return Ok(());
    }
    let (text, size) = fitted(label, layout);
    let (x, y) = label_at(label, layout);
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
    let style = Lettering {
        family,
        size: size * lettering,
        weight,
        colour: colour(label.colour).to_backend_color(),
        anchor: Pos::new(h, VPos::Center),
    };
    // Lines after the first run down from the anchor, 1.4 lines apart.
    let leading = size * 1.4;
    for (i, line) in text.lines().enumerate() {
        surface.text(line, &style, (x, y + leading * i as f64))?;
    }
    Ok(())
}

/// How a line of text looks, handed straight to the backend: the canvas and SVG backends set text
/// themselves from these, so plotters' own text style, which readies font data they never use, is
/// not needed. A backend that rasterises text itself (plotters' bitmap backend) is refused.
struct Lettering<'a> {
    family: &'a str,
    size: f64,
    weight: FontStyle,
    colour: BackendColor,
    anchor: Pos,
}

impl BackendTextStyle for Lettering<'_> {
    type FontError = std::fmt::Error;

    fn color(&self) -> BackendColor {
        self.colour
    }

    fn size(&self) -> f64 {
        self.size
    }

    fn style(&self) -> FontStyle {
        self.weight
    }

    fn anchor(&self) -> Pos {
        self.anchor
    }

    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(self.family)
    }

    fn layout_box(&self, _: &str) -> Result<((i32, i32), (i32, i32)), std::fmt::Error> {
        Err(std::fmt::Error)
    }

    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _: &str,
        _: (i32, i32),
        _: F,
    ) -> Result<Result<(), E>, std::fmt::Error> {
        Err(std::fmt::Error)
    }
}

/// plotters-svg writes each text's `font-size` as the size it is given divided by 1.24 (a scale
/// of its own, which the canvas backend does not have): [`to_svg`] gives it sizes this much larger,
/// so the SVG's text is the size the layout chose, as on the canvas.
#[cfg(not(target_arch = "wasm32"))]
const SVG_LETTERING: f64 = 1.24;

/// `scene` as an SVG document of `width` × `height` pixels, its text at the sizes the canvas would
/// use: the static charts of the page, the first picture, the PNGs, and tests.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_svg(scene: &Scene, theme: &Theme, (width, height): (u32, u32)) -> String {
    let mut out = String::new();
    {
        let mut backend = plotters_svg::SVGBackend::with_string(&mut out, (width, height));
        draw_lettered(&mut backend, scene, theme, 1.0, SVG_LETTERING)
            .expect("drawing to a string cannot fail");
        backend
            .present()
            .expect("presenting to a string cannot fail");
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::chart::ChartId;
    use crate::draw::layout::{FONT, FONT_ZH};
    use crate::draw::theme::LIGHT;
    use crate::text::locale::Locale;

    fn svg(chart: ChartId, w: u32, h: u32) -> String {
        to_svg(&chart.scene(&LIGHT, &Locale::default()), &LIGHT, (w, h))
    }

    /// The SVG's title is the size the layout gives it, as the canvas draws it (plotters-svg
    /// would otherwise shrink it by its own 1.24).
    #[test]
    fn svg_text_is_the_size_the_layout_chose() {
        let scene = ChartId::Funding.scene(&LIGHT, &Locale::default());
        let layout = Layout::for_scene(&scene, 640.0, 520.0, 1.0);
        let title = scene.labels.iter().find(|l| l.key == "title").unwrap();
        let (_, size) = fitted(title, &layout);
        let svg = svg(ChartId::Funding, 640, 520);
        let at = svg.find(&title.text).unwrap();
        let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
        let written = tag
            .split("font-size=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        #[allow(clippy::disallowed_methods)] // reading back our own SVG, natively
        let written: f64 = written.parse().unwrap();
        assert!((written - size).abs() < 1e-6, "{written} != {size}");
    }

    #[test]
    fn a_chart_in_chinese_is_set_in_the_pages_chinese_fonts() {
        use crate::lang::Lang;
        let zh = Locale {
            lang: Lang::ZH,
            ..Locale::default()
        };
        for chart in ChartId::ALL {
            let english = chart.scene(&LIGHT, &Locale::default());
            let chinese = chart.scene(&LIGHT, &zh);
            assert_eq!(font_for(&english), FONT, "{}", chart.id());
            assert_eq!(font_for(&chinese), FONT_ZH, "{}", chart.id());
            let svg = to_svg(&chinese, &LIGHT, (390, 520));
            assert!(svg.contains("WenQuanYi Micro Hei"), "{}", chart.id());
        }
    }

    #[test]
    fn every_chart_draws_its_marks_and_words_to_svg() {
        for (chart, locale) in ChartId::ALL
            .into_iter()
            .flat_map(|s| Locale::all().map(|l| (s, l)))
        {
            let scene = chart.scene(&LIGHT, &locale);
            let out = to_svg(&scene, &LIGHT, (600, 500));
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/charts");
            std::fs::create_dir_all(&dir).expect("target/ should be writable");
            let name = match (locale.lang.code(), locale.currency.id()) {
                ("en", "reported") => format!("{}.svg", chart.id()),
                (lang, currency) => format!("{}-{lang}-{currency}.svg", chart.id()),
            };
            std::fs::write(dir.join(name), &out).expect("target/ should be writable");
            assert!(
                out.contains(&LIGHT.background.css_hex().to_uppercase())
                    || out.contains(&LIGHT.background.css_hex()),
                "{}: no background",
                chart.id()
            );
            for line in scene.labels.iter().flat_map(|l| l.text.lines()) {
                let escaped = line
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
                    .replace('"', "&quot;")
                    .replace('\'', "&apos;");
                assert!(out.contains(&escaped), "{}: {line:?} not drawn", chart.id());
            }
            let rects = out.matches("<rect").count();
            assert!(
                rects > scene.bars.len(),
                "{}: {rects} rects for {} bars",
                chart.id(),
                scene.bars.len()
            );
            assert_eq!(
                out.matches("<circle").count(),
                scene.dots.len(),
                "{}",
                chart.id()
            );
        }
    }

    #[test]
    fn hedges_change_how_a_bar_is_drawn() {
        // The funding chart's "more than" bar trails off in three fading strips.
        let out = svg(ChartId::Funding, 600, 500);
        let solid = ChartId::Funding
            .scene(&LIGHT, &Locale::default())
            .bars
            .len();
        assert_eq!(out.matches("<rect").count(), 1 + solid + 3);
        // The helmets chart's "under 50%" bar is at full strength, capped by dashes: the
        // hedge is in the outline, never in a paler fill.
        let helmets = svg(ChartId::Helmets, 600, 500);
        assert!(!helmets.contains("opacity=\"0.35\""), "a pale bar");
        assert!(
            helmets.matches("<polyline").count() >= 4,
            "no dashed ceiling"
        );
    }
}
