//! The first chart as a picture in the page itself, so the reader sees it with the first paint,
//! before any script runs: the opening step's chart, drawn at build time by the same Rust code
//! the canvas uses, as inline SVG in the graphic panel, over the canvas. `main.js` marks the page
//! `data-story="ready"` in the same task as the Wasm's first paint, and `style.css` then hides the
//! pictures, so the canvas takes over with no layout shift and no second download.
//!
//! One picture per layout, each drawn at the size the canvas has there, so the canvas's first
//! frame lays its text out exactly as the picture did; at other sizes the picture scales to fit
//! and fades into the canvas's own layout. Both themes from one picture: the SVG carries the light
//! theme's colours, and the dark ones replace them in the page's style sheet ([`dark_rules`]), by
//! the same theme table the canvas uses.

use sensetime_explainer::draw::theme::{Rgba, Theme, DARK, LIGHT};
use sensetime_explainer::host::embed::{AUTO_HEIGHTS, HEIGHT_PER_WIDTH, LINK_BAND, LINK_STYLE};
use sensetime_explainer::lang::Lang;
use sensetime_explainer::story::steps::STEPS;

use crate::svg::chart_svg;

/// A layout of the story page and the canvas size (CSS pixels) its picture is drawn at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// The picture's class beside `chart-picture`; `style.css` shows each in its layout.
    pub class: &'static str,
    pub size: (u32, u32),
}

/// The canvas's size on a desktop page at least 1264 px wide (a 1280 px screen, scrollbar or not)
/// and 800 px tall (the column beside the steps, 29rem wide and 30rem tall at most), and on a 390×844 phone (the panel's 55% of the
/// height, less its tools). The end-to-end tests check both against the laid-out page
/// (`reader.js`, "the opening chart is on screen before the Wasm").
pub const LAYOUTS: [Layout; 2] = [
    Layout {
        class: "wide",
        size: (464, 480),
    },
    Layout {
        class: "narrow",
        size: (374, 416),
    },
];

/// Where the pictures go: the page's `www/` source holds this comment beside the canvas.
pub const MARK: &str = "<!-- first-picture -->";

/// The opening step's chart as one inline SVG per layout, in `lang`, for the graphic panel.
/// Hidden from assistive technology: the canvas beside it is the chart's accessible image.
pub fn markup(lang: Lang) -> String {
    let chart = STEPS[0].chart;
    LAYOUTS
        .iter()
        .map(|layout| {
            let svg = chart_svg(chart, &LIGHT, lang, layout.size);
            inline(&svg, layout)
        })
        .collect::<Vec<_>>()
        .join("\n      ")
}

/// `svg` (a whole SVG document as plotters writes it) as an element of an HTML page: its size
/// given by the page (it fills the canvas's box), and drawn from the top left as the canvas is,
/// scaled down only if the box is smaller than the size it was drawn for.
fn inline(svg: &str, layout: &Layout) -> String {
    let body_start = svg.find('>').map_or(0, |i| i + 1);
    let (w, h) = layout.size;
    let lines: Vec<&str> = svg[body_start..]
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let (font, body) = compact(&lines);
    format!(
        "<svg class=\"chart-picture {}\" viewBox=\"0 0 {w} {h}\" preserveAspectRatio=\"xMinYMin meet\" aria-hidden=\"true\" focusable=\"false\"{font}>{body}",
        layout.class
    )
}

