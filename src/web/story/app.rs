//! The scrolly page: follows the reader through the steps and animates the chart from step to step.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, HtmlElement, IntersectionObserver, Window};

use super::charts;
use crate::chart::shown::Shown;
use crate::chart::ChartId;
use crate::draw::scene::Scene;
use crate::draw::theme::Theme;
use crate::draw::tween::{Transition, DURATION_MS};
use crate::host::query::{currency_in_query, query_with_currency};
use crate::host::viewport::HostViewport;
use crate::story::event::StepEvent;
use crate::story::scroll::{active_step, parse_trigger, trigger_line, TRIGGER};
use crate::story::steps::{Change, StoryState, STEPS};
use crate::text::format::css_px;
use crate::text::locale::Locale;
use crate::text::money::Currency;
use crate::web::canvas;
use crate::web::dom::{
    by_id, js_err, matches, page_lang, set_attribute, set_style, set_text, window_and_document,
};
use crate::web::js::to_js;
use crate::web::panic::poisoned;

thread_local! {
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// What the page holds between events.
pub struct App {
    pub(super) window: Window,
    pub(super) canvas: HtmlCanvasElement,
    /// `#story`, whose `--trigger` CSS property places the trigger line for the current layout.
    root: Element,
    /// The sticky graphic, which a framed story moves itself.
    pub(super) graphic: Option<HtmlElement>,
    /// In a frame sized to its content (`frame.html`), where the host page says the frame is:
    /// the frame's own viewport is the whole story, so the host's decides what the reader sees.
    pub(super) host: Option<HostViewport>,
    /// Whether the page is framed (main.js marks it); read through [`App::framed`].
    framed: bool,
    pub(super) steps: Vec<Element>,
    /// A polite live region that names each chart once it has settled.
    live: Option<Element>,
    story: StoryState,
    /// Whether the reader has scrolled into the story (the first step's top is above the line).
    inside: bool,
    /// The trigger line's fraction of the viewport height, and the observer watching it.
    pub(super) trigger: f64,
    pub(super) observer: Option<IntersectionObserver>,
    /// The scene on the canvas now: the last frame painted.
    pub(super) shown: Scene,
    transition: Option<Transition>,
    reduced_motion: bool,
    pub(super) dark: bool,
    /// Whether the canvas no longer shows `shown` as it should (a new theme): paint even without
    /// a transition or a resize.
    stale: bool,
    /// The page's language and how the reader wants money shown.
    pub(super) locale: Locale,
    /// The settled chart's model: what its marks show, for tooltips.
    pub(super) model: Option<Shown>,
    /// The link to the other language's edition, and its address without query or fragment.
    lang_switch: Option<(Element, String)>,
    frame_pending: bool,
}

/// A JavaScript callback kept alive by Rust, set once the page that it captures exists.
pub(super) type Callback<F> = RefCell<Option<Closure<F>>>;

/// The app and its callbacks, shared by every event handler.
pub(super) struct Page {
    pub(super) app: RefCell<App>,
    frame: Callback<dyn FnMut(f64)>,
    pub(super) on_cross: Callback<dyn FnMut()>,
    /// The tooltip over the chart, once made.
    pub(super) tip: RefCell<Option<HtmlElement>>,
}

impl App {
    /// Wires the page up and paints the chart for the step in view before returning.
    pub fn start() -> Result<(), JsValue> {
        if STARTED.with(|s| s.replace(true)) {
            return Err(js_err("the story has already started"));
        }
        let (window, document) = window_and_document()?;
        let canvas: HtmlCanvasElement = by_id(&document, "chart", "a canvas#chart")?;
        let root = document
            .get_element_by_id("story")
            .ok_or_else(|| js_err("the page should have a #story"))?;
        let nodes = root.query_selector_all(".step")?;
        let steps: Vec<Element> = (0..nodes.length())
            .filter_map(|i| nodes.item(i))
            .filter_map(|n| n.dyn_into().ok())
            .collect();
        let ids: Vec<String> = steps.iter().map(Element::id).collect();
        let expected: Vec<&str> = STEPS.iter().map(|s| s.id).collect();
        if ids != expected {
            return Err(js_err(&format!(
                "the page's steps ({}) should be {}",
                crate::text::format::join(&ids, ", "),
                crate::text::format::join(&expected, ", ")
            )));
        }
        let lang = page_lang();
        let currency = currency_in_query(&window.location().search()?).unwrap_or_default();
        let lang_switch = document
            .query_selector("a.lang-switch")?
            .and_then(|a| a.get_attribute("href").map(|href| (a, href)));
        let app = App {
            locale: Locale { lang, currency },
            model: None,
            stale: true,
            lang_switch,
            live: document.get_element_by_id("chart-live"),
            graphic: root
                .query_selector(".graphic")?
                .and_then(|g| g.dyn_into().ok()),
            host: None,
            framed: document
                .document_element()
                .is_some_and(|e| e.class_list().contains("framed")),
            reduced_motion: matches(&window, "(prefers-reduced-motion: reduce)"),
            dark: matches(&window, "(prefers-color-scheme: dark)"),
            window,
            canvas,
            root,
            steps,
            story: StoryState::default(),
            inside: false,
            trigger: TRIGGER,
            observer: None,
            shown: Scene::default(),
            transition: None,
            frame_pending: false,
        };
        let page = Rc::new(Page {
            app: RefCell::new(app),
            frame: RefCell::new(None),
            on_cross: RefCell::new(None),
            tip: RefCell::new(None),
        });
        let for_frame = Rc::clone(&page);
        *page.frame.borrow_mut() = Some(Closure::new(move |now: f64| for_frame.on_frame(now)));
        page.listen()?;
        page.explore()?;
        page.app.borrow().land_on_fragment()?;
        page.follow_reader()?;
        let now = page.app.borrow().now();
        page.on_frame(now);
        Ok(())
    }

    /// Whether the story follows a host page it is framed in. Only builds with the `frame`
    /// feature do (frame.html loads them); in the others this is a constant false, so the code
    /// for following a host is compiled out of the story page's Wasm.
    pub(super) fn framed(&self) -> bool {
        cfg!(feature = "frame") && self.framed
    }

    fn now(&self) -> f64 {
        self.window.performance().map_or(0.0, |p| p.now())
    }

    fn viewport_height(&self) -> f64 {
        self.window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0)
    }

    pub(super) fn theme(&self) -> &'static Theme {
        Theme::for_dark_mode(self.dark)
    }

    /// Which step the reader is on, from where the steps are now, and whether they are inside the story.
    fn measure(&self) -> (usize, bool) {
        let top = |i: usize| self.steps[i].get_bounding_client_rect().top();
        let (viewport_top, height) = match self.host {
            Some(host) => host.visible(),
            None => (0.0, self.viewport_height()),
        };
        let line = trigger_line(viewport_top, height, self.trigger);
        let inside = !self.steps.is_empty() && top(0) <= line;
        (
            active_step(self.steps.len(), top, line).unwrap_or(0),
            inside,
        )
    }

    /// A link to a step (`index.html#mopeds`) opens on that step. The browser jumps there itself,
    /// but may not have yet when we start (it waits for layout to settle, and a reload restores
    /// positions late); if the step under the line is not the one linked to, we make the same
    /// jump the browser would (`scrollIntoView`, placed by the step's CSS scroll-margin-top), so
    /// whichever comes first, both land on the same spot. A framed story follows its host instead.
    fn land_on_fragment(&self) -> Result<(), JsValue> {
        if self.framed() {
            return Ok(());
        }
        let hash = self.window.location().hash()?;
        let Some(index) = crate::story::steps::index_of(hash.trim_start_matches('#')) else {
            return Ok(());
        };
        if self.measure().0 != index {
            self.steps[index].scroll_into_view();
        }
        Ok(())
    }

    /// The trigger fraction the page's CSS asks for in the current layout.
    pub(super) fn css_trigger(&self) -> f64 {
        self.window
            .get_computed_style(&self.root)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value("--trigger").ok())
            .and_then(|value| parse_trigger(&value))
            .unwrap_or(TRIGGER)
    }

    /// In a frame: takes the host's word for what the reader sees, sizes the graphic to the host's
    /// viewport and keeps it in view, as `position: sticky` would if the frame scrolled.
    pub(super) fn follow_host(&mut self, host: HostViewport) -> Result<(), JsValue> {
        let resized = self
            .host
            .is_none_or(|old| (old.height - host.height).abs() >= 1.0);
        self.host = Some(host);
        let Some(graphic) = &self.graphic else {
            return Ok(());
        };
        if resized {
            let root = self.window.document().and_then(|d| d.document_element());
            if let Some(root) = root.and_then(|r| r.dyn_into::<HtmlElement>().ok()) {
                set_style(&root, "--vh", Some(&css_px(host.height / 100.0)))?;
            }
        }
        let story: &HtmlElement = self.root.unchecked_ref();
        let room = f64::from(story.offset_height() - graphic.offset_height());
        let offset = host.sticky_offset(f64::from(story.offset_top()), room);
        set_style(
            graphic,
            "transform",
            Some(&format!("translateY({})", css_px(offset.round()))),
        )
    }

    fn chart(&self) -> ChartId {
        self.story.chart()
    }

    /// Marks the active step in the DOM and points the chart at the step's.
    fn show_step(&mut self, change: Change) -> Result<(), JsValue> {
        if let Some(from) = change.from {
            let old = &self.steps[from];
            old.class_list().remove_1("is-active")?;
            old.remove_attribute("aria-current")?;
        }
        let step = &self.steps[change.to];
        step.class_list().add_1("is-active")?;
        step.set_attribute("aria-current", "step")?;
        self.announce(change)?;
        if !change.chart_changed {
            return Ok(());
        }
        // The first chart, and every chart for readers who ask for less motion, appears at once.
        self.show_chart(change.from.is_some())
    }

    /// Points the chart at the current step's in the current locale, animating there if `animate`.
    fn show_chart(&mut self, animate: bool) -> Result<(), JsValue> {
        let chart = self.chart();
        let built = charts::shown(chart, &self.locale, self.dark);
        set_attribute(&self.canvas, "data-state", chart.id())?;
        set_attribute(&self.canvas, "aria-label", &built.description)?;
        // The currency control is offered (style.css) only beside a chart that shows money.
        let money = if built.money { "true" } else { "false" };
        set_attribute(&self.canvas, "data-money", money)?;
        let now = self.now();
        let from = match &self.transition {
            Some(t) => t.at(now),
            None => self.shown.clone(),
        };
        let duration_ms = if self.reduced_motion || !animate {
            0.0
        } else {
            DURATION_MS
        };
        self.transition = Some(Transition {
            from,
            to: built.scene.clone(),
            start_ms: now,
            duration_ms,
        });
        self.model = Some(built);
        self.canvas.set_attribute("data-settled", "false")
    }

    /// Shows money as the reader asked: every label and the text alternative change, the bars
    /// move to match, and the address remembers the choice.
    pub(super) fn set_currency(&mut self, currency: Currency) -> Result<(), JsValue> {
        if self.locale.currency == currency {
            return Ok(());
        }
        self.locale.currency = currency;
        self.show_chart(true)?;
        self.update_address()
    }

    /// Tells the host page: a `sensetime:step` event on the document, and in a frame a message
    /// of the same shape to the host (docs/api.md).
    fn announce(&self, change: Change) -> Result<(), JsValue> {
        let detail = to_js(&StepEvent::new(change))?;
        if let Some(document) = self.window.document() {
            let init = web_sys::CustomEventInit::new();
            init.set_detail(&detail);
            let event = web_sys::CustomEvent::new_with_event_init_dict(StepEvent::NAME, &init)?;
            document.dispatch_event(&event)?;
        }
        if self.framed() {
            if let Some(host) = self.window.parent()? {
                host.post_message(&detail, "*")?;
            }
        }
        Ok(())
    }

    /// Redraws the current chart in the current theme, at once.
    pub(super) fn retheme(&mut self) {
        self.transition = None;
        self.stale = true;
        let built = charts::shown(self.chart(), &self.locale, self.dark);
        self.shown = built.scene.clone();
        self.model = Some(built);
    }

    /// Once a chart has settled: name it in the live region, and let the URL point at the step.
    fn settled(&self) -> Result<(), JsValue> {
        self.canvas.set_attribute("data-settled", "true")?;
        let index = self.story.active().unwrap_or(0);
        if let Some(live) = &self.live {
            let title = self.shown.text("title").unwrap_or_default();
            let (n, of) = (index + 1, STEPS.len());
            set_text(
                live,
                &self.locale.lang.pick_with(
                    || format!("Chart {n} of {of}: {title}"),
                    || format!("第{n}张图表（共{of}张）：{title}"),
                ),
            );
        }
        self.update_address()
    }

    /// Keeps the address (and the link to the other language) pointing at the step in view and
    /// the reader's currency. Replacing, not pushing: the back button leaves the story rather
    /// than replaying it.
    fn update_address(&self) -> Result<(), JsValue> {
        let index = self.story.active().unwrap_or(0);
        let location = self.window.location();
        let hash = if self.inside {
            format!("#{}", STEPS[index].id)
        } else {
            String::new()
        };
        let now = location.search()?;
        let search = query_with_currency(&now, self.locale.currency);
        if location.hash()? != hash || now != search {
            let url = format!("{}{search}{hash}", location.pathname()?);
            self.window
                .history()?
                .replace_state_with_url(&JsValue::NULL, "", Some(&url))?;
        }
        if let Some((link, base)) = &self.lang_switch {
            // The other edition keeps the reader's place and currency, but not a frame's setup.
            let search = query_with_currency("", self.locale.currency);
            set_attribute(link, "href", &format!("{base}{search}{hash}"))?;
        }
        Ok(())
    }
}

