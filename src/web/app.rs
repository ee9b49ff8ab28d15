//! The scrolly page: follows the reader through the steps and animates the chart from state to state.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlCanvasElement, IntersectionObserver, IntersectionObserverInit, ResizeObserver,
    Window,
};

use super::canvas;
use crate::scene::{Scene, Slot};
use crate::scroll::{
    active_step, anchor_offset, parse_trigger, root_margin, trigger_line, TRIGGER,
};
use crate::story::{Change, StoryState, STEPS};
use crate::theme::LIGHT;
use crate::tween::{Transition, DURATION_MS};

thread_local! {
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// What the page holds between events.
pub struct App {
    window: Window,
    canvas: HtmlCanvasElement,
    /// `#story`, whose `--trigger` CSS property places the trigger line for the current layout.
    root: Element,
    steps: Vec<Element>,
    story: StoryState,
    /// The trigger line's fraction of the viewport height, and the observer watching it.
    trigger: f64,
    observer: Option<IntersectionObserver>,
    /// The scene on the canvas now: the last frame painted.
    shown: Scene,
    transition: Option<Transition>,
    reduced_motion: bool,
    frame_pending: bool,
}

/// A JavaScript callback kept alive by Rust, set once the page that it captures exists.
type Callback<F> = RefCell<Option<Closure<F>>>;

/// The app and its callbacks, shared by every event handler.
struct Page {
    app: RefCell<App>,
    frame: Callback<dyn FnMut(f64)>,
    on_cross: Callback<dyn FnMut()>,
}

fn js_err(message: &str) -> JsValue {
    JsValue::from_str(message)
}

impl App {
    /// Wires the page up and paints the chart for the step in view before returning.
    pub fn start() -> Result<(), JsValue> {
        if STARTED.with(|s| s.replace(true)) {
            return Err(js_err("the story has already started"));
        }
        let window = web_sys::window().ok_or_else(|| js_err("should run in a window"))?;
        let document = window
            .document()
            .ok_or_else(|| js_err("the window should have a document"))?;
        let canvas: HtmlCanvasElement = document
            .get_element_by_id("chart")
            .ok_or_else(|| js_err("the page should have a canvas#chart"))?
            .dyn_into()
            .map_err(|_| js_err("#chart should be a canvas"))?;
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
                "the page's steps {ids:?} should be {expected:?}"
            )));
        }
        let reduced_motion = window
            .match_media("(prefers-reduced-motion: reduce)")?
            .is_some_and(|m| m.matches());
        let page = Rc::new(Page {
            app: RefCell::new(App {
                window,
                canvas,
                root,
                steps,
                story: StoryState::default(),
                trigger: TRIGGER,
                observer: None,
                shown: Scene::default(),
                transition: None,
                reduced_motion,
                frame_pending: false,
            }),
            frame: RefCell::new(None),
            on_cross: RefCell::new(None),
        });
        let for_frame = Rc::clone(&page);
        *page.frame.borrow_mut() = Some(Closure::new(move |now: f64| for_frame.on_frame(now)));
        page.listen()?;
        page.app.borrow().place_anchored_step();
        page.follow_reader()?;
        let now = page.app.borrow().now();
        page.on_frame(now);
        Ok(())
    }

    fn now(&self) -> f64 {
        self.window.performance().map_or(0.0, |p| p.now())
    }

    /// Which step the reader is on, from where the steps are now.
    fn measure(&self) -> usize {
        let tops: Vec<f64> = self
            .steps
            .iter()
            .map(|s| s.get_bounding_client_rect().top())
            .collect();
        let height = self
            .window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        active_step(&tops, trigger_line(0.0, height, self.trigger)).unwrap_or(0)
    }

    /// The trigger fraction the page's CSS asks for in the current layout.
    fn css_trigger(&self) -> f64 {
        self.window
            .get_computed_style(&self.root)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value("--trigger").ok())
            .and_then(|value| parse_trigger(&value))
            .unwrap_or(TRIGGER)
    }

    /// Scrolls the step named by the URL's fragment to where it is active and readable. (The
    /// browser's own jump puts the step's top at the top edge, under the graphic on phones.)
    fn place_anchored_step(&self) {
        let hash = self.window.location().hash().unwrap_or_default();
        let Some(id) = hash.strip_prefix('#') else {
            return;
        };
        if let Some(step) = self.steps.iter().find(|s| s.id() == id) {
            let height = self
                .window
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            let top = step.get_bounding_client_rect().top();
            self.window
                .scroll_by_with_x_and_y(0.0, top - anchor_offset(height, self.trigger));
        }
    }

    /// Marks the active step in the DOM and points the chart at its state.
    fn show_step(&mut self, change: Change) -> Result<(), JsValue> {
        if let Some(from) = change.from {
            let old = &self.steps[from];
            old.class_list().remove_1("is-active")?;
            old.remove_attribute("aria-current")?;
        }
        let step = &self.steps[change.to];
        step.class_list().add_1("is-active")?;
        step.set_attribute("aria-current", "step")?;
        if !change.chart_changed {
            return Ok(());
        }
        let state = STEPS[change.to].chart;
        let target = state.scene(&LIGHT);
        self.canvas.set_attribute("data-state", state.id())?;
        self.canvas
            .set_attribute("aria-label", &describe(&target))?;
        let now = self.now();
        let from = match &self.transition {
            Some(t) => t.at(now),
            None => self.shown.clone(),
        };
        // The first chart, and every chart for readers who ask for less motion, appears at once.
        let duration_ms = if self.reduced_motion || change.from.is_none() {
            0.0
        } else {
            DURATION_MS
        };
        self.transition = Some(Transition {
            from,
            to: target,
            start_ms: now,
            duration_ms,
        });
        self.canvas.set_attribute("data-settled", "false")
    }
}

