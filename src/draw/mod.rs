//! Drawing: a chart as a scene of keyed marks, its scales, colours and transitions, and painting
//! it onto any plotters drawing area.

pub mod hit;
pub mod layout;
pub mod render;
pub mod scale;
pub mod scene;
pub mod theme;
pub mod tween;
