//! Pictures for places that run no script: every chart as a PNG (light, both languages, at twice
//! its CSS size) and the social cards, rasterised at build time by resvg from the SVG the same
//! Rust chart code draws.
//!
//! resvg rather than plotters' bitmap backend: plotters' backend takes one font per family name
//! and has no fallback, so it cannot read our CSS font stacks ("PingFang SC, …, sans-serif") and
//! draws a Chinese character missing from its one font as a box; resvg shapes text with
//! rustybuzz, walks the stack and falls back per glyph, and antialiases as a browser does.
//!
//! The fonts are named files (`FONTS`), not whatever the machine has, so every machine draws the
//! same pictures; `cargo xtask dist` installs their Debian packages when they are missing.

use std::path::Path;

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

use crate::files;
use crate::page::SIZE;
use crate::prose::escape;
use crate::svg::standalone_svg;
use crate::tools;
use sensetime_explainer::chart::ChartId;
use sensetime_explainer::draw::theme::LIGHT;
use sensetime_explainer::lang::Lang;

/// The fonts the pictures are set in, with the Debian package of each: Liberation Sans for the
/// stack's "Arial" and "sans-serif" (Arial's metrics, so labels take the room they take on most
/// readers' screens), WenQuanYi Micro Hei for Chinese (named in the Chinese stack).
pub const FONTS: [(&str, &str); 3] = [
    (
        "fonts-liberation",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ),
    (
        "fonts-liberation",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ),
    (
        "fonts-wqy-microhei",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    ),
];
const SANS: &str = "Liberation Sans";

/// Device pixels per CSS pixel of the chart PNGs: sharp on high-density screens and in print.
pub const DENSITY: u32 = 2;

/// A chart PNG's size in pixels.
pub const CHART_PNG: (u32, u32) = (SIZE.0 * DENSITY, SIZE.1 * DENSITY);

/// Rasterises SVG with `FONTS` and nothing else.
pub struct Rasteriser {
    options: usvg::Options<'static>,
}

impl Rasteriser {
    /// Loads `FONTS`, installing their packages first if any file is missing.
    pub fn new() -> Result<Rasteriser, String> {
        tools::ensure_font_files(&FONTS, "the PNG charts and social cards are set in them")?;
        let mut options = usvg::Options::default();
        let db = options.fontdb_mut();
        for (_, file) in FONTS {
            db.load_font_data(files::read_bytes(Path::new(file))?);
        }
        db.set_sans_serif_family(SANS);
        options.font_family = SANS.to_string();
        Ok(Rasteriser { options })
    }

    fn tree(&self, svg: &str) -> Result<usvg::Tree, String> {
        usvg::Tree::from_str(svg, &self.options).map_err(|e| format!("resvg cannot read SVG: {e}"))
    }

    /// `svg` drawn at `scale` device pixels per SVG pixel, as PNG bytes.
    pub fn png(&self, svg: &str, scale: f32) -> Result<Vec<u8>, String> {
        let tree = self.tree(svg)?;
        let size = tree
            .size()
            .to_int_size()
            .scale_by(scale)
            .ok_or("an empty SVG")?;
        let mut pixmap = Pixmap::new(size.width(), size.height()).ok_or("an empty picture")?;
        resvg::render(
            &tree,
            Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        pixmap
            .encode_png()
            .map_err(|e| format!("cannot encode a PNG: {e}"))
    }

    /// The width `text` takes set in `font` (an SVG `font-…` attribute list).
    pub fn text_width(&self, text: &str, font: &str) -> Result<f32, String> {
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4000\" height=\"200\">\
             <text x=\"0\" y=\"100\" {font}>{}</text></svg>",
            escape(text)
        );
        Ok(self.tree(&svg)?.root().abs_bounding_box().width())
    }
}

/// The file name of a chart's PNG: `funding.png`, `funding.zh.png`.
pub fn png_name(chart: ChartId, lang: Lang) -> String {
    format!("{}{}.png", chart.id(), lang.pick("", ".zh"))
}

/// Writes every chart's PNG into `dist/charts/`, in both languages, laid out as the page's
/// static charts are.
pub fn write_charts(dist: &Path, rasteriser: &Rasteriser) -> Result<(), String> {
    let dir = dist.join("charts");
    files::create_dir(&dir)?;
    for chart in ChartId::ALL {
        for lang in Lang::ALL {
            let png = rasteriser.png(&standalone_svg(chart, &LIGHT, lang, SIZE), DENSITY as f32)?;
            files::write(&dir.join(png_name(chart, lang)), png)?;
        }
    }
    Ok(())
}

