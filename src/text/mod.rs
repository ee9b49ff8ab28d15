//! Words and numbers as a reader sees them: money in the chosen currency, numbers formatted in
//! the reader's language.

pub mod format;
pub mod locale;
pub mod money;