impl Page {
    /// Paints one frame: the transition's current scene, or a repaint of the settled one.
    fn on_frame(self: &Rc<Self>, now: f64) {
        if poisoned() {
            return;
        }
        let mut app = self.app.borrow_mut();
        app.frame_pending = false;
        // Fitting reads the layout, which the step change before a transition's first frame
        // has dirtied: done here, that work stays out of the paint's measure (the canvas's
        // font, set while painting, would otherwise wait for it).
        let (scale, resized) = canvas::fit_changed(&app.canvas);
        // Drawing only when something changed: a transition, a new size, a new theme. (A
        // resize observer's first call, a host viewport message, ... ask for frames that would
        // paint the same picture again.)
        if app.transition.is_none() && !resized && !app.stale {
            return;
        }
        app.stale = false;
        let scene = app
            .transition
            .as_ref()
            .map_or_else(|| app.shown.clone(), |t| t.at(now));
        Self::report(canvas::measured(&app.window, app.chart().id(), || {
            canvas::paint(&app.canvas, &scene, app.theme(), scale)
        }));
        app.shown = scene;
        if app.transition.as_ref().is_some_and(|t| t.done(now)) {
            app.transition = None;
            Self::report(app.settled());
        }
        let more = app.transition.is_some();
        drop(app);
        if more {
            self.request_frame();
        }
    }

