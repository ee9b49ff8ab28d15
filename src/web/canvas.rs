//! The canvas: a backing store sized to CSS size × devicePixelRatio, and scenes painted onto it through plotters.

use plotters::prelude::DrawingBackend;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

use crate::draw::render;
use crate::draw::scene::Scene;
use crate::draw::theme::Theme;

/// Device pixels per CSS pixel on this screen.
pub fn pixel_ratio() -> f64 {
    super::dom::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0)
}

/// Sizes the backing store to the canvas's CSS box times the pixel ratio (plotters-canvas draws in
/// backing-store pixels and ignores the ratio), touching it only when it changed, since that clears
/// the canvas. Returns the ratio to draw at.
pub fn fit(canvas: &HtmlCanvasElement) -> f64 {
    fit_changed(canvas).0
}

/// As [`fit`], and whether the backing store changed (so was cleared and must be painted).
pub fn fit_changed(canvas: &HtmlCanvasElement) -> (f64, bool) {
    let ratio = pixel_ratio();
    let rect = canvas.get_bounding_client_rect();
    let width = (rect.width() * ratio).round().max(1.0) as u32;
    let height = (rect.height() * ratio).round().max(1.0) as u32;
    let changed = canvas.width() != width || canvas.height() != height;
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    (ratio, changed)
}

/// Paints `scene` over the whole backing store.
pub fn paint(
    canvas: &HtmlCanvasElement,
    scene: &Scene,
    theme: &Theme,
    scale: f64,
) -> Result<(), JsValue> {
    let mut backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| JsValue::from_str("the chart canvas should give a 2D context"))?;
    render::draw(&mut backend, scene, theme, scale)
        .map_err(|e| JsValue::from_str(&format!("drawing the chart failed: {e}")))?;
    backend
        .present()
        .map_err(|e| JsValue::from_str(&format!("drawing the chart failed: {e}")))
}

/// The User Timing name of a paint: each paint of the story's chart is measured as
/// `sensetime:draw:<chart id>`, for DevTools' Timings track and `cargo xtask bench`.
#[cfg(feature = "story")]
const DRAW: &str = "sensetime:draw";

/// Runs `paint` between a `performance` mark and a measure named `sensetime:draw:<chart>`. Three
/// calls into the browser per frame, and the mark is cleared, so only the measures remain.
#[cfg(feature = "story")]
pub fn measured(
    window: &web_sys::Window,
    chart: &str,
    paint: impl FnOnce() -> Result<(), JsValue>,
) -> Result<(), JsValue> {
    let Some(performance) = window.performance() else {
        return paint();
    };
    // Timing is a by-product: a browser that refuses a mark still gets its chart.
    let _ = performance.mark(DRAW);
    let result = paint();
    let _ = performance.measure_with_start_mark(&format!("{DRAW}:{chart}"), DRAW);
    performance.clear_marks_with_mark_name(DRAW);
    result
}
