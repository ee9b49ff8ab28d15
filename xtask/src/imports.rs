//! Short import and export names. wasm-bindgen names each function the Wasm imports from its
//! glue after the Rust path and a hash (`__wbg_addEventListener_f2d27251d333a631`) and repeats the
//! glue's module name in every import; both are written out twice, in the Wasm's import section
//! and as keys of the glue's import object. Its own exports from the Wasm have long names too
//! (`__wbindgen_malloc`, `wasm_bindgen__convert__closures_____invoke__h784ed980b565ed04`), in the
//! export section and at every `wasm.<name>` in the glue. Renaming both to `a`, `b`, … in both
//! files makes the story page smaller. The Wasm's public exports (`start`,
//! `drawChart`, …, `memory`) keep their names, and so do the glue's own exports.

use std::path::Path;

use crate::files;

/// Renames every function the Wasm at `wasm` imports from `module` (the glue, as wasm-bindgen
/// names it: `./<name>_bg.js`) to a short name, in the Wasm and in the glue at `glue`, and the
/// module itself to `a`; and every export of wasm-bindgen's own (see [`internal`]). Fails,
/// touching nothing, if the glue does not name each import exactly once as an object key, or
/// names an internal export other than as `wasm.<name>`: a wasm-bindgen that writes its glue
/// differently must be looked at.
pub fn minify(wasm: &Path, glue: &Path, module: &str) -> Result<(), String> {
    let bytes = files::read_bytes(wasm)?;
    let text = files::read(glue)?;
    let (bytes, text) = rename(&bytes, &text, module)
        .map_err(|e| format!("cannot shorten the imports of {}: {e}", wasm.display()))?;
    files::write(wasm, bytes)?;
    files::write(glue, text)
}

/// The module name the imports get.
const SHORT_MODULE: &str = "a";

/// The renamed Wasm and glue.
fn rename(wasm: &[u8], glue: &str, module: &str) -> Result<(Vec<u8>, String), String> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return Err("not a Wasm module".into());
    }
    let mut out = wasm[..8].to_vec();
    let mut names = short_names();
    let mut export_names = short_names();
    let mut renamed: Vec<(String, String)> = Vec::new();
    let mut exports: Vec<(String, String)> = Vec::new();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let (size, body_at) = leb(wasm, at + 1)?;
        let body = wasm
            .get(body_at..body_at + size as usize)
            .ok_or("a section runs past the end")?;
        at = body_at + size as usize;
        if id == EXPORT_SECTION {
            let (count, mut i) = leb(body, 0)?;
            let mut section = uleb(count);
            for _ in 0..count {
                let (field, next) = name(body, i)?;
                // A kind byte, then an index.
                let end = leb(body, next + 1)?.1;
                let field = if internal(field) {
                    let short = export_names.next().ok_or("too many exports")?;
                    exports.push((field.to_string(), short.clone()));
                    short
                } else {
                    field.to_string()
                };
                push_name(&mut section, &field);
                section.extend(&body[next..end]);
                i = end;
            }
            push_section(&mut out, id, &section);
            continue;
        }
        if id != IMPORT_SECTION {
            push_section(&mut out, id, body);
            continue;
        }
        let (count, mut i) = leb(body, 0)?;
        let mut section = uleb(count);
        for _ in 0..count {
            let (from, next) = name(body, i)?;
            let (field, next) = name(body, next)?;
            let end = descriptor_end(body, next)?;
            let (from, field) = if from == module {
                let short = names.next().ok_or("too many imports")?;
                renamed.push((field.to_string(), short.clone()));
                (SHORT_MODULE.to_string(), short)
            } else {
                (from.to_string(), field.to_string())
            };
            push_name(&mut section, &from);
            push_name(&mut section, &field);
            section.extend(&body[next..end]);
            i = end;
        }
        push_section(&mut out, id, &section);
    }
    let mut glue = glue.to_string();
    let quoted = format!("\"{module}\":");
    if glue.matches(&quoted).count() != 1 {
        return Err(format!("the glue should name {quoted} once"));
    }
    glue = glue.replace(&quoted, &format!("\"{SHORT_MODULE}\":"));
    for (old, new) in &renamed {
        let key = |name: &str| format!("{name}: function");
        if glue.matches(&key(old)).count() != 1 {
            return Err(format!("the glue should define {old} once"));
        }
        glue = glue.replace(&key(old), &key(new));
    }
    let glue = rename_uses(&glue, &exports);
    for (old, _) in &exports {
        // What is left may be a local function of the same name (the glue wraps each closure
        // call in one), but not a property: that could be the export, reached another way.
        let property = glue.match_indices(old.as_str()).any(|(at, _)| {
            matches!(
                glue[..at].chars().next_back(),
                Some('.' | '"' | '\'' | '`' | '[')
            )
        });
        if property {
            return Err(format!(
                "the glue names the export {old} other than as wasm.{old}"
            ));
        }
    }
    Ok((out, glue))
}

