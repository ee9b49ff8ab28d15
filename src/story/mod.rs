//! The story: its steps in order, the trigger-line arithmetic that picks the active one, and
//! what JavaScript hears when it changes.

pub mod event;
pub mod scroll;
pub mod steps;
