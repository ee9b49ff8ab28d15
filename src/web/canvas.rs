//! The canvas: a backing store sized to CSS size × devicePixelRatio, and scenes painted onto it through plotters.

use plotters::prelude::DrawingBackend;
use plotters_canvas::CanvasBackend;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AddEventListenerOptions, HtmlCanvasElement};

use crate::draw::render;
use crate::draw::scene::Scene;
use crate::draw::theme::Theme;
use crate::text::format::trimmed;

/// Device pixels per CSS pixel on this screen.
pub fn pixel_ratio() -> f64 {
    super::dom::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0)
}

/// Calls `on_change` each time the screen's pixel ratio changes, whether the canvas's CSS size
/// does or not: a window dragged to a screen of another density fires no resize, and its canvas
/// would stay drawn for the old one, blurred or needlessly heavy. Through a media query around
/// the ratio now, made again after each change.
pub fn on_new_pixel_ratio(on_change: Rc<dyn Fn()>) -> Result<(), JsValue> {
    let Some(window) = super::dom::window() else {
        return Ok(());
    };
    let ratio = window.device_pixel_ratio();
    // A range, which matches until the ratio changes: a ratio such as 1.100000023841858 (a
    // zoom level) would never equal one written to three decimals.
    let query = format!(
        "(min-resolution: {}dppx) and (max-resolution: {}dppx)",
        trimmed(ratio - 0.005, 3),
        trimmed(ratio + 0.005, 3)
    );
    let Some(list) = window.match_media(&query)? else {
        return Ok(());
    };
    let listener = Closure::once_into_js(move || {
        on_change();
        if let Err(e) = on_new_pixel_ratio(on_change) {
            web_sys::console::error_1(&e);
        }
    });
    let options = AddEventListenerOptions::new();
    options.set_once(true);
    list.add_event_listener_with_callback_and_add_event_listener_options(
        "change",
        listener.unchecked_ref(),
        &options,
    )
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

#[cfg(feature = "story")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `performance.measure(name, options)` with options `{ start }`: a measure from `start` to
    /// now, with no mark to make and clear. (web-sys offers it only among its unstable APIs.)
    #[wasm_bindgen(js_namespace = performance, js_name = measure, catch)]
    fn measure_since(name: &str, options: &js_sys::Object) -> Result<JsValue, JsValue>;
}

#[cfg(feature = "story")]
thread_local! {
    /// The options object every measure reuses, and its `start` key, made once.
    static SINCE: (js_sys::Object, JsValue) = (js_sys::Object::new(), JsValue::from_str("start"));
}

/// Runs `paint`, then records it as a measure named `sensetime:draw:<chart>` that starts at a
/// clock read before it. No mark: making and clearing one each frame cost a throttled phone more
/// than the measure itself.
#[cfg(feature = "story")]
pub fn measured(
    window: &web_sys::Window,
    chart: &str,
    paint: impl FnOnce() -> Result<(), JsValue>,
) -> Result<(), JsValue> {
    let Some(performance) = window.performance() else {
        return paint();
    };
    let start = performance.now();
    let result = paint();
    // Timing is a by-product: a browser that refuses the measure still gets its chart.
    SINCE.with(|(options, key)| {
        if js_sys::Reflect::set(options, key, &JsValue::from_f64(start)).is_ok() {
            let _ = measure_since(&format!("{DRAW}:{chart}"), options);
        }
    });
    result
}
