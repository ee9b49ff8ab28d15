//! Social cards: the 1200×630 picture a shared link shows (`og:image`), one for each edition of
//! the story and one for each chart in each language, drawn at build time: the title and the
//! source line set beside the chart, which the same Rust chart code draws.

use std::path::Path;

use crate::files;
use crate::png::Rasteriser;
use crate::prose::escape;
use crate::svg::standalone_svg;
use sensetime_explainer::chart::ChartId;
use sensetime_explainer::draw::theme::LIGHT;
use sensetime_explainer::lang::Lang;

/// The card's size in pixels: what Facebook, LinkedIn and X show large.
pub const CARD: (u32, u32) = (1200, 630);

/// The directory under `dist/` that holds the cards.
pub const DIR: &str = "cards";

/// The card's layout, in pixels: margins, the text column and the chart's box.
const MARGIN: f32 = 56.0;
const TEXT_WIDTH: f32 = 420.0;
const TITLE_SIZE: f32 = 44.0;
const TITLE_LINE: f32 = 54.0;
const TITLE_LINES: usize = 6;
const SOURCE_SIZE: f32 = 20.0;
const SOURCE_LINE: f32 = 27.0;
const RULE: f32 = 10.0;
/// The chart is laid out for this many CSS pixels, then drawn larger (`CHART_SCALE`), so its
/// words stay readable when the card is shown small.
const CHART_LAYOUT: (u32, u32) = (500, 420);
const CHART_SCALE: f32 = 1.25;

/// What a card says and shows.
pub struct Card<'a> {
    pub lang: Lang,
    pub title: &'a str,
    pub source: &'a str,
    pub chart: ChartId,
}

/// The file name of a card under `cards/`: `story.png`, `funding.zh.png`.
pub fn card_name(what: Option<ChartId>, lang: Lang) -> String {
    let stem = what.map_or("story", ChartId::id);
    format!("{stem}{}.png", lang.pick("", ".zh"))
}

/// The font stack of the card's words in `lang`: the chart's own.
fn font(lang: Lang) -> &'static str {
    use sensetime_explainer::draw::layout::{FONT, FONT_ZH};
    lang.pick(FONT, FONT_ZH)
}

/// `text` broken into lines no wider than `width` set in `font_attrs`: at spaces in English, and
/// between any two characters in Chinese (as Chinese is set), never more than `max` lines (the
/// last one ending in an ellipsis if words were left out).
fn wrap(
    rasteriser: &Rasteriser,
    text: &str,
    lang: Lang,
    font_attrs: &str,
    width: f32,
    max: usize,
) -> Result<Vec<String>, String> {
    let pieces: Vec<String> = lang.pick_with(
        || text.split(' ').map(|w| format!("{w} ")).collect(),
        || {
            // Between any two Chinese characters, but not inside a Latin word or a number.
            let mut pieces: Vec<String> = Vec::new();
            for c in text.chars() {
                match pieces.last_mut() {
                    Some(last)
                        if c.is_ascii_graphic()
                            && last.chars().last().is_some_and(|p| p.is_ascii_graphic()) =>
                    {
                        last.push(c)
                    }
                    _ => pieces.push(c.to_string()),
                }
            }
            pieces
        },
    );
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces {
        let candidate = format!("{line}{piece}");
        if !line.is_empty() && rasteriser.text_width(candidate.trim_end(), font_attrs)? > width {
            lines.push(line.trim_end().to_string());
            line = piece.trim_start().to_string();
        } else {
            line = candidate;
        }
    }
    lines.push(line.trim_end().to_string());
    if lines.len() > max {
        lines.truncate(max);
        let last = lines.last_mut().expect("max is at least one");
        while !last.is_empty() && rasteriser.text_width(&format!("{last}…"), font_attrs)? > width
        {
            last.pop();
        }
        last.push('…');
    }
    Ok(lines)
}