/// The canvas's accessible name: the chart's title and what it measures.
fn describe(scene: &Scene) -> String {
    let text = |slot: Slot| {
        scene
            .labels
            .iter()
            .find(|l| l.slot == slot)
            .map_or("", |l| l.text.as_str())
    };
    format!("{}. {}.", text(Slot::Title), text(Slot::Subtitle))
}

impl Page {
    /// Paints one frame: the transition's current scene, or a repaint of the settled one.
    fn on_frame(self: &Rc<Self>, now: f64) {
        let mut app = self.app.borrow_mut();
        app.frame_pending = false;
        let scene = app
            .transition
            .as_ref()
            .map_or_else(|| app.shown.clone(), |t| t.at(now));
        let scale = canvas::fit(&app.canvas);
        if let Err(e) = canvas::paint(&app.canvas, &scene, &LIGHT, scale) {
            web_sys::console::error_1(&e);
        }
        app.shown = scene;
        let finished = app.transition.as_ref().is_some_and(|t| t.done(now));
        if finished {
            app.transition = None;
            if let Err(e) = app.canvas.set_attribute("data-settled", "true") {
                web_sys::console::error_1(&e);
            }
        }
        let more = app.transition.is_some();
        drop(app);
        if more {
            self.request_frame();
        }
    }

    fn request_frame(self: &Rc<Self>) {
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
    fn follow_reader(self: &Rc<Self>) -> Result<(), JsValue> {
        let mut app = self.app.borrow_mut();
        let index = app.measure();
        if let Some(change) = app.story.go_to(index) {
            app.show_step(change)?;
            drop(app);
            self.request_frame();
        }
        Ok(())
    }

    fn report(result: Result<(), JsValue>) {
        if let Err(e) = result {
            web_sys::console::error_1(&e);
        }
    }

    /// Watches the steps cross the trigger line, (re)placing the observer when the layout moved the line.
    ///
    /// A step's top crossing the line changes whether it intersects the part of the viewport
    /// above the line; then every step is measured, so steps skipped by a fling do not matter.
    fn observe(self: &Rc<Self>) -> Result<(), JsValue> {
        let mut app = self.app.borrow_mut();
        let trigger = app.css_trigger();
        if app.observer.is_some() && app.trigger == trigger {
            return Ok(());
        }
        if let Some(old) = app.observer.take() {
            old.disconnect();
        }
        let on_cross = self.on_cross.borrow();
        let callback = on_cross
            .as_ref()
            .ok_or_else(|| js_err("the crossing callback should exist"))?;
        let options = IntersectionObserverInit::new();
        options.set_root_margin(&root_margin(trigger));
        let observer =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)?;
        for step in &app.steps {
            observer.observe(step);
        }
        app.trigger = trigger;
        app.observer = Some(observer);
        Ok(())
    }

    /// Steps crossing the trigger line, resizes, rotations and anchor jumps all lead to [`Page::follow_reader`].
    fn listen(self: &Rc<Self>) -> Result<(), JsValue> {
        let page = Rc::clone(self);
        *self.on_cross.borrow_mut() =
            Some(Closure::new(move || Self::report(page.follow_reader())));
        self.observe()?;
        let app = self.app.borrow();

        // New sizes: repaint at the new size; the layout may have moved the line or the steps.
        let page = Rc::clone(self);
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            page.request_frame();
            Self::report(page.observe());
            Self::report(page.follow_reader());
        });
        let resize_observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
        resize_observer.observe(&app.canvas);
        app.window
            .add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref())?;
        on_resize.forget();

        // A jump to another step's anchor within the page.
        let page = Rc::clone(self);
        let on_hash = Closure::<dyn FnMut()>::new(move || {
            page.app.borrow().place_anchored_step();
            Self::report(page.follow_reader());
        });
        app.window
            .add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref())?;
        on_hash.forget();
        Ok(())
    }
}
