//! The story page's exports: `start`, and the JS API for host pages (`figures`, `drawChart`,
//! `drawChartAt`).

use wasm_bindgen::prelude::*;

use super::app;
use crate::chart::ChartId;
use crate::data::figures;
use crate::draw::theme::Theme;
use crate::lang::Lang;
use crate::text::locale::Locale;
use crate::text::money::Currency;
use crate::web::js::to_js;
use crate::web::{canvas, panic};

/// Every figure, the article's and the derived ones, as plain objects:
/// `{id, value, unit, hedge, year, label, label_zh, source, derived, note}` (absent values are `null`).
#[wasm_bindgen]
pub fn figures() -> Result<JsValue, JsValue> {
    to_js(&figures::all())
}

/// Starts the scrollytelling on the page: finds `canvas#chart` and the `#story .step` elements,
/// draws the chart for the step in view and follows the reader from then on.
#[wasm_bindgen]
pub fn start() -> Result<(), JsValue> {
    panic::install();
    app::App::start()
}

/// Panics on purpose, for the reliability tests: the page must report it once and fall back to
/// its static charts. Only in the tests' build (feature `test-hooks`): on a reader's page, any
/// script of the host's could otherwise crash the story.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = panicForTests)]
pub fn panic_for_tests() {
    panic::install();
    panic!("deliberate panic for the reliability tests");
}

/// Draws one chart, settled, onto `canvas` at its current CSS size and the screen's pixel
/// density, in the dark theme if `dark`; in `lang` (`"en"`, `"zh"`: only the edition's own, which
/// is the default) with money `currency` (`"reported"`, the default, `"rmb"`, `"usd"`).
#[wasm_bindgen(js_name = drawChart)]
pub fn draw_chart(
    canvas: web_sys::HtmlCanvasElement,
    chart: &str,
    dark: bool,
    lang: Option<String>,
    currency: Option<String>,
) -> Result<(), JsValue> {
    let (scene, theme) = settled_scene(chart, dark, lang, currency)?;
    let scale = canvas::fit(&canvas);
    canvas::paint(&canvas, &scene, theme, scale)
}

/// Draws one chart, settled, onto `canvas` (which need not be in the document) at `width` ×
/// `height` CSS pixels and `scale` device pixels per CSS pixel: for saving a chart as an image.
/// `lang` and `currency` as for `drawChart`.
#[wasm_bindgen(js_name = drawChartAt)]
#[allow(clippy::too_many_arguments)]
pub fn draw_chart_at(
    canvas: web_sys::HtmlCanvasElement,
    chart: &str,
    width: u32,
    height: u32,
    scale: u32,
    dark: bool,
    lang: Option<String>,
    currency: Option<String>,
) -> Result<(), JsValue> {
    let (scene, theme) = settled_scene(chart, dark, lang, currency)?;
    let scale = scale.clamp(1, 4);
    canvas.set_width(width.clamp(1, 4000) * scale);
    canvas.set_height(height.clamp(1, 4000) * scale);
    canvas::paint(&canvas, &scene, theme, f64::from(scale))
}

/// The scene a JS caller asks for, and the theme to draw it in; a readable error for bad names.
fn settled_scene(
    chart: &str,
    dark: bool,
    lang: Option<String>,
    currency: Option<String>,
) -> Result<(crate::draw::scene::Scene, &'static Theme), JsValue> {
    let chart = chart_id(chart)?;
    let locale = locale(lang, currency)?;
    let theme = Theme::for_dark_mode(dark);
    Ok((super::charts::shown(chart, &locale, dark).scene, theme))
}

fn chart_id(id: &str) -> Result<ChartId, JsValue> {
    ChartId::from_id(id).ok_or_else(|| {
        JsValue::from_str(&format!(
            "unknown chart \"{id}\"; known charts: {}",
            crate::host::embed::chart_ids()
        ))
    })
}

/// The locale named by optional JS strings; absent means the edition's language, as reported.
/// A language this build does not speak is an error that says so.
fn locale(lang: Option<String>, currency: Option<String>) -> Result<Locale, JsValue> {
    let lang = match lang.as_deref() {
        // The edition's own language.
        None => Lang::default().built(),
        Some(code) => Lang::from_code(code).ok_or_else(|| {
            JsValue::from_str(&format!("unknown language \"{code}\"; known: en, zh"))
        })?,
    };
    if lang.built() != lang {
        // The API's codes, not the BCP 47 tags of `Lang::code`.
        let code = |l: Lang| if l == Lang::EN { "en" } else { "zh" };
        return Err(JsValue::from_str(&format!(
            "this edition's Wasm draws only in \"{}\"; for \"{}\", call drawChart on the edition in that language",
            code(lang.built()),
            code(lang)
        )));
    }
    let currency = match currency.as_deref() {
        None => Currency::default(),
        Some(id) => Currency::from_id(id).ok_or_else(|| {
            JsValue::from_str(&format!(
                "unknown currency \"{id}\"; known: reported, rmb, usd"
            ))
        })?,
    };
    Ok(Locale { lang, currency })
}