/// Writes `favicon.png`, the pages' icon, from `favicon.svg` (16 × 16) at 32 × 32 pixels. A PNG
/// rather than the SVG: the story puts the step in view in its address as the reader scrolls, and
/// a browser fetches the icon again at each new address, which for an SVG means building and
/// styling a little document in the page's own renderer every step.
pub fn write_favicon(dist: &Path, rasteriser: &Rasteriser) -> Result<(), String> {
    let svg = files::read(&dist.join("favicon.svg"))?;
    files::write(&dist.join("favicon.png"), rasteriser.png(&svg, 2.0)?)
}

/// A PNG's width and height, read from its header; an error if it is not a PNG.
#[cfg(test)]
pub fn png_size(bytes: &[u8]) -> Result<(u32, u32), String> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.len() < 24 || &bytes[..8] != SIGNATURE || &bytes[12..16] != b"IHDR" {
        return Err("not a PNG".into());
    }
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().expect("four bytes"));
    Ok((word(16), word(20)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The share of pixels of `png` that differ from its top-left pixel (the background).
    fn inked(png: &[u8]) -> f64 {
        let pixmap = Pixmap::decode_png(png).unwrap();
        let data = pixmap.data();
        let ground = &data[..4];
        let differ = data.chunks(4).filter(|p| *p != ground).count();
        differ as f64 / (data.len() / 4) as f64
    }

    #[test]
    fn the_icon_becomes_a_32_pixel_png_of_its_bars() {
        let rasteriser = Rasteriser::new().unwrap();
        let dir = std::env::temp_dir().join(format!("xtask-favicon-{}", std::process::id()));
        files::create_dir(&dir).unwrap();
        let svg = Path::new(env!("CARGO_MANIFEST_DIR")).join("../www/favicon.svg");
        files::copy(&svg, &dir.join("favicon.svg")).unwrap();
        write_favicon(&dir, &rasteriser).unwrap();
        let bytes = files::read_bytes(&dir.join("favicon.png")).unwrap();
        assert_eq!(png_size(&bytes).unwrap(), (32, 32));
        // The three bars on the page's paper: neither blank nor a solid square.
        let share = inked(&bytes);
        assert!(share > 0.2 && share < 0.6, "{share}");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn every_chart_becomes_a_sharp_png_in_both_languages() {
        let rasteriser = Rasteriser::new().unwrap();
        let dir = std::env::temp_dir().join(format!("xtask-png-{}", std::process::id()));
        write_charts(&dir, &rasteriser).unwrap();
        for chart in ChartId::ALL {
            for lang in Lang::ALL {
                let bytes =
                    files::read_bytes(&dir.join("charts").join(png_name(chart, lang))).unwrap();
                assert_eq!(png_size(&bytes).unwrap(), CHART_PNG, "{}", chart.id());
                let pixmap = Pixmap::decode_png(&bytes).unwrap();
                assert_eq!((pixmap.width(), pixmap.height()), CHART_PNG);
                let share = inked(&bytes);
                assert!(share > 0.01 && share < 0.6, "{}: {share}", chart.id());
            }
        }
        if std::env::var_os("KEEP_PNG").is_some() {
            std::fs::rename(&dir, "/tmp/kit-png").ok();
            return;
        }
        files::clear_dir(&dir).unwrap();
    }

    #[test]
    fn chinese_is_set_in_a_chinese_font_not_boxes() {
        let rasteriser = Rasteriser::new().unwrap();
        let font = "font-family=\"PingFang SC, sans-serif\" font-size=\"20\"";
        // Each character has its own glyph: eleven different characters are as wide as eleven of one
        // (a missing glyph would be drawn as nothing).
        let one = rasteriser.text_width("融", font).unwrap();
        let eleven = rasteriser
            .text_width("融资规模与目标商汤科技", font)
            .unwrap();
        assert!(one > 15.0, "{one}");
        assert!((eleven / one - 11.0).abs() < 1.0, "{one} {eleven}");
        let latin = rasteriser.text_width("SenseTime", font).unwrap();
        assert!(latin > 60.0 && latin < 120.0, "{latin}");
    }

    #[test]
    fn png_sizes_are_read_and_other_files_refused() {
        let rasteriser = Rasteriser::new().unwrap();
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"30\" height=\"20\"/>";
        assert_eq!(
            png_size(&rasteriser.png(svg, 2.0).unwrap()).unwrap(),
            (60, 40)
        );
        assert!(png_size(b"<svg>").is_err());
    }
}
