//! Small DOM helpers both builds share.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Window;

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