/// The card as SVG: the title and source line in the left column, the chart at the right.
pub fn card_svg(rasteriser: &Rasteriser, card: &Card) -> Result<String, String> {
    let (w, h) = (CARD.0 as f32, CARD.1 as f32);
    let family = escape(font(card.lang));
    let title_font =
        format!("font-family=\"{family}\" font-size=\"{TITLE_SIZE}\" font-weight=\"bold\"");
    let source_font = format!("font-family=\"{family}\" font-size=\"{SOURCE_SIZE}\"");
    let title = wrap(
        rasteriser,
        card.title,
        card.lang,
        &title_font,
        TEXT_WIDTH,
        TITLE_LINES,
    )?;
    let source = wrap(
        rasteriser,
        card.source,
        card.lang,
        &source_font,
        TEXT_WIDTH,
        4,
    )?;
    let tspans = |lines: &[String], x: f32, step: f32| -> String {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let dy = if i == 0 { 0.0 } else { step };
                format!("<tspan x=\"{x}\" dy=\"{dy}\">{}</tspan>", escape(l))
            })
            .collect()
    };
    // The chart, centred in the height below the rule, against the right margin.
    let chart_w = CHART_LAYOUT.0 as f32 * CHART_SCALE;
    let chart_h = CHART_LAYOUT.1 as f32 * CHART_SCALE;
    let chart_x = w - chart_w - MARGIN / 2.0;
    let chart = standalone_svg(card.chart, &LIGHT, card.lang, CHART_LAYOUT);
    let chart = chart.replacen(
        "<svg ",
        &format!(
            "<svg x=\"{chart_x}\" y=\"{}\" width=\"{chart_w}\" height=\"{chart_h}\" ",
            RULE + (h - RULE - chart_h) / 2.0
        ),
        1,
    );
    let chart = strip_size(&chart, CHART_LAYOUT);
    let source_top = h - MARGIN - SOURCE_LINE * (source.len() as f32 - 1.0);
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\
         <rect width=\"{w}\" height=\"{h}\" fill=\"{ground}\"/>\
         <rect width=\"{w}\" height=\"{RULE}\" fill=\"{accent}\"/>\
         <text x=\"{MARGIN}\" y=\"{title_y}\" fill=\"{ink}\" {title_font}>{title}</text>\
         <text x=\"{MARGIN}\" y=\"{source_top}\" fill=\"{muted}\" {source_font}>{source}</text>\
         {chart}</svg>",
        ground = LIGHT.background.css_hex(),
        accent = LIGHT.city.css_hex(),
        ink = LIGHT.ink.css_hex(),
        muted = LIGHT.muted.css_hex(),
        title_y = MARGIN + RULE + TITLE_SIZE,
        title = tspans(&title, MARGIN, TITLE_LINE),
        source = tspans(&source, MARGIN, SOURCE_LINE),
    ))
}

/// The chart's SVG with its own `width`/`height` attributes taken out of its opening tag (the
/// card gives it new ones; its `viewBox` stays, so it scales).
fn strip_size(svg: &str, (w, h): (u32, u32)) -> String {
    let end = svg.find('>').unwrap_or(0);
    let (open, rest) = svg.split_at(end);
    let open = open.replacen(&format!(" width=\"{w}\" height=\"{h}\""), "", 1);
    format!("{open}{rest}")
}

/// Writes `card` as a PNG under `dist/cards/`, named `name`.
pub fn write(dist: &Path, rasteriser: &Rasteriser, card: &Card, name: &str) -> Result<(), String> {
    let dir = dist.join(DIR);
    files::create_dir(&dir)?;
    let png = rasteriser.png(&card_svg(rasteriser, card)?, 1.0)?;
    files::write(&dir.join(name), png)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::png::png_size;

    #[test]
    fn a_card_is_1200_by_630_with_its_words_wrapped_in_their_column() {
        let rasteriser = Rasteriser::new().unwrap();
        let dir = std::env::temp_dir().join(format!("xtask-cards-{}", std::process::id()));
        for (lang, title) in [
            (
                Lang::EN,
                "SenseTime's most important customer is the Chinese state",
            ),
            (Lang::ZH, "商汤科技最重要的客户是中国政府"),
        ] {
            let card = Card {
                lang,
                title,
                source: "Based on the Financial Times article “Can SenseTime become a Chinese AI champion?” (2021)",
                chart: ChartId::RevenueMix,
            };
            let svg = card_svg(&rasteriser, &card).unwrap();
            assert!(svg.matches("<tspan").count() >= 4, "{svg}");
            let name = card_name(None, lang);
            write(&dir, &rasteriser, &card, &name).unwrap();
            let bytes = files::read_bytes(&dir.join(DIR).join(&name)).unwrap();
            assert_eq!(png_size(&bytes).unwrap(), CARD);
        }
        if std::env::var_os("KEEP_PNG").is_some() {
            let _ = std::fs::rename(&dir, "/tmp/kit-cards");
        } else {
            files::clear_dir(&dir).unwrap();
        }
    }

    #[test]
    fn long_titles_stop_at_their_last_line_with_an_ellipsis() {
        let rasteriser = Rasteriser::new().unwrap();
        let font = format!(
            "font-family=\"{}\" font-size=\"44\" font-weight=\"bold\"",
            font(Lang::EN)
        );
        let font = font.as_str();
        let long = "word ".repeat(80);
        let lines = wrap(&rasteriser, &long, Lang::EN, font, TEXT_WIDTH, 3).unwrap();
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'), "{lines:?}");
        for line in &lines {
            assert!(
                rasteriser.text_width(line, font).unwrap() <= TEXT_WIDTH,
                "{line}"
            );
        }
        assert_eq!(
            wrap(&rasteriser, "Short", Lang::EN, font, TEXT_WIDTH, 3).unwrap(),
            ["Short"]
        );
    }
}
