//! The charts: one id per picture, the builder every chart uses, one file per chart, and what
//! a reader gets besides the picture (text alternative, data table, tooltips).
//!
//! Every number drawn comes from [`crate::data::figures`] through [`Chart::figure`], which
//! records the ids used so the tests can check each chart against the data, and sources its
//! credit line. Every word is written in English and Chinese side by side (`l.t("…", "…")`,
//! `l.pick_with(|| …, || …)`), so a translator reviews each chart's two languages together.

pub mod builder;
mod conversion;
pub mod id;
pub mod reading;

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
mod timeline;

#[cfg(test)]
mod tests;

pub use builder::{Chart, DataRow};
pub use id::{used_figures, ChartId};
