//! Checks of xtask's own shape, as ordinary tests: no module imports one that imports it back,
//! directly or not, and no file grows past what one reads at a sitting.

use std::collections::BTreeMap;
use std::path::Path;

use crate::files;

/// The most lines a file may have, its tests aside.
const MAX_LINES: usize = 600;

/// Each module's source, its tests aside, by name (`main` included).
fn sources() -> BTreeMap<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    files::list(&dir, &["rs"])
        .unwrap()
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = files::read(&path).unwrap();
            let code = text.split("\n#[cfg(test)]").next().unwrap().to_string();
            (name, code)
        })
        .collect()
}

/// The modules a source names through `crate::`: `crate::a::b`, `crate::{a, b::C}`.
fn uses(code: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(list) = rest.strip_prefix('{') {
            // Items at depth 0 of the braces, up to the closing one.
            let (mut depth, mut item_start) = (0, 0);
            for (i, c) in list.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        out.push(ident(&list[item_start..i]));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(ident(&list[item_start..i]));
                        item_start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            out.push(ident(rest));
        }
    }
    out.retain(|m| !m.is_empty());
    out.sort();
    out.dedup();
    out
}

#[test]
fn uses_are_read_from_paths_and_lists() {
    assert_eq!(
        uses("use crate::{files, builds::{Build, Role}};\nlet x = crate::assets::Pkg;"),
        ["assets", "builds", "files"]
    );
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let sources = sources();
    let graph: BTreeMap<&str, Vec<String>> = sources
        .iter()
        .filter(|(name, _)| name.as_str() != "main")
        .map(|(name, code)| (name.as_str(), uses(code)))
        .collect();
    // Depth-first, with the path so far: meeting a module on it is a circle.
    fn visit<'a>(
        module: &'a str,
        graph: &'a BTreeMap<&'a str, Vec<String>>,
        path: &mut Vec<&'a str>,
        done: &mut Vec<&'a str>,
    ) {
        if let Some(at) = path.iter().position(|m| *m == module) {
            panic!("import circle: {} -> {module}", path[at..].join(" -> "));
        }
        if done.contains(&module) {
            return;
        }
        path.push(module);
        for next in graph.get(module).into_iter().flatten() {
            visit(next, graph, path, done);
        }
        path.pop();
        done.push(module);
    }
    let mut done = Vec::new();
    for module in graph.keys() {
        visit(module, &graph, &mut Vec::new(), &mut done);
    }
}

#[test]
fn no_file_is_too_long() {
    for (name, code) in sources() {
        let lines = code.lines().count();
        assert!(
            lines <= MAX_LINES,
            "xtask/src/{name}.rs has {lines} lines besides its tests (at most {MAX_LINES})"
        );
    }
}