/// The picture's elements, fewer and shorter than plotters writes them, since the page parses and
/// styles every one before its first paint: the defaults (`opacity="1"`, `stroke="none"`) left
/// out, a run of line segments drawn alike (a dashed outline is dozens) made one path, and the
/// font, the same on every text, said once on the `<svg>` (returned as its attribute).
fn compact(lines: &[&str]) -> (String, String) {
    let lines: Vec<String> = lines
        .iter()
        .map(|line| {
            line.replace(" opacity=\"1\"", "")
                .replace(" stroke=\"none\"", "")
        })
        .collect();
    let fonts: Vec<&str> = lines
        .iter()
        .filter_map(|l| attribute(l, "font-family"))
        .collect();
    let font = match fonts.first() {
        Some(first) if fonts.iter().all(|f| f == first) => Some(first.to_string()),
        _ => None,
    };
    let mut body = String::new();
    // The open path: its attributes and its drawing so far.
    let mut path: Option<(String, String)> = None;
    for line in &lines {
        if let Some((style, points)) = polyline(line) {
            let segment = points
                .split_whitespace()
                .enumerate()
                .map(|(i, p)| format!("{}{}", if i == 0 { 'M' } else { 'L' }, p.replace(',', " ")))
                .collect::<String>();
            match &mut path {
                Some((open, d)) if *open == style => d.push_str(&segment),
                _ => {
                    close(&mut body, path.take());
                    path = Some((style, segment));
                }
            }
            continue;
        }
        close(&mut body, path.take());
        match &font {
            Some(font) => body.push_str(&line.replace(&format!(" font-family=\"{font}\""), "")),
            None => body.push_str(line),
        }
    }
    close(&mut body, path);
    let font = font.map_or(String::new(), |f| format!(" font-family=\"{f}\""));
    (font, body)
}

/// A `<polyline …/>` line's attributes before its points, and its points.
fn polyline(line: &str) -> Option<(String, &str)> {
    let rest = line.strip_prefix("<polyline")?.strip_suffix("/>")?;
    let (style, points) = rest.split_once(" points=\"")?;
    Some((style.to_string(), points.strip_suffix('"')?))
}

/// Writes the open path, if any, as one `<path>`.
fn close(body: &mut String, path: Option<(String, String)>) {
    if let Some((style, d)) = path {
        body.push_str(&format!("<path{style} d=\"{d}\"/>"));
    }
}

/// The value of an element's attribute `name`, as written in `line`.
fn attribute<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let start = line.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = line[start..].find('"')?;
    Some(&line[start..start + len])
}

/// The rules that give a chart's own page's picture (`embed/<id>.html`, shown until the Wasm's
/// shadow root replaces it) the box the Wasm's chart will take: the height it gives a chart of
/// the frame's width when none is asked for, then the band with the link to the story.
pub fn embed_rules() -> String {
    let (low, high) = AUTO_HEIGHTS;
    let share = HEIGHT_PER_WIDTH * 100.0;
    let band: String = LINK_STYLE
        .iter()
        .map(|(property, value)| format!("{property}:{value};"))
        .collect();
    // The link in the colour the Wasm gives it (web/embed/mount.rs), in the theme the picture
    // takes: the reader's. No background: the picture is fitted within the band's width.
    let colours = |t: &Theme| {
        format!(
            ".embed-static figcaption a {{ color: {}; }}",
            t.muted.css_hex()
        )
    };
    format!(
        "\n/* A chart's own page's picture, in the chart's place (xtask/src/picture.rs). */\n\
         .embed-static img {{ width: 100%; max-width: none; height: clamp({low}px, {share}vw, {high}px); object-fit: contain; object-position: left top; }}\n\
         .embed-static figcaption {{ height: {LINK_BAND}px; {band} }}\n\
         {light}\n@media (prefers-color-scheme: dark) {{ {dark} }}\n",
        light = colours(&LIGHT),
        dark = colours(&DARK),
    )
}

/// The style sheet's rules that turn the pictures' light colours into the dark theme's, for
/// readers who prefer dark pages: each of the theme's colours, as a fill and as a stroke.
pub fn dark_rules() -> String {
    let mut rules = String::new();
    for (light, dark) in pairs(&LIGHT).into_iter().zip(pairs(&DARK)) {
        let (light, dark) = (svg_hex(light), dark.css_hex());
        for property in ["fill", "stroke"] {
            rules.push_str(&format!(
                ".chart-picture [{property}=\"{light}\"]{{{property}:{dark}}}"
            ));
        }
    }
    format!("\n/* The first picture in the dark theme (xtask/src/picture.rs). */\n@media (prefers-color-scheme: dark) {{ {rules} }}\n")
}

/// A theme's colours in a fixed order, so two themes' lists pair up by meaning.
fn pairs(t: &Theme) -> [Rgba; 8] {
    [
        t.background,
        t.ink,
        t.muted,
        t.rule,
        t.city,
        t.business,
        t.auto,
        t.neutral,
    ]
}

