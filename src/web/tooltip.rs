//! Tooltips on a chart's marks, for the story and the embeds alike.
//!
//! Hit-testing is the core's (`draw::hit`, on the scene as drawn); this module only turns
//! pointer positions into device pixels and puts the answer in a tooltip element.

use wasm_bindgen::prelude::*;
use web_sys::{HtmlCanvasElement, HtmlElement, PointerEvent};

use crate::chart::shown::Shown;
use crate::chart::Chart;
use crate::draw::hit;
use crate::draw::scene::Scene;
use crate::text::format::css_px;
use crate::web::dom::{set_hidden, set_style, set_text};

/// The tooltip's distance from the pointer, in CSS pixels.
const OFFSET: f64 = 14.0;

/// What a pointer event means for the tooltip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Intent {
    /// Find the mark under the pointer: a mouse moving, a finger or pen touching down.
    Look,
    /// The mouse left the chart.
    Hide,
    /// Nothing to do (a finger dragging scrolls the page; a mouse press is not a hover).
    Ignore,
}

fn intent(event: &PointerEvent) -> Intent {
    let mouse = event.pointer_type() == "mouse";
    match (event.type_().as_str(), mouse) {
        ("pointermove", true) | ("pointerdown", false) => Intent::Look,
        ("pointerleave", true) => Intent::Hide,
        _ => Intent::Ignore,
    }
}

/// The pointer events a chart's tooltip listens to.
pub(crate) const POINTER_EVENTS: [&str; 3] = ["pointermove", "pointerdown", "pointerleave"];

/// What a chart's tooltips say, mark by mark: the story's unpacked charts, or an embed's built one
/// (whose tooltips are worded only when asked for).
pub(crate) trait Tips {
    /// Whether the mark `key` has a tooltip: asked of every mark under the pointer.
    fn has_tip(&self, key: &str) -> bool;
    /// What the tooltip on the mark `key` says.
    fn tip(&self, key: &str) -> Option<String>;
}

impl Tips for Shown {
    fn has_tip(&self, key: &str) -> bool {
        self.tooltip(key).is_some()
    }

    fn tip(&self, key: &str) -> Option<String> {
        self.tooltip(key).map(str::to_string)
    }
}

impl Tips for Chart {
    fn has_tip(&self, key: &str) -> bool {
        self.marks.iter().any(|(k, _)| k == key)
    }

    fn tip(&self, key: &str) -> Option<String> {
        self.tooltip(key)
    }
}

/// Shows in `tip` the figure of the mark under the pointer on `canvas` (which shows `scene`,
/// drawn from `chart`), placed beside the pointer inside `area`; hides it when there is none.
pub(crate) fn point(
    event: &PointerEvent,
    canvas: &HtmlCanvasElement,
    scene: &Scene,
    chart: &impl Tips,
    tip: &HtmlElement,
    area: &HtmlElement,
) -> Result<(), JsValue> {
    let look = intent(event);
    if look != Intent::Look {
        if look == Intent::Hide {
            set_hidden(tip, true);
        }
        return Ok(());
    }
    let rect = canvas.get_bounding_client_rect();
    let (x, y) = (
        f64::from(event.client_x()) - rect.left(),
        f64::from(event.client_y()) - rect.top(),
    );
    let scale = f64::from(canvas.width()) / rect.width().max(1.0);
    let surface = (f64::from(canvas.width()), f64::from(canvas.height()), scale);
    let wanted = |key: &str| chart.has_tip(key);
    let text =
        hit::hit(scene, surface, (x * scale, y * scale), wanted).and_then(|key| chart.tip(key));
    let Some(text) = text else {
        set_style(canvas, "cursor", None)?;
        set_hidden(tip, true);
        return Ok(());
    };
    set_style(canvas, "cursor", Some("pointer"))?;
    set_text(tip, &text);
    set_hidden(tip, false);
    // Beside the pointer, inside the area: above it if there is room, else below.
    let bounds = area.get_bounding_client_rect();
    let (cx, cy) = (
        rect.left() - bounds.left() + x,
        rect.top() - bounds.top() + y,
    );
    let (w, h) = (
        f64::from(tip.offset_width()),
        f64::from(tip.offset_height()),
    );
    let left = (cx + OFFSET).min(bounds.width() - w - 4.0).max(4.0);
    let top = if cy - h - OFFSET >= 0.0 {
        cy - h - OFFSET
    } else {
        cy + OFFSET
    };
    set_style(tip, "left", Some(&css_px(left.round())))?;
    set_style(tip, "top", Some(&css_px(top.round())))
}
