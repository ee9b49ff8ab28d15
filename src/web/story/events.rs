//! What the page listens to: steps crossing the trigger line, resizes and rotations, anchor jumps,
//! and the reader switching between light and dark. Every handler leads back to the app.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverInit, ResizeObserver};

use super::app::Page;
use crate::host::viewport::ViewportMessage;
use crate::story::scroll::root_margin;
use crate::web::canvas;
use crate::web::dom::{js_err, matches};
use crate::web::host::{keep_host_told, parse_child_id};
use crate::web::js::from_js;
use crate::web::panic::poisoned;

impl Page {
    /// Watches the steps cross the trigger line, (re)placing the observer when the layout moved the line.
    ///
    /// A step's top crossing the line changes whether it intersects the part of the viewport
    /// above the line; then every step is measured, so steps skipped by a fling do not matter.
    pub(super) fn observe(self: &Rc<Self>) -> Result<(), JsValue> {
        if poisoned() {
            return Ok(());
        }
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

    /// A message from the host page: where our frame sits in its viewport (sent by `frames.js`).
    /// Only our parent is listened to, and only messages marked as ours.
    fn on_host_message(self: &Rc<Self>, event: &web_sys::MessageEvent) -> Result<(), JsValue> {
        if poisoned() {
            return Ok(());
        }
        let parent = self.app.borrow().window.parent()?;
        let from_parent = match (event.source(), parent) {
            (Some(source), Some(parent)) => {
                let (source, parent): (&JsValue, &JsValue) = (source.as_ref(), parent.as_ref());
                source == parent
            }
            _ => false,
        };
        if !from_parent {
            return Ok(());
        }
        let Some(host) = from_js::<ViewportMessage>(event.data())
            .ok()
            .and_then(|message| message.viewport())
        else {
            return Ok(());
        };
        self.app.borrow_mut().follow_host(host)?;
        self.request_frame();
        self.follow_reader()
    }

    /// Installs every listener; they live as long as the page.
    pub(super) fn listen(self: &Rc<Self>) -> Result<(), JsValue> {
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
        ResizeObserver::new(on_resize.as_ref().unchecked_ref())?.observe(&app.canvas);
        let page = Rc::clone(self);
        canvas::on_new_pixel_ratio(Rc::new(move || page.request_frame()))?;
        app.window
            .add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref())?;
        on_resize.forget();

        // A jump to another step's anchor within the page. (Where the browser puts the step is
        // set in CSS, by each step's scroll-margin-top.)
        let page = Rc::clone(self);
        let on_jump = Closure::<dyn FnMut()>::new(move || {
            if !poisoned() {
                Self::report(page.follow_reader());
            }
        });
        app.window
            .add_event_listener_with_callback("hashchange", on_jump.as_ref().unchecked_ref())?;
        // Backstop: a jump the browser makes by itself (restoring a reloaded page, following a
        // fragment) can land between two observer checks without any step crossing the line in
        // between; a scroll event always follows. Measuring is a few rectangle reads.
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(true);
        app.window
            .add_event_listener_with_callback_and_add_event_listener_options(
                "scroll",
                on_jump.as_ref().unchecked_ref(),
                &options,
            )?;
        on_jump.forget();

        // In a frame sized to its content: tell the host our height, and follow the host's viewport.
        if app.framed() {
            let document = app.window.document().ok_or_else(|| js_err("a document"))?;
            let body = document
                .body()
                .ok_or_else(|| js_err("a framed story should have a body"))?;
            let child_id = parse_child_id(&app.window.location().search()?);
            keep_host_told(&app.window, &body, child_id, "sensetime-story".into())?;
            let page = Rc::clone(self);
            let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |event: web_sys::MessageEvent| {
                    Self::report(page.on_host_message(&event));
                },
            );
            app.window
                .add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref())?;
            on_message.forget();
        }

        // Light or dark: the chart re-themes with the page.
        if let Some(scheme) = app.window.match_media("(prefers-color-scheme: dark)")? {
            let page = Rc::clone(self);
            let on_scheme = Closure::<dyn FnMut()>::new(move || {
                if poisoned() {
                    return;
                }
                {
                    let mut app = page.app.borrow_mut();
                    app.dark = matches(&app.window, "(prefers-color-scheme: dark)");
                    app.retheme();
                }
                page.request_frame();
            });
            scheme
                .add_event_listener_with_callback("change", on_scheme.as_ref().unchecked_ref())?;
            on_scheme.forget();
        }
        Ok(())
    }
}
