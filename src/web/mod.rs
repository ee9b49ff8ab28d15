//! The web layer: the only code that touches the DOM. It measures, draws and listens; the core decides.
//!
//! Its builds are chosen by crate feature, so each page downloads only its own code: `story`
//! (the scrollytelling page and its JS API: `story/`) and `embeds` (charts mounted on other
//! sites' pages: `embed/`). The rest, at this level, both share.

mod canvas;
mod dom;
mod host;
mod js;
mod panic;
mod tooltip;

#[cfg(feature = "story")]
mod story;

#[cfg(feature = "embeds")]
mod embed;

/// The allocator: talc rather than std's dlmalloc, for size (see Cargo.toml). The Wasm is single
/// threaded, which talc's Wasm allocator requires.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(feature = "embeds")]
pub use embed::{embed_page, mount_chart};
#[cfg(feature = "test-hooks")]
pub use story::panic_for_tests;
#[cfg(feature = "story")]
pub use story::{draw_chart, draw_chart_at, figures, start};
