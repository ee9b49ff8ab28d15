//! Draws a [`Scene`] onto any plotters drawing area: a canvas in the browser, SVG in tests and at build time.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::data::figures::Bound;
use crate::draw::scene::{Anchor, Bar, Grow, Label, Rect, Scene, Slot};
use crate::draw::theme::{Rgba, Theme};

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
    let layout = Layout::for_scene(scene, f64::from(w), f64::from(h), scale);
    area.fill(&colour(theme.background))?;
    let family = font_for(scene);
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
        draw_label(area, label, &layout, family)?;
    }
    Ok(())
}

/// The smallest target a finger or pointer must hit, in CSS pixels (WCAG 2.2's minimum target size).
pub const TARGET: f64 = 24.0;

/// The length of (`dx`, `dy`): `f64::hypot` without its guard against overflow, which
/// distances on a canvas never need, and its 400 bytes of Wasm.
fn distance(dx: f64, dy: f64) -> f64 {
    (dx * dx + dy * dy).sqrt()
}

/// The mark drawn at `point` (device pixels) on a `width` × `height` surface drawn by [`draw`]
/// at `scale`: the key of the nearest bar or dot within reach, among those `wanted` accepts.
///
/// It works on the geometry [`draw`] used, not on pixels: a thin bar or a small dot is reachable
/// across a [`TARGET`]-sized box around it, and a hedged bar's open end counts as part of it.
/// Marks faded out (mid-transition) are not hit.
pub fn hit<'a>(
    scene: &'a Scene,
    (width, height, scale): (f64, f64, f64),
    (x, y): (f64, f64),
    wanted: impl Fn(&str) -> bool,
) -> Option<&'a str> {
    let layout = Layout::for_scene(scene, width, height, scale);
    let reach = TARGET / 2.0 * layout.scale;
    // Among the marks whose target holds the point, the one whose drawn shape is nearest.
    let mut best: Option<(f64, &str)> = None;
    let mut consider = |distance: f64, key: &'a str| {
        if wanted(key) && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, key));
        }
    };
    for bar in scene.bars.iter().filter(|b| b.colour.a > 0.5) {
        let mut r = layout.rect(bar.rect);
        if bar.bound == Bound::Lower {
            // The trailing strips beyond the end (see draw_bar).
            match bar.grow {
                Grow::Right => r.x1 += 17.0 * layout.scale,
                Grow::Up => r.y0 -= 17.0 * layout.scale,
            }
        }
        let (x0, x1) = (r.x0.min(r.x1), r.x0.max(r.x1));
        let (y0, y1) = (r.y0.min(r.y1), r.y0.max(r.y1));
        // How far the point lies outside the box along each axis (0 within its span).
        let (dx, dy) = ((x0 - x).max(x - x1).max(0.0), (y0 - y).max(y - y1).max(0.0));
        // The target: the box, grown around its centre to at least TARGET along each axis.
        let short = |lo: f64, hi: f64| (reach - (hi - lo) / 2.0).max(0.0);
        if dx <= short(x0, x1) && dy <= short(y0, y1) {
            consider(distance(dx, dy), &bar.key);
        }
    }
    for dot in scene.dots.iter().filter(|d| d.colour.a > 0.5) {
        let (cx, cy) = layout.point(dot.at.0, dot.at.1);
        let (centre, radius) = (distance(x - cx, y - cy), dot.radius * layout.scale);
        if centre <= radius.max(reach) {
            consider((centre - radius).max(0.0), &dot.key);
        }
    }
    best.map(|(_, key)| key)
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
    family: &str,
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
        FontFamily::Name(family),
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
    use crate::chart::ChartId;
    use crate::draw::theme::LIGHT;
    use crate::text::locale::Locale;

    fn svg(chart: ChartId, w: u32, h: u32) -> String {
        to_svg(&chart.scene(&LIGHT, &Locale::default()), &LIGHT, (w, h))
    }

    #[test]
    fn a_point_inside_a_bar_finds_it_and_a_point_far_outside_finds_nothing() {
        let scene = ChartId::Funding.scene(&LIGHT, &Locale::default());
        let size = (600.0, 480.0, 1.0);
        let layout = Layout::new(size.0, size.1, size.2);
        let bar = layout.rect(
            scene
                .bar("raised")
                .expect("the funding chart has a raised bar")
                .rect,
        );
        let inside = ((bar.x0 + bar.x1) / 2.0, (bar.y0 + bar.y1) / 2.0);
        assert_eq!(hit(&scene, size, inside, |_| true), Some("raised"));
        let ipo = layout.rect(scene.bar("ipo").expect("and an ipo bar").rect);
        assert_eq!(
            hit(&scene, size, (ipo.x0 + 2.0, ipo.y1 - 2.0), |_| true),
            Some("ipo")
        );
        // Far below the last bar, in the note; and in the title.
        assert_eq!(hit(&scene, size, (inside.0, 470.0), |_| true), None);
        assert_eq!(hit(&scene, size, (20.0, 10.0), |_| true), None);
        // A key the caller does not want is never returned.
        assert_eq!(hit(&scene, size, inside, |k| k != "raised"), None);
    }

    #[test]
    fn thin_marks_are_reachable_across_a_target_sized_box_and_scale_with_the_screen() {
        use crate::draw::scene::Rect as R;
        let funding = ChartId::Funding.scene(&LIGHT, &Locale::default());
        let template = funding
            .bar("ipo")
            .expect("the funding chart has an ipo bar");
        // A bar 0.01 of the plot high: a few pixels, much thinner than a finger.
        let thin = Bar {
            key: "thin".into(),
            rect: R {
                x0: 0.0,
                y0: 0.5,
                x1: 0.4,
                y1: 0.51,
            },
            bound: Bound::Exact,
            ..template.clone()
        };
        let scene = Scene {
            bars: vec![thin],
            ..Scene::default()
        };
        for scale in [1.0, 3.0] {
            let size = (390.0 * scale, 420.0 * scale, scale);
            let layout = Layout::new(size.0, size.1, scale);
            let bar = layout.rect(scene.bars[0].rect);
            let mid_y = (bar.y0 + bar.y1) / 2.0;
            assert!(bar.y1 - bar.y0 < 5.0 * scale);
            // Above the bar but within half a target of its centre line: still the bar.
            let near = mid_y - (TARGET / 2.0 - 1.0) * scale;
            assert_eq!(
                hit(&scene, size, (bar.x0 + 5.0, near), |_| true),
                Some("thin"),
                "scale {scale}"
            );
            // Beyond half a target: nothing; likewise past its end.
            let far = mid_y - (TARGET / 2.0 + 1.0) * scale;
            assert_eq!(
                hit(&scene, size, (bar.x0 + 5.0, far), |_| true),
                None,
                "scale {scale}"
            );
            assert_eq!(
                hit(&scene, size, (bar.x1 + 13.0 * scale, mid_y), |_| true),
                None,
                "scale {scale}"
            );
        }
    }

    #[test]
    fn dots_are_hit_around_their_centre() {
        let scene = ChartId::Peers.scene(&LIGHT, &Locale::default());
        let size = (600.0, 480.0, 1.0);
        let layout = Layout::new(size.0, size.1, size.2);
        let dot = &scene.dots[0];
        let (cx, cy) = layout.point(dot.at.0, dot.at.1);
        assert_eq!(
            hit(&scene, size, (cx + 3.0, cy - 3.0), |_| true),
            Some(dot.key.as_str())
        );
        assert_eq!(hit(&scene, size, (cx, cy + 200.0), |k| k == dot.key), None);
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
        // The same stack as the page's CSS for Chinese, in the same order.
        let css = include_str!("../../www/style.css");
        let page: Vec<String> = css
            .split("--cjk:")
            .nth(1)
            .and_then(|rest| rest.split(';').next())
            .unwrap()
            .split(',')
            .map(|f| f.trim().trim_matches('"').to_string())
            .collect();
        let ours: Vec<&str> = FONT_ZH.split(',').map(str::trim).collect();
        assert_eq!(page, ours);
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

    #[test]
    fn hedges_change_how_a_bar_is_drawn() {
        // The funding chart's "more than" bar trails off in three fading strips.
        let out = svg(ChartId::Funding, 600, 500);
        let solid = ChartId::Funding
            .scene(&LIGHT, &Locale::default())
            .bars
            .len();
        assert_eq!(out.matches("<rect").count(), 1 + solid + 3);
        // The helmets chart's "under 50%" bar is pale and capped by dashes.
        let helmets = svg(ChartId::Helmets, 600, 500);
        assert!(helmets.contains("opacity=\"0.35\""), "no pale bar");
        assert!(
            helmets.matches("<polyline").count() >= 4,
            "no dashed ceiling"
        );
    }
}
