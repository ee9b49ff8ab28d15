//! SenseTime explainer: the story's figures, chart scenes and scroll logic (the pure core), and a thin
//! web layer that puts them on a canvas in the browser.

pub mod charts;
pub mod embed;
pub mod figures;
pub mod format;
pub mod locale;
pub mod record;
pub mod render;
pub mod scale;
pub mod scene;
pub mod schema;
pub mod scroll;
pub mod story;
pub mod theme;
pub mod tween;

#[cfg(target_arch = "wasm32")]
pub mod web;