/// A colour as plotters' SVG backend writes it: `#B3261E`.
fn svg_hex(c: Rgba) -> String {
    format!("#{:02X}{:02X}{:02X}", c.r, c.g, c.b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_colour_of_the_pictures_has_its_dark_rule() {
        let rules = dark_rules();
        for lang in Lang::ALL {
            let html = markup(lang);
            for attr in ["fill=\"#", "stroke=\"#"] {
                for (at, _) in html.match_indices(attr) {
                    let start = at + attr.len() - 1;
                    let value = &html[start..start + 7];
                    let property = &attr[..attr.len() - 3];
                    assert!(
                        rules.contains(&format!("[{property}=\"{value}\"]")),
                        "{property} {value} has no dark rule"
                    );
                }
            }
        }
    }

    /// The picture's box is the one the Wasm gives a chart when no height is asked for.
    #[test]
    fn a_charts_own_page_holds_the_charts_room_for_its_picture() {
        let rules = embed_rules();
        assert!(
            rules.contains("height: clamp(320px, 80vw, 560px)"),
            "{rules}"
        );
        assert!(rules.contains("height: 28px;"), "{rules}");
        assert!(rules.contains("padding:4px 14px 6px;"), "{rules}");
    }

    #[test]
    fn segments_drawn_alike_become_one_path_and_the_font_is_said_once() {
        let lines = [
            "<rect x=\"0\" y=\"0\" width=\"9\" height=\"9\" opacity=\"1\" fill=\"#FDFBF7\" stroke=\"none\"/>",
            "<polyline fill=\"none\" opacity=\"1\" stroke=\"#2B6A99\" stroke-width=\"2\" points=\"1,2 3,2 \"/>",
            "<polyline fill=\"none\" opacity=\"1\" stroke=\"#2B6A99\" stroke-width=\"2\" points=\"5,2 7,2 9,4 \"/>",
            "<polyline fill=\"none\" opacity=\"0.5\" stroke=\"#2B6A99\" stroke-width=\"2\" points=\"1,8 3,8 \"/>",
            "<text x=\"1\" font-family=\"sans\" font-size=\"9\" fill=\"#1B1B1B\">",
            "A",
            "</text>",
        ];
        let (font, body) = compact(&lines);
        assert_eq!(font, " font-family=\"sans\"");
        assert_eq!(
            body,
            "<rect x=\"0\" y=\"0\" width=\"9\" height=\"9\" fill=\"#FDFBF7\"/>\
             <path fill=\"none\" stroke=\"#2B6A99\" stroke-width=\"2\" d=\"M1 2L3 2M5 2L7 2L9 4\"/>\
             <path fill=\"none\" opacity=\"0.5\" stroke=\"#2B6A99\" stroke-width=\"2\" d=\"M1 8L3 8\"/>\
             <text x=\"1\" font-size=\"9\" fill=\"#1B1B1B\">A</text>"
        );
    }

    #[test]
    fn one_picture_per_layout_at_its_size_hidden_from_screen_readers() {
        let html = markup(Lang::EN);
        assert_eq!(html.matches("<svg ").count(), LAYOUTS.len());
        assert_eq!(html.matches("</svg>").count(), LAYOUTS.len());
        for layout in LAYOUTS {
            let (w, h) = layout.size;
            let open = format!(
                "<svg class=\"chart-picture {}\" viewBox=\"0 0 {w} {h}\" preserveAspectRatio=\"xMinYMin meet\" aria-hidden=\"true\"",
                layout.class
            );
            assert!(html.contains(&open), "{open}");
        }
        assert!(!html.contains("xmlns"), "inline SVG needs no namespace");
        assert_eq!(html.lines().count(), LAYOUTS.len(), "one line per picture");
    }

    #[test]
    fn the_picture_is_the_opening_steps_chart_in_the_pages_language() {
        let chart = STEPS[0].chart;
        for lang in Lang::ALL {
            let locale = sensetime_explainer::text::locale::Locale {
                lang,
                ..Default::default()
            };
            let title = chart
                .scene(&LIGHT, &locale)
                .text("title")
                .unwrap()
                .to_string();
            let escaped = crate::prose::escape(&title).replace("&#39;", "&apos;");
            assert!(markup(lang).contains(&escaped), "{title}");
        }
    }
}
