//! The host page's viewport, as reported to a framed story, and where the story's sticky graphic
//! goes in it.

use serde::Deserialize;

/// The host snippet's message to a framed story, where its frame sits in the host's viewport:
/// `{sentinel: "sensetime", type: "viewport", top, height}` (see [`HostViewport`]).
pub const VIEWPORT_SENTINEL: &str = "sensetime";
pub const VIEWPORT_MESSAGE: &str = "viewport";

/// The host snippet's viewport message as it arrives, read through serde (serde-wasm-bindgen in
/// the browser): any other message, from the host's own scripts, fails to read or is not ours.
#[derive(Debug, Deserialize)]
pub struct ViewportMessage {
    sentinel: String,
    #[serde(rename = "type")]
    kind: String,
    top: f64,
    height: f64,
}

impl ViewportMessage {
    /// The viewport it reports: if it is ours (sentinel and type), with two finite numbers.
    pub fn viewport(&self) -> Option<HostViewport> {
        let ours = self.sentinel == VIEWPORT_SENTINEL && self.kind == VIEWPORT_MESSAGE;
        let finite = self.top.is_finite() && self.height.is_finite();
        (ours && finite).then_some(HostViewport {
            top: self.top,
            height: self.height,
        })
    }
}

/// Where an embedded story's frame sits in its host's viewport, as the host snippet reports it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HostViewport {
    /// The frame's top edge relative to the host's viewport top (negative once scrolled past).
    pub top: f64,
    /// The host's viewport height.
    pub height: f64,
}

impl HostViewport {
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

    fn message(sentinel: &str, kind: &str, top: f64, height: f64) -> ViewportMessage {
        ViewportMessage {
            sentinel: sentinel.into(),
            kind: kind.into(),
            top,
            height,
        }
    }

    #[test]
    fn the_host_viewport_comes_from_our_message_with_two_finite_numbers() {
        assert_eq!(
            message("sensetime", "viewport", -20.5, 800.0).viewport(),
            Some(HostViewport {
                top: -20.5,
                height: 800.0
            })
        );
        assert_eq!(message("other", "viewport", 0.0, 800.0).viewport(), None);
        assert_eq!(message("sensetime", "height", 0.0, 800.0).viewport(), None);
        assert_eq!(
            message("sensetime", "viewport", f64::NAN, 800.0).viewport(),
            None
        );
        assert_eq!(
            message("sensetime", "viewport", 0.0, f64::INFINITY).viewport(),
            None
        );
    }

    /// What the host snippet sends reads as a message; what a host's other scripts might post
    /// (other shapes, strings, numbers as text) does not, and is ignored.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn only_the_snippets_shape_reads_as_a_viewport_message() {
        let read = |json: &str| serde_json::from_str::<ViewportMessage>(json);
        let sent = read(
            r#"{"sentinel":"sensetime","type":"viewport","top":-20.5,"height":800,"extra":1}"#,
        )
        .unwrap();
        assert_eq!(
            sent.viewport(),
            Some(HostViewport {
                top: -20.5,
                height: 800.0
            })
        );
        for other in [
            r#"{"sentinel":"sensetime","type":"viewport","top":-20.5}"#,
            r#"{"sentinel":"sensetime","type":"viewport","top":"0","height":800}"#,
            r#"{"type":"viewport","top":0,"height":800}"#,
            r#""sensetime""#,
            r#"[0, 800]"#,
        ] {
            assert!(read(other).is_err(), "{other}");
        }
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
