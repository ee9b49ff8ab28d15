//! The figures: the data file's vocabulary and checks, the compiled-in article figures and those
//! derived from them.

pub mod figures;
pub mod schema;
