//! Small DOM helpers both builds share.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node, Window};

use crate::lang::Lang;

#[wasm_bindgen]
extern "C" {
    /// The page's `window`. Read directly rather than through `web_sys::window`, which looks
    /// for the global object four ways (for workers, Node, ...) that our pages never need.
    #[wasm_bindgen(thread_local_v2, js_name = window)]
    static WINDOW: JsValue;
}

/// The window we run in, if we run in one.
pub(crate) fn window() -> Option<Window> {
    WINDOW.with(|w| w.clone().dyn_into().ok())
}

pub(crate) fn js_err(message: &str) -> JsValue {
    JsValue::from_str(message)
}

/// The window and its document.
pub(crate) fn window_and_document() -> Result<(Window, web_sys::Document), JsValue> {
    let window = window().ok_or_else(|| js_err("should run in a window"))?;
    let document = window
        .document()
        .ok_or_else(|| js_err("the window should have a document"))?;
    Ok((window, document))
}

/// The element with `id`, as the type the page promises (`what` names it in the error).
pub(crate) fn by_id<T: JsCast>(
    document: &web_sys::Document,
    id: &str,
    what: &str,
) -> Result<T, JsValue> {
    document
        .get_element_by_id(id)
        .ok_or_else(|| js_err(&format!("the page should have {what}")))?
        .dyn_into()
        .map_err(|_| js_err(&format!("#{id} should be {what}")))
}

/// The language of the page we run in, from its `<html lang>`. Never fails: the panic hook uses it.
pub(crate) fn page_lang() -> Lang {
    let tag = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    Lang::of_page(&tag)
}

/// Whether a media query matches now.
pub(crate) fn matches(window: &Window, query: &str) -> bool {
    window
        .match_media(query)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

// Writes that change nothing are skipped: the browser restyles an element on every write to an
// attribute a style rule (or its own style sheet: `[hidden]`) looks at, even to the value it had,
// and inserting text under `.scrolly` restyles what its `:has()` rules match (style.css).

/// Sets attribute `name` of `element` to `value`, unless it has that value already.
pub(crate) fn set_attribute(element: &Element, name: &str, value: &str) -> Result<(), JsValue> {
    if element.get_attribute(name).as_deref() == Some(value) {
        return Ok(());
    }
    element.set_attribute(name, value)
}

/// Shows or hides `element` (its `hidden` attribute), unless it is so already.
pub(crate) fn set_hidden(element: &HtmlElement, hidden: bool) {
    if element.hidden() != hidden {
        element.set_hidden(hidden);
    }
}

/// Sets `element`'s text, unless it says that already: in its one text node where it has one,
/// which inserts nothing (a live region reads the change out all the same).
pub(crate) fn set_text(element: &Element, text: &str) {
    if element.text_content().as_deref() == Some(text) {
        return;
    }
    match element.first_child() {
        Some(node) if node.node_type() == Node::TEXT_NODE && node.next_sibling().is_none() => {
            node.set_node_value(Some(text));
        }
        _ => element.set_text_content(Some(text)),
    }
}

/// Sets, or with `None` removes, the inline style property `name` of `element`, unless it is so
/// already.
pub(crate) fn set_style(
    element: &HtmlElement,
    name: &str,
    value: Option<&str>,
) -> Result<(), JsValue> {
    let style = element.style();
    let now = style.get_property_value(name)?;
    match value {
        Some(value) if now != value => style.set_property(name, value),
        None if !now.is_empty() => style.remove_property(name).map(|_| ()),
        _ => Ok(()),
    }
}
