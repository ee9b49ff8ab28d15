//! The host page's viewport, as reported to a framed story, and where the story's sticky graphic
//! goes in it.

/// The host snippet's message to a framed story, where its frame sits in the host's viewport:
/// `{sentinel: "sensetime", type: "viewport", top, height}` (see [`HostViewport`]).
pub const VIEWPORT_SENTINEL: &str = "sensetime";
pub const VIEWPORT_MESSAGE: &str = "viewport";

/// Where an embedded story's frame sits in its host's viewport, as the host snippet reports it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HostViewport {
    /// The frame's top edge relative to the host's viewport top (negative once scrolled past).
    pub top: f64,
    /// The host's viewport height.
    pub height: f64,
}

impl HostViewport {
    /// The viewport from a message's `top` and `height`; `None` unless both are finite numbers.
    pub fn from_message(top: Option<f64>, height: Option<f64>) -> Option<HostViewport> {
        match (top, height) {
            (Some(top), Some(height)) if top.is_finite() && height.is_finite() => {
                Some(HostViewport { top, height })
            }
            _ => None,
        }
    }

    /// The part of the frame's document the reader can see: its top in the frame's own coordinates, and height.
    pub fn visible(self) -> (f64, f64) {
        (-self.top, self.height.max(0.0))
    }

    /// How far the sticky graphic must move down to stay in view: between 0 and `room`, the
    /// story's height less the graphic's.
    pub fn sticky_offset(self, story_top: f64, room: f64) -> f64 {
        // Not `clamp`: with bounds only known at run time it keeps a panic message that prints
        // floats, and float printing is kept out of the Wasm.
        (-self.top - story_top).max(0.0).min(room.max(0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_viewport_comes_from_two_finite_numbers() {
        assert_eq!(
            HostViewport::from_message(Some(-20.5), Some(800.0)),
            Some(HostViewport {
                top: -20.5,
                height: 800.0
            })
        );
        assert_eq!(HostViewport::from_message(None, Some(800.0)), None);
        assert_eq!(HostViewport::from_message(Some(0.0), None), None);
        assert_eq!(
            HostViewport::from_message(Some(f64::NAN), Some(800.0)),
            None
        );
        assert_eq!(
            HostViewport::from_message(Some(0.0), Some(f64::INFINITY)),
            None
        );
    }

    #[test]
    fn the_host_viewport_places_the_trigger_and_the_graphic() {
        let v = HostViewport {
            top: -1500.0,
            height: 800.0,
        };
        assert_eq!(v.visible(), (1500.0, 800.0));
        assert_eq!(v.sticky_offset(300.0, 5000.0), 1200.0);
        assert_eq!(
            HostViewport {
                top: 200.0,
                height: 800.0
            }
            .sticky_offset(300.0, 5000.0),
            0.0
        );
        assert_eq!(
            HostViewport {
                top: -9000.0,
                height: 800.0
            }
            .sticky_offset(300.0, 5000.0),
            5000.0
        );
    }
}
