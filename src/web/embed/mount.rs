//! Mounting one chart: in a shadow root on a host's page (a script embed), or filling a frame,
//! with a readable notice instead of a chart when the request is wrong.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlElement, ShadowRootInit, ShadowRootMode, Window};

use crate::chart::{Chart, ChartId};
use crate::draw::layout::FONT;
use crate::draw::theme::{Theme, LIGHT};
use crate::host::embed::{
    chart_height, notice as notice_text, story_address, story_link, EmbedError, OptionValue,
    ScriptOptions, LINK_BAND, LINK_STYLE,
};
use crate::host::options::OptionFields;
use crate::lang::Lang;
use crate::story::steps::STEPS;
use crate::text::format::css_px;
use crate::web::canvas;
use crate::web::dom::{js_err, matches, page_lang, set_attribute};
use crate::web::js::from_js;
use crate::web::panic::{self, poisoned};
use crate::web::tooltip::{self, POINTER_EVENTS};

/// One mounted chart: where it draws and how.
struct Mounted {
    window: Window,
    host: HtmlElement,
    canvas: HtmlCanvasElement,
    /// The link back to the story, under the chart, in the chart's colours.
    link: HtmlElement,
    chart: ChartId,
    options: ScriptOptions,
    /// The CSS width last drawn at, to skip redraws that change nothing.
    width: Cell<f64>,
    /// The chart as drawn, for its tooltips.
    drawn: RefCell<Option<Chart>>,
    /// The tooltip, in the shadow root beside the canvas.
    tip: HtmlElement,
    /// The page the chart is the whole of, when it is (`embed.html` opened on its own): painted
    /// in the chart's background, as a frame's host would paint around it.
    page: Option<HtmlElement>,
}

impl Mounted {
    /// Sizes the chart to its host's width and draws it.
    fn draw(&self, force: bool) -> Result<(), JsValue> {
        if poisoned() {
            return Ok(());
        }
        let width = self.host.get_bounding_client_rect().width();
        if !force && width == self.width.get() {
            return Ok(());
        }
        self.width.set(width);
        let height = self
            .options
            .height
            .map_or_else(|| chart_height(width), f64::from);
        self.host
            .style()
            .set_property("min-height", &css_px(height + LINK_BAND))?;
        self.canvas
            .style()
            .set_property("height", &css_px(height))?;
        let dark = self
            .options
            .theme
            .is_dark(matches(&self.window, "(prefers-color-scheme: dark)"));
        let theme = Theme::for_dark_mode(dark);
        let (ink, paper) = (theme.muted.css_hex(), theme.background.css_hex());
        styles(
            &self.link,
            &[("color", ink.as_str()), ("background", paper.as_str())],
        )?;
        let tip_ink = theme.ink.css_hex();
        styles(
            &self.tip,
            &[("color", paper.as_str()), ("background", tip_ink.as_str())],
        )?;
        if let Some(page) = &self.page {
            let scheme = if dark { "dark" } else { "light" };
            styles(
                page,
                &[("background", paper.as_str()), ("color-scheme", scheme)],
            )?;
        }
        // Outside the story: titled with its subject, its calculations credited by name.
        let built = self.chart.build_alone(theme, &self.options.locale());
        set_attribute(&self.canvas, "aria-label", &built.description())?;
        let scale = canvas::fit(&self.canvas);
        let painted = canvas::paint(&self.canvas, &built.scene, theme, scale);
        *self.drawn.borrow_mut() = Some(built);
        painted
    }

    /// The tooltip follows the pointer over the chart, as in the story.
    fn point(&self, event: &web_sys::PointerEvent) -> Result<(), JsValue> {
        let drawn = self.drawn.borrow();
        let Some(drawn) = drawn.as_ref() else {
            return Ok(());
        };
        tooltip::point(
            event,
            &self.canvas,
            &drawn.scene,
            drawn,
            &self.tip,
            &self.host,
        )
    }
}

fn create(window: &Window, tag: &str) -> Result<HtmlElement, JsValue> {
    window
        .document()
        .ok_or_else(|| js_err("the window should have a document"))?
        .create_element(tag)?
        .dyn_into()
        .map_err(|_| js_err("created elements are HTML elements"))
}

