//! When the Wasm panics: say so once in the console, hand the page to its static charts, and
//! keep every later callback out of the broken instance, so the rest of the page works on.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use wasm_bindgen::JsValue;

static POISONED: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();

/// Whether the Wasm has panicked; every callback from the browser checks this first.
pub fn poisoned() -> bool {
    POISONED.load(Ordering::Relaxed)
}

/// Installs the panic hook, once.
pub fn install() {
    HOOK.call_once(|| std::panic::set_hook(Box::new(on_panic)));
}

fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    if POISONED.swap(true, Ordering::Relaxed) {
        return;
    }
    web_sys::console::error_1(&JsValue::from_str(&format!(
        "SenseTime explainer: internal error, showing static charts instead: {info}"
    )));
    // Nothing here may panic again: every step is a plain DOM call whose failure is ignored.
    let Some(document) = super::dom::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-story", "failed");
    }
    if let Some(sheet) = document.get_element_by_id("static-css") {
        let _ = sheet.set_attribute("media", "all");
    }
    if let Some(notice) = document.get_element_by_id("notice") {
        notice.set_text_content(Some(super::dom::page_lang().pick(
            "The interactive charts stopped working, so each step now shows its chart as a picture.",
            "交互式图表出现故障，每一段现改以图片展示对应的图表。",
        )));
        let _ = notice.remove_attribute("hidden");
    }
}
