//! The charts: one id per picture, the builder every chart uses, one file per chart, and what
//! a reader gets besides the picture (text alternative, data table, tooltips).
//!
//! Every number drawn comes from [`crate::data::figures`] through [`Chart::figure`], which
//! records the ids used so the tests can check each chart against the data, and sources its
//! credit line. Each chart's words are in one place at the top of its file, English beside
//! Chinese (`Words` pairs for `Lang::say`, and functions for words with numbers in them,
//! through `Lang::pick_with`), so a translator reviews each chart's two languages together;
//! its layout numbers follow, named. Every chart file builds only through `builder`.

pub mod builder;
mod conversion;
pub mod id;
pub mod reading;
pub mod shown;

mod alone;
mod cities;
mod customers;
mod detection;
mod funding;
mod grants;
mod helmets;
mod megvii;
mod mentions;
mod peers;
mod revenue_mix;
mod revenue_trend;
mod ties;
mod timeline;
mod whole;

#[cfg(test)]
pub(crate) mod fit_tests;
#[cfg(test)]
mod tests;

pub use builder::{Chart, DataRow};
pub use id::{used_figures, ChartId};