/// Sets CSS properties through the CSSOM, which a strict `style-src` allows (unlike style attributes).
fn styles(el: &HtmlElement, properties: &[(&str, &str)]) -> Result<(), JsValue> {
    let style = el.style();
    for (name, value) in properties {
        style.set_property(name, value)?;
    }
    Ok(())
}

/// The first step showing `chart`, for the link back to the story.
fn step_for(chart: ChartId) -> &'static str {
    STEPS.iter().find(|s| s.chart == chart).map_or("", |s| s.id)
}

/// Mounts a chart into `host` (inside a shadow root, so host CSS cannot reach it and ours cannot
/// leak out). A bad chart id or bad options show a readable notice there and a console warning;
/// nothing is thrown, so the host's scripts carry on.
///
/// `options` is the parsed `data-options` object (or undefined), `options_error` the JSON parse
/// error if it did not parse, `story_url` the address of the full story for the link under the chart.
#[wasm_bindgen(js_name = mountChart)]
pub fn mount_chart(
    host: HtmlElement,
    chart: &str,
    options: JsValue,
    options_error: Option<String>,
    story_url: &str,
) {
    panic::install();
    if let Err(e) = try_mount(&host, chart, options, options_error, story_url) {
        web_sys::console::warn_2(&"SenseTime embed: could not mount the chart:".into(), &e);
    }
}

fn try_mount(
    host: &HtmlElement,
    chart: &str,
    options: JsValue,
    options_error: Option<String>,
    story_url: &str,
) -> Result<(), JsValue> {
    let request = ChartId::from_id(chart)
        .ok_or_else(|| EmbedError::UnknownChart(chart.to_string()))
        .and_then(|chart| {
            let options = match options_error {
                Some(why) => Err(EmbedError::BadOptions(why)),
                None if options.is_undefined() || options.is_null() => Ok(ScriptOptions::default()),
                None if !options.is_object() || js_sys::Array::is_array(&options) => {
                    Err(EmbedError::BadOptions(
                        "they should be an object, like {\"theme\": \"dark\"}".into(),
                    ))
                }
                None => option_fields(options).and_then(ScriptOptions::from_fields),
            }?;
            Ok((chart, options))
        });
    // A notice is in the language asked for, if that much was understood, else the host page's.
    let lang = match &request {
        Ok((_, options)) => options.lang,
        Err(_) => page_lang(),
    };
    mount(host, request, story_url, lang, None)
}

/// The own fields of a script embed's options object, through serde-wasm-bindgen.
fn option_fields(options: JsValue) -> Result<Vec<(String, OptionValue)>, EmbedError> {
    from_js::<OptionFields>(options)
        .map(|fields| fields.0)
        .map_err(EmbedError::BadOptions)
}

