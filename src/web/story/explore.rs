//! Exploring the numbers in the story: the currency control, and tooltips (`tooltip`) on the
//! chart's marks.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlSelectElement, PointerEvent};

use super::app::Page;
use crate::text::format::rate_statement;
use crate::text::money::Currency;
use crate::web::dom::{js_err, set_hidden};
use crate::web::panic::poisoned;
use crate::web::tooltip::{point, POINTER_EVENTS};

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
        let (Some(model), Some(graphic), Some(tip)) = (&app.model, &app.graphic, tip.as_ref())
        else {
            return Ok(());
        };
        point(event, &app.canvas, &app.shown, model, tip, graphic)
    }

    /// Hides the tooltip (the chart changed, or the pointer left).
    pub(super) fn hide_tip(&self) {
        if let Some(tip) = self.tip.borrow().as_ref() {
            set_hidden(tip, true);
        }
    }
}

/// The rate beside the currency control shows only while amounts are converted.
fn show_rate(rate: &web_sys::Element, currency: Currency) -> Result<(), JsValue> {
    rate.toggle_attribute_with_force("hidden", currency == Currency::Reported)
        .map(|_| ())
}
