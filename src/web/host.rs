//! Talking to a host page from inside its frame: this frame's height, posted as pym.js, AMP and
//! Datawrapper messages, for the chart embed page and the framed story alike.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{Element, Window};

use crate::host::messages::{parse_pym, pym_height, AmpHeight, DatawrapperHeight};
use crate::web::js::to_js;

/// The height of this frame's content, as pym.js measures it.
fn content_height(window: &Window) -> u32 {
    window
        .document()
        .and_then(|d| d.body())
        .map_or(0, |b| b.offset_height().max(0) as u32)
}

/// Tells the host page this frame's height, in every format hosts listen for.
fn post_height(window: &Window, child_id: Option<&str>, name: &str) -> Result<(), JsValue> {
    let Ok(Some(parent)) = window.parent() else {
        return Ok(());
    };
    let height = content_height(window);
    if let Some(id) = child_id {
        parent.post_message(&JsValue::from_str(&pym_height(id, height)), "*")?;
    }
    parent.post_message(&to_js(&AmpHeight(height))?, "*")?;
    let id = child_id.unwrap_or(name);
    parent.post_message(&to_js(&DatawrapperHeight { id, height })?, "*")
}

/// The pym child id in a query, even one that failed to parse otherwise, so its host still hears our height.
pub(crate) fn parse_child_id(search: &str) -> Option<String> {
    crate::host::query::query_value(search, "childId").map(crate::host::query::percent_decode)
}

/// Posts the height now, whenever the content resizes, and whenever a pym parent asks (its width messages).
pub(crate) fn keep_host_told(
    window: &Window,
    content: &Element,
    child_id: Option<String>,
    name: String,
) -> Result<(), JsValue> {
    let id = Rc::new((child_id, name));
    post_height(window, id.0.as_deref(), &id.1)?;
    let (w, ids) = (window.clone(), Rc::clone(&id));
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        if let Err(e) = post_height(&w, ids.0.as_deref(), &ids.1) {
            web_sys::console::warn_1(&e);
        }
    });
    web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())?.observe(content);
    on_resize.forget();
    let (w, ids) = (window.clone(), id);
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            let asks = parse_pym(&text)
                .is_some_and(|(from, kind, _)| kind == "width" && Some(from) == ids.0.as_deref());
            if asks {
                if let Err(e) = post_height(&w, ids.0.as_deref(), &ids.1) {
                    web_sys::console::warn_1(&e);
                }
            }
        });
    window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref())?;
    on_message.forget();
    Ok(())
}
