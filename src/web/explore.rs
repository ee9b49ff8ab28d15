//! Exploring the numbers: tooltips on the chart's marks and the currency control.
//!
//! Hit-testing is the core's (`render::hit`, on the scene as drawn); this module only turns
//! pointer positions into device pixels and puts the answer in a tooltip element.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlElement, HtmlSelectElement, PointerEvent};

use super::app::{js_err, Page};
use super::panic::poisoned;
use crate::charts::Charts;
use crate::locale::{rate_statement, Currency};
use crate::render;
use crate::scene::Scene;

/// The tooltip's distance from the pointer, in CSS pixels.
const OFFSET: f64 = 14.0;

impl Page {
    /// Wires the currency control and the tooltips, if the page has them.
    pub(super) fn explore(self: &Rc<Self>) -> Result<(), JsValue> {
        let app = self.app.borrow();
        let Some(document) = app.window.document() else {
            return Ok(());
        };
        if let Some(select) = document
            .get_element_by_id("currency")
            .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        {
            select.set_value(app.locale.currency.id());
            let rate = document.get_element_by_id("rate");
            if let Some(rate) = &rate {
                rate.set_text_content(Some(&rate_statement(app.locale.lang)));
                show_rate(rate, app.locale.currency)?;
            }
            let page = Rc::clone(self);
            let chosen = select.clone();
            let on_change = Closure::<dyn FnMut()>::new(move || {
                if poisoned() {
                    return;
                }
                let Some(currency) = Currency::from_id(&chosen.value()) else {
                    return;
                };
                if let Some(rate) = &rate {
                    Self::report(show_rate(rate, currency));
                }
                page.hide_tip();
                Self::report(page.app.borrow_mut().set_currency(currency));
                page.request_frame();
            });
            select
                .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref())?;
            on_change.forget();
        }

        let Some(graphic) = app.graphic.clone() else {
            return Ok(());
        };
        let tip: HtmlElement = document
            .create_element("div")?
            .dyn_into()
            .map_err(|_| js_err("a div is an HTML element"))?;
        tip.set_class_name("chart-tip");
        tip.set_attribute("role", "tooltip")?;
        tip.set_id("chart-tip");
        tip.set_hidden(true);
        graphic.append_child(&tip)?;
        drop(app);
        *self.tip.borrow_mut() = Some(tip);

        let canvas = self.app.borrow().canvas.clone();
        for name in POINTER_EVENTS {
            let page = Rc::clone(self);
            let on_pointer = Closure::<dyn FnMut(PointerEvent)>::new(move |event: PointerEvent| {
                if !poisoned() {
                    Self::report(page.on_pointer(&event));
                }
            });
            canvas.add_event_listener_with_callback(name, on_pointer.as_ref().unchecked_ref())?;
            on_pointer.forget();
        }
        Ok(())
    }

    /// Hovering (mouse) or tapping (touch, pen) a mark shows its figure; anywhere else hides it.
    fn on_pointer(self: &Rc<Self>, event: &PointerEvent) -> Result<(), JsValue> {
        let app = self.app.borrow();
        let tip = self.tip.borrow();
        let (Some(charts), Some(graphic), Some(tip)) = (&app.charts, &app.graphic, tip.as_ref())
        else {
            return Ok(());
        };
        point(event, &app.canvas, &app.shown, charts, tip, graphic)
    }

    /// Hides the tooltip (the chart changed, or the pointer left).
    pub(super) fn hide_tip(&self) {
        if let Some(tip) = self.tip.borrow().as_ref() {
            tip.set_hidden(true);
        }
    }
}

/// The rate beside the currency control shows only while amounts are converted.
fn show_rate(rate: &web_sys::Element, currency: Currency) -> Result<(), JsValue> {
    rate.toggle_attribute_with_force("hidden", currency == Currency::Reported)
        .map(|_| ())
}

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
pub(super) const POINTER_EVENTS: [&str; 3] = ["pointermove", "pointerdown", "pointerleave"];

/// Shows in `tip` the figure of the mark under the pointer on `canvas` (which shows `scene`,
/// built as `charts`), placed beside the pointer inside `area`; hides it when there is none.
pub(super) fn point(
    event: &PointerEvent,
    canvas: &HtmlCanvasElement,
    scene: &Scene,
    charts: &Charts,
    tip: &HtmlElement,
    area: &HtmlElement,
) -> Result<(), JsValue> {
    let look = intent(event);
    if look != Intent::Look {
        if look == Intent::Hide {
            tip.set_hidden(true);
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
    let wanted = |key: &str| charts.marks.iter().any(|(k, _)| k == key);
    let text = render::hit(scene, surface, (x * scale, y * scale), wanted)
        .and_then(|key| charts.tooltip(key));
    let Some(text) = text else {
        canvas.style().remove_property("cursor")?;
        tip.set_hidden(true);
        return Ok(());
    };
    canvas.style().set_property("cursor", "pointer")?;
    tip.set_text_content(Some(&text));
    tip.set_hidden(false);
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
    let style = tip.style();
    style.set_property("left", &format!("{}px", left.round() as i64))?;
    style.set_property("top", &format!("{}px", top.round() as i64))
}