    pub(super) fn request_frame(self: &Rc<Self>) {
        let mut app = self.app.borrow_mut();
        if app.frame_pending {
            return;
        }
        let frame = self.frame.borrow();
        let Some(callback) = frame.as_ref() else {
            return;
        };
        match app
            .window
            .request_animation_frame(callback.as_ref().unchecked_ref())
        {
            Ok(_) => app.frame_pending = true,
            Err(e) => web_sys::console::error_1(&e),
        }
    }

    /// Moves the story to the step under the trigger line, if that changed.
    pub(super) fn follow_reader(self: &Rc<Self>) -> Result<(), JsValue> {
        if poisoned() {
            return Ok(());
        }
        let mut app = self.app.borrow_mut();
        let (index, inside) = app.measure();
        let moved_in_or_out = app.inside != inside;
        app.inside = inside;
        let step_changed = match app.story.go_to(index) {
            Some(change) => {
                app.show_step(change)?;
                true
            }
            // Same step, but the URL should say whether the reader is in the story.
            None if moved_in_or_out && app.transition.is_none() => {
                app.settled()?;
                false
            }
            None => return Ok(()),
        };
        drop(app);
        // A tooltip belongs to the step it was asked for in: the reader scrolling on closes it,
        // even where the next step shows the same chart.
        if step_changed {
            self.hide_tip();
        }
        self.request_frame();
        Ok(())
    }

    pub(super) fn report(result: Result<(), JsValue>) {
        if let Err(e) = result {
            web_sys::console::error_1(&e);
        }
    }
}
