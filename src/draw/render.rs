//! Paints a [`Scene`] onto any plotters drawing area: a canvas in the browser, SVG in tests and at build time.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::layout::{font_for, Layout};
use super::scene::{Anchor, Bar, Grow, Label, Rect, Scene};
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
    use crate::draw::layout::{FONT, FONT_ZH};
    use crate::draw::theme::LIGHT;
    use crate::text::locale::Locale;

    fn svg(chart: ChartId, w: u32, h: u32) -> String {
        to_svg(&chart.scene(&LIGHT, &Locale::default()), &LIGHT, (w, h))
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
