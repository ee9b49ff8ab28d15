//! What the page listens to: steps crossing the trigger line, resizes and rotations, anchor jumps,
//! and the reader switching between light and dark. Every handler leads back to the app.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverInit, ResizeObserver};

use super::app::{js_err, matches, Page};
use crate::scroll::root_margin;

impl Page {
    /// Watches the steps cross the trigger line, (re)placing the observer when the layout moved the line.
    ///
    /// A step's top crossing the line changes whether it intersects the part of the viewport
    /// above the line; then every step is measured, so steps skipped by a fling do not matter.
    pub(super) fn observe(self: &Rc<Self>) -> Result<(), JsValue> {
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

        // Light or dark: the chart re-themes with the page.
        if let Some(scheme) = app.window.match_media("(prefers-color-scheme: dark)")? {
            let page = Rc::clone(self);
            let on_scheme = Closure::<dyn FnMut()>::new(move || {
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