/// Mounts a checked request, or its notice, into `host`'s shadow root; `page`, if the chart is
/// the whole of a page, is painted in the chart's background.
pub(super) fn mount(
    host: &HtmlElement,
    request: Result<(ChartId, ScriptOptions), EmbedError>,
    story_url: &str,
    lang: Lang,
    page: Option<HtmlElement>,
) -> Result<(), JsValue> {
    let window = crate::web::dom::window().ok_or_else(|| js_err("should run in a window"))?;
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    root.set_inner_html("");
    styles(host, &[("display", "block")])?;
    let (chart, options) = match request {
        Ok(found) => found,
        Err(error) => return show_notice(&window, host, &error, lang),
    };

    let canvas: HtmlCanvasElement = create(&window, "canvas")?
        .dyn_into()
        .map_err(|_| js_err("a canvas"))?;
    canvas.set_attribute("role", "img")?;
    styles(&canvas, &[("display", "block"), ("width", "100%")])?;
    let link = create(&window, "a")?;
    let address = story_address(story_url, options.locale(), step_for(chart));
    link.set_attribute("href", &address)?;
    link.set_attribute("target", "_blank")?;
    link.set_attribute("rel", "noopener")?;
    link.set_text_content(Some(story_link(options.lang)));
    // A fixed band, so the height reserved before drawing is the height after.
    let band = css_px(LINK_BAND);
    styles(&link, &[("height", band.as_str())])?;
    styles(&link, &LINK_STYLE)?;
    // Chart and link speak the chart's language, whatever the host page's is.
    canvas.set_attribute("lang", options.lang.code())?;
    link.set_attribute("lang", options.lang.code())?;
    let tip = create(&window, "div")?;
    tip.set_attribute("role", "tooltip")?;
    tip.set_attribute("lang", options.lang.code())?;
    tip.set_hidden(true);
    styles(
        &tip,
        &[
            ("position", "absolute"),
            ("z-index", "3"),
            ("max-width", "min(18rem, 80%)"),
            ("padding", "6px 8px"),
            ("border-radius", "4px"),
            ("font", "13px/1.35 system-ui, sans-serif"),
            ("pointer-events", "none"),
            ("box-shadow", "0 2px 8px rgb(0 0 0 / 0.25)"),
        ],
    )?;
    root.append_child(&canvas)?;
    root.append_child(&link)?;
    root.append_child(&tip)?;
    // The tooltip is placed within the host element, so it must be positioned; a host that
    // already is keeps its own positioning.
    let positioned = window
        .get_computed_style(host)?
        .and_then(|s| s.get_property_value("position").ok())
        .is_some_and(|p| p != "static");
    if !positioned {
        styles(host, &[("position", "relative")])?;
    }

    let mounted = Rc::new(Mounted {
        window,
        host: host.clone(),
        canvas,
        link,
        chart,
        options,
        width: Cell::new(-1.0),
        drawn: RefCell::new(None),
        tip,
        page,
    });
    mounted.draw(true)?;
    for name in POINTER_EVENTS {
        let again = Rc::clone(&mounted);
        let on_pointer =
            Closure::<dyn FnMut(web_sys::PointerEvent)>::new(move |e: web_sys::PointerEvent| {
                if !poisoned() {
                    if let Err(e) = again.point(&e) {
                        web_sys::console::warn_1(&e);
                    }
                }
            });
        mounted
            .canvas
            .add_event_listener_with_callback(name, on_pointer.as_ref().unchecked_ref())?;
        on_pointer.forget();
    }
    host.set_attribute("data-sensetime-mounted", chart.id())?;

    let again = Rc::clone(&mounted);
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        if let Err(e) = again.draw(false) {
            web_sys::console::warn_1(&e);
        }
    });
    web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())?.observe(host);
    on_resize.forget();
    let again = Rc::clone(&mounted);
    canvas::on_new_pixel_ratio(Rc::new(move || {
        if let Err(e) = again.draw(false) {
            web_sys::console::warn_1(&e);
        }
    }))?;
    if let Some(scheme) = mounted.window.match_media("(prefers-color-scheme: dark)")? {
        let again = Rc::clone(&mounted);
        let on_scheme = Closure::<dyn FnMut()>::new(move || {
            if let Err(e) = again.draw(true) {
                web_sys::console::warn_1(&e);
            }
        });
        scheme.add_event_listener_with_callback("change", on_scheme.as_ref().unchecked_ref())?;
        on_scheme.forget();
    }
    Ok(())
}

/// Puts a readable notice where the chart would have been, and warns in the console.
fn show_notice(
    window: &Window,
    host: &HtmlElement,
    error: &EmbedError,
    lang: Lang,
) -> Result<(), JsValue> {
    web_sys::console::warn_1(&format!("SenseTime embed: {error}").into());
    let root = host
        .shadow_root()
        .ok_or_else(|| js_err("the host should have its shadow root"))?;
    let notice = create(window, "p")?;
    notice.set_attribute("role", "note")?;
    notice.set_attribute("lang", lang.code())?;
    notice.set_text_content(Some(&notice_text(error, lang)));
    // The story's own look: its light theme's colours and the charts' font.
    let font = format!("14px/1.5 {FONT}");
    let rule = format!("4px solid {}", LIGHT.city.css_hex());
    styles(
        &notice,
        &[
            ("margin", "0"),
            ("padding", "12px 16px"),
            ("font", &font),
            ("color", &LIGHT.ink.css_hex()),
            ("background", &LIGHT.background.css_hex()),
            ("border-left", &rule),
        ],
    )?;
    root.append_child(&notice)?;
    styles(host, &[("min-height", "0")])?;
    host.set_attribute("data-sensetime-mounted", "notice")
}
