//! SenseTime explainer: the story's figures, chart scenes and scroll logic (the pure core), and a thin
//! web layer that puts them on a canvas in the browser.
//!
//! The modules are layers, lowest first; each imports only from its own layer or lower ones
//! (`tests/layers.rs` checks it): `lang` → `data` → `text` → `draw` → `chart` → `story` →
//! `host` → `web`.

pub mod lang;

pub mod data;

pub mod text;

pub mod draw;

pub mod chart;

pub mod story;

pub mod host;

#[cfg(target_arch = "wasm32")]
pub mod web;
