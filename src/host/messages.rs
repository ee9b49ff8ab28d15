//! The height messages auto-sizing hosts listen for (pym.js, AMP, Datawrapper): the parameters
//! pym adds to a child frame's URL, the height message a child sends, and reading a parent's.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::text::format;

/// Parameters pym.js adds to a child's URL, which we accept and, but for childId, ignore.
pub const PYM_PARAMETERS: [&str; 4] = ["childId", "initialWidth", "parentTitle", "parentUrl"];

/// The AMP height message, which AMP, Datawrapper, Flourish and most auto-sizing hosts hear:
/// `{sentinel: "amp", type: "embed-size", height}`.
pub const AMP_SENTINEL: &str = "amp";
pub const AMP_EMBED_SIZE: &str = "embed-size";

/// Datawrapper's height message: `{"datawrapper-height": {"<id>": height}}`.
pub const DATAWRAPPER_HEIGHT: &str = "datawrapper-height";

/// The AMP height message for a frame whose content is `height` CSS pixels tall, as serde writes
/// it (the web layer posts it through serde-wasm-bindgen).
pub struct AmpHeight(pub u32);

impl Serialize for AmpHeight {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("sentinel", AMP_SENTINEL)?;
        map.serialize_entry("type", AMP_EMBED_SIZE)?;
        map.serialize_entry("height", &self.0)?;
        map.end()
    }
}

/// Datawrapper's height message for the frame named `id`, `height` CSS pixels tall.
pub struct DatawrapperHeight<'a> {
    pub id: &'a str,
    pub height: u32,
}

impl Serialize for DatawrapperHeight<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// The inner object: the frame's name and its height.
        struct Named<'a>(&'a str, u32);
        impl Serialize for Named<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry(self.0, &self.1)?;
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(DATAWRAPPER_HEIGHT, &Named(self.id, self.height))?;
        map.end()
    }
}

/// What separates the parts of a pym.js message.
const PYM_SEPARATOR: &str = "xPYMx";

/// pym.js's height message: `pymxPYMx<id>xPYMxheightxPYMx<px>`.
pub fn pym_height(child_id: &str, height: u32) -> String {
    format::join(
        ["pym", child_id, "height", &height.to_string()],
        PYM_SEPARATOR,
    )
}

/// A message from a pym.js parent: its frame id, type and value; `None` for anything else.
pub fn parse_pym(message: &str) -> Option<(&str, &str, &str)> {
    let rest = message.strip_prefix("pym")?.strip_prefix(PYM_SEPARATOR)?;
    let (id, rest) = split_pym(rest)?;
    let (kind, value) = split_pym(rest)?;
    split_pym(value).is_none().then_some((id, kind, value))
}

/// `text` around its first `xPYMx`. By hand: `str::split` on a string pattern brings a
/// substring search and a panic message that needs Unicode tables into the Wasm.
fn split_pym(text: &str) -> Option<(&str, &str)> {
    let separator = PYM_SEPARATOR.as_bytes();
    let at = text
        .as_bytes()
        .windows(separator.len())
        .position(|w| w == separator)?;
    Some((text.get(..at)?, text.get(at + separator.len()..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Written as maps, not derived, like the figures: serde-wasm-bindgen turns a map into a
    /// plain object (the web layer asks it to), and the hosts read exactly these shapes.
    /// (Native only: serde_json is not in the Wasm builds.)
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_amp_and_datawrapper_height_messages_have_the_shapes_hosts_read() {
        assert_eq!(
            serde_json::to_string(&AmpHeight(512)).unwrap(),
            r#"{"sentinel":"amp","type":"embed-size","height":512}"#
        );
        let datawrapper = DatawrapperHeight {
            id: "chart-frame",
            height: 512,
        };
        assert_eq!(
            serde_json::to_string(&datawrapper).unwrap(),
            r#"{"datawrapper-height":{"chart-frame":512}}"#
        );
    }

    #[test]
    fn pym_messages_round_trip() {
        assert_eq!(pym_height("st-1", 512), "pymxPYMxst-1xPYMxheightxPYMx512");
        assert_eq!(
            parse_pym("pymxPYMxst-1xPYMxwidthxPYMx600"),
            Some(("st-1", "width", "600"))
        );
        assert_eq!(parse_pym("hello"), None);
        assert_eq!(parse_pym("pymxPYMxaxPYMxbxPYMxcxPYMxd"), None);
        assert_eq!(parse_pym("notpymxPYMxaxPYMxbxPYMxc"), None);
    }
}
