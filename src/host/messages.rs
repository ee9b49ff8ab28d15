//! The height messages auto-sizing hosts listen for (pym.js, AMP, Datawrapper): the parameters
//! pym adds to a child frame's URL, the height message a child sends, and reading a parent's.

use crate::text::format;

/// Parameters pym.js adds to a child's URL, which we accept and, but for childId, ignore.
pub const PYM_PARAMETERS: [&str; 4] = ["childId", "initialWidth", "parentTitle", "parentUrl"];

/// The AMP height message, which AMP, Datawrapper, Flourish and most auto-sizing hosts hear:
/// `{sentinel: "amp", type: "embed-size", height}`.
pub const AMP_SENTINEL: &str = "amp";
pub const AMP_EMBED_SIZE: &str = "embed-size";

/// Datawrapper's height message: `{"datawrapper-height": {"<id>": height}}`.
pub const DATAWRAPPER_HEIGHT: &str = "datawrapper-height";

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