/// Whether an export is wasm-bindgen's own, used only by its glue (`__wbindgen_malloc`,
/// `__externref_table_alloc`, closures' `wasm_bindgen__convert__closures_____invoke__…`), rather
/// than one of ours.
fn internal(export: &str) -> bool {
    export.starts_with("__") || export.starts_with("wasm_bindgen__")
}

/// `glue` with every `wasm.<old>` (a whole identifier) as `wasm.<new>`.
fn rename_uses(glue: &str, renames: &[(String, String)]) -> String {
    const PREFIX: &str = "wasm.";
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(glue.len());
    let mut rest = glue;
    while let Some(at) = rest.find(PREFIX) {
        let before = rest[..at].chars().next_back();
        let start = at + PREFIX.len();
        let len = rest[start..]
            .find(|c| !is_ident(c))
            .unwrap_or(rest.len() - start);
        let ident = &rest[start..start + len];
        out.push_str(&rest[..start]);
        match renames.iter().find(|(old, _)| old == ident) {
            Some((_, new)) if !before.is_some_and(is_ident) => out.push_str(new),
            _ => out.push_str(ident),
        }
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;

/// `a` … `Z`, then two characters, skipping JavaScript's two-letter keywords.
fn short_names() -> impl Iterator<Item = String> {
    const FIRST: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const NEXT: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let one = FIRST.chars().map(String::from);
    let two = FIRST
        .chars()
        .flat_map(|a| NEXT.chars().map(move |b| format!("{a}{b}")))
        .filter(|n| !matches!(n.as_str(), "do" | "if" | "in"));
    one.chain(two)
}

/// An unsigned LEB128 number at `at`, and where the next field starts.
fn leb(bytes: &[u8], mut at: usize) -> Result<(u32, usize), String> {
    let (mut value, mut shift) = (0u64, 0);
    loop {
        let byte = *bytes.get(at).ok_or("a number runs past the end")?;
        at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return u32::try_from(value)
                .map(|v| (v, at))
                .map_err(|_| "a number is too large".into());
        }
        shift += 7;
        if shift > 35 {
            return Err("a number is too long".into());
        }
    }
}

/// Appends a length-prefixed UTF-8 name.
fn push_name(out: &mut Vec<u8>, text: &str) {
    out.extend(uleb(text.len() as u32));
    out.extend(text.as_bytes());
}

/// Appends a section: its id, its size, its body.
fn push_section(out: &mut Vec<u8>, id: u8, body: &[u8]) {
    out.push(id);
    out.extend(uleb(body.len() as u32));
    out.extend(body);
}

fn uleb(mut value: u32) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

/// A length-prefixed UTF-8 name at `at`, and where the next field starts.
fn name(bytes: &[u8], at: usize) -> Result<(&str, usize), String> {
    let (len, start) = leb(bytes, at)?;
    let end = start + len as usize;
    let text = bytes.get(start..end).ok_or("a name runs past the end")?;
    std::str::from_utf8(text)
        .map(|t| (t, end))
        .map_err(|_| "a name is not UTF-8".into())
}

/// Where an import's descriptor (its kind and type) that starts at `at` ends.
fn descriptor_end(bytes: &[u8], at: usize) -> Result<usize, String> {
    let kind = *bytes.get(at).ok_or("an import runs past the end")?;
    let limits = |at: usize| -> Result<usize, String> {
        let flags = *bytes.get(at).ok_or("limits run past the end")?;
        let (_, at) = leb(bytes, at + 1)?;
        if flags & 1 == 1 {
            Ok(leb(bytes, at)?.1)
        } else {
            Ok(at)
        }
    };
    match kind {
        // A function or a tag: a type index (a tag's after its attribute byte).
        0x00 => Ok(leb(bytes, at + 1)?.1),
        0x04 => Ok(leb(bytes, at + 2)?.1),
        // A table: its element type, then limits.
        0x01 => limits(at + 2),
        0x02 => limits(at + 1),
        // A global: its value type and mutability.
        0x03 => Ok(at + 3),
        other => Err(format!("an import of unknown kind {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wasm_name(text: &str) -> Vec<u8> {
        let mut out = uleb(text.len() as u32);
        out.extend(text.as_bytes());
        out
    }

    /// A module importing two functions from the glue, a memory from elsewhere, and a custom
    /// section after the imports.
    fn module(glue_module: &str, first: &str, second: &str) -> Vec<u8> {
        let mut imports = uleb(3);
        for field in [first, second] {
            imports.extend(wasm_name(glue_module));
            imports.extend(wasm_name(field));
            imports.extend([0x00, 0x81, 0x01]); // a function of type 129
        }
        imports.extend(wasm_name("env"));
        imports.extend(wasm_name("memory"));
        imports.extend([0x02, 0x01, 0x11, 0x90, 0x03]); // memory, min 17, max 400
        let mut out = b"\0asm\x01\0\0\0".to_vec();
        out.push(IMPORT_SECTION);
        out.extend(uleb(imports.len() as u32));
        out.extend(imports);
        let custom = [wasm_name("note"), b"kept".to_vec()].concat();
        out.push(0);
        out.extend(uleb(custom.len() as u32));
        out.extend(custom);
        out
    }

    #[test]
    fn imports_from_the_glue_get_short_names_in_both_files() {
        let (long1, long2) = ("__wbg_fillRect_6c3fe5", "__wbg_now_043d2");
        let wasm = module("./app_bg.js", long1, long2);
        let glue = format!(
            "const import0 = {{ {long1}: function(a) {{}}, {long2}: function() {{}} }};\n\
             return {{ \"./app_bg.js\": import0 }};"
        );
        let (new_wasm, new_glue) = rename(&wasm, &glue, "./app_bg.js").unwrap();
        assert_eq!(new_wasm, module("a", "a", "b"));
        assert_eq!(
            new_glue,
            "const import0 = { a: function(a) {}, b: function() {} };\nreturn { \"a\": import0 };"
        );
    }

    /// `module` with an export section after its imports: `memory`, a public `start` and two of
    /// wasm-bindgen's own.
    fn with_exports(mut wasm: Vec<u8>, internal: [&str; 2]) -> Vec<u8> {
        let mut exports = uleb(4);
        for (field, kind, index) in [
            ("memory", 0x02, 0),
            ("start", 0x00, 5),
            (internal[0], 0x00, 6),
            (internal[1], 0x00, 200),
        ] {
            exports.extend(wasm_name(field));
            exports.push(kind);
            exports.extend(uleb(index));
        }
        push_section(&mut wasm, EXPORT_SECTION, &exports);
        wasm
    }

    #[test]
    fn wasm_bindgens_own_exports_get_short_names_where_the_glue_uses_them() {
        let internal = [
            "__wbindgen_malloc",
            "wasm_bindgen__convert__closures_____invoke__h78",
        ];
        let wasm = with_exports(module("./app_bg.js", "__wbg_x_1", "__wbg_y_2"), internal);
        let glue = "const import0 = { __wbg_x_1: function() {}, __wbg_y_2: function() {} };\n\
             ({ \"./app_bg.js\": import0 });\n\
             export function start() { wasm.start(); }\n\
             f(wasm.__wbindgen_malloc, wasm.__wbindgen_malloc);\n\
             function wasm_bindgen__convert__closures_____invoke__h78(a) {\n\
             wasm.wasm_bindgen__convert__closures_____invoke__h78(a); wasm.memory.buffer; }";
        let (new_wasm, new_glue) = rename(&wasm, glue, "./app_bg.js").unwrap();
        assert_eq!(new_wasm, with_exports(module("a", "a", "b"), ["a", "b"]));
        assert_eq!(
            new_glue,
            "const import0 = { a: function() {}, b: function() {} };\n\
             ({ \"a\": import0 });\n\
             export function start() { wasm.start(); }\n\
             f(wasm.a, wasm.a);\n\
             function wasm_bindgen__convert__closures_____invoke__h78(a) {\n\
             wasm.b(a); wasm.memory.buffer; }"
        );
        // Named any other way, the export cannot be renamed safely.
        for other in [
            "instance.exports.__wbindgen_malloc",
            "mywasm.__wbindgen_malloc",
            "wasm[\"__wbindgen_malloc\"]",
        ] {
            let glue = format!("{glue}\n{other};");
            let err = rename(&wasm, &glue, "./app_bg.js").unwrap_err();
            assert!(err.contains("__wbindgen_malloc"), "{err}");
        }
    }

    #[test]
    fn a_glue_that_does_not_match_is_refused() {
        let wasm = module("./app_bg.js", "__wbg_x_1", "__wbg_y_2");
        let missing =
            "const import0 = { __wbg_x_1: function() {} }; ({ \"./app_bg.js\": import0 })";
        assert!(rename(&wasm, missing, "./app_bg.js")
            .unwrap_err()
            .contains("__wbg_y_2"));
        assert!(rename(b"nope", "", "./app_bg.js").is_err());
        let mut cut = module("./app_bg.js", "__wbg_x_1", "__wbg_y_2");
        cut.truncate(20);
        assert!(rename(&cut, missing, "./app_bg.js").is_err());
    }

    #[test]
    fn short_names_are_distinct_identifiers_and_never_keywords() {
        let names: Vec<String> = short_names().take(400).collect();
        let unique: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), 400);
        assert!(names
            .iter()
            .all(|n| n.chars().next().unwrap().is_ascii_alphabetic()));
        assert!(!names
            .iter()
            .any(|n| ["do", "if", "in"].contains(&n.as_str())));
        assert_eq!(&names[..3], ["a", "b", "c"]);
    }

    #[test]
    fn leb128_round_trips() {
        for n in [0, 1, 127, 128, 300, 16_384, u32::MAX] {
            assert_eq!(leb(&uleb(n), 0).unwrap(), (n, uleb(n).len()));
        }
    }
}
