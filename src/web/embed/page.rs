//! The single-chart embed page (`embed.html`, and each chart's own page `embed/<id>.html`): its
//! query says which chart; it fills `#embed`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::mount::mount;
use crate::host::embed::{parse_query, ChartEmbed, ScriptOptions};
use crate::host::query::lang_in_query;
use crate::web::dom::{by_id, window_and_document};
use crate::web::host::{keep_host_told, parse_child_id};
use crate::web::panic;

/// The single-chart embed page: reads `query` (`chart=…&step=…&theme=…`: the page's address's,
/// after what a chart's own page fixes) and fills `#embed` with that chart, or with a notice
/// naming what exists; then keeps its host told of its height.
#[wasm_bindgen(js_name = embedPage)]
pub fn embed_page(story_url: &str, query: &str) -> Result<(), JsValue> {
    panic::install();
    let (window, document) = window_and_document()?;
    let host: HtmlElement = by_id(&document, "embed", "an HTML element #embed")?;
    let request = parse_query(query);
    let child_id = match &request {
        Ok(r) => r.child_id.clone(),
        Err(_) => parse_child_id(query),
    };
    let name = request
        .as_ref()
        .map_or("sensetime", |r| r.chart.id())
        .to_string();
    let lang = match &request {
        Ok(r) => r.lang,
        // The one parameter worth reading from a query that failed: the notice's language.
        Err(_) => lang_in_query(query).unwrap_or_default(),
    };
    let options = |r: &ChartEmbed| ScriptOptions {
        theme: r.theme,
        height: r.height,
        lang: r.lang,
        currency: r.currency,
    };
    // Opened on its own, not in a host's frame, the page is the chart's: its background too.
    let framed = window
        .parent()?
        .is_some_and(|parent| JsValue::from(parent) != JsValue::from(window.clone()));
    let page = if framed {
        None
    } else {
        document
            .document_element()
            .and_then(|root| root.dyn_into::<HtmlElement>().ok())
    };
    mount(
        &host,
        request.map(|r| (r.chart, options(&r))),
        story_url,
        lang,
        page,
    )?;
    keep_host_told(&window, &host, child_id, name)
}
