//! The story page: its JS API, its state (steps, frames, transitions), the observers and
//! listeners that drive it, and the currency control.

mod api;
mod app;
mod charts;
mod events;
mod explore;

#[cfg(feature = "test-hooks")]
pub use api::panic_for_tests;
pub use api::{draw_chart, draw_chart_at, figures, start};
