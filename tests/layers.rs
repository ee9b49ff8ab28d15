//! Tidy check: `src/` is layered, dependencies run one way, and no file outgrows a sitting.
//!
//! Walks `src/` (never a list kept by hand), reads every `crate::…` and `super::…` path in each
//! file's code (its `#[cfg(test)]` module aside), and fails naming the file and the path if one
//! points to a higher layer; then checks that the modules of each layer import one another
//! without a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first: a module may import from its own layer or a lower one.
const LAYERS: [&str; 8] = [
    "lang", "data", "text", "draw", "chart", "story", "host", "web",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ should be readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file under `src/`: `chart/mod.rs` → `chart`, `chart/id.rs` →
/// `chart::id`, `lib.rs` → ``.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The code of a file without its tests: everything before a `#[cfg(test)]` or
/// `#[cfg(all(test, …))]` item, and nothing of a file that is itself a test module.
fn code_of(text: &str, module: &[String]) -> String {
    if module.last().is_some_and(|m| m == "tests") {
        return String::new();
    }
    let mut code = String::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") || t.starts_with("#[cfg(all(test") {
            break;
        }
        // Comments are not imports.
        let line = line.split("//").next().unwrap_or("");
        code.push_str(line);
        code.push('\n');
    }
    code
}

/// Every path written in `code` that starts with `crate::` or `super::`, braces expanded one
/// level deep: `use crate::text::{format, money::Shown}` gives `crate::text::format` and
/// `crate::text::money::Shown`.
fn paths_in(code: &str) -> Vec<String> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while i < code.len() {
        let rest = &bytes[i..];
        let starts = rest.starts_with(b"crate::") || rest.starts_with(b"super::");
        if !starts || (i > 0 && (is_ident(bytes[i - 1]) || bytes[i - 1] == b':')) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < code.len() && (is_ident(bytes[j]) || bytes[j] == b':') {
            j += 1;
        }
        let head = code[i..j].trim_end_matches(':').to_string();
        if j < code.len() && bytes[j] == b'{' {
            let close = code[j..].find('}').map_or(code.len(), |k| j + k);
            for item in code[j + 1..close].split(',') {
                let item = item.trim();
                let item = item.split_whitespace().next().unwrap_or("");
                if item.is_empty() || item == "self" {
                    out.push(head.clone());
                } else {
                    out.push(format!("{head}::{}", item.trim_end_matches(':')));
                }
            }
            i = close;
        } else {
            out.push(head);
            i = j;
        }
    }
    out
}

/// `path` as an absolute module path, resolving `super::` against `module`.
fn absolute(path: &str, module: &[String]) -> Vec<String> {
    let mut segments: Vec<&str> = path.split("::").collect();
    let mut base: Vec<String> = Vec::new();
    if segments[0] == "super" {
        // In `a/b.rs` (module a::b), `super` is `a`; in `a/mod.rs` (module a), it is the crate.
        base = module.to_vec();
        while segments.first() == Some(&"super") {
            segments.remove(0);
            base.pop();
        }
    } else {
        segments.remove(0);
    }
    base.extend(segments.iter().map(|s| s.to_string()));
    base
}

/// The longest prefix of `path` that is a module with a file of its own.
fn file_module(path: &[String], modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| modules.contains(p))
}

struct Source {
    /// As written under `src/`, for messages.
    name: String,
    module: Vec<String>,
    /// Absolute paths of what it imports.
    imports: Vec<(String, Vec<String>)>,
    /// Lines of code, its tests aside.
    lines: usize,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    assert!(
        files.len() > 20,
        "should find the crate's files under {root:?}"
    );
    files
        .iter()
        .map(|file| {
            let relative = file.strip_prefix(&root).expect("walked from src/");
            let module = module_of(relative);
            let text = std::fs::read_to_string(file).expect("a source file should be readable");
            let code = code_of(&text, &module);
            let lines = code.lines().count();
            let imports = paths_in(&code)
                .into_iter()
                .map(|p| {
                    let abs = absolute(&p, &module);
                    (p, abs)
                })
                .collect();
            Source {
                name: format!("src/{}", relative.display()),
                module,
                imports,
                lines,
            }
        })
        .collect()
}

fn layer(module: &[String]) -> Option<usize> {
    let top = module.first()?;
    LAYERS.iter().position(|l| l == top)
}

#[test]
fn every_top_level_module_is_a_layer() {
    for source in sources() {
        if let Some(top) = source.module.first() {
            assert!(
                LAYERS.contains(&top.as_str()),
                "{}: module `{top}` belongs to no layer; add it to one (tests/layers.rs lists them)",
                source.name
            );
        }
    }
}

/// A file one reads at a sitting: no more than this many lines of code, its tests aside.
const MAX_LINES: usize = 600;

#[test]
fn no_file_is_longer_than_one_reads_at_a_sitting() {
    let long: Vec<String> = sources()
        .iter()
        .filter(|s| s.lines > MAX_LINES)
        .map(|s| format!("{} has {} lines besides its tests", s.name, s.lines))
        .collect();
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:#?}");
}

#[test]
fn no_module_imports_from_a_higher_layer() {
    let mut wrong = Vec::new();
    for source in sources() {
        let Some(own) = layer(&source.module) else {
            continue; // lib.rs declares the layers.
        };
        for (written, target) in &source.imports {
            let Some(theirs) = layer(target) else {
                wrong.push(format!("{}: `{written}` names no layer", source.name));
                continue;
            };
            if theirs > own {
                wrong.push(format!(
                    "{}: `{written}` reaches up from layer `{}` to layer `{}`",
                    source.name, LAYERS[own], LAYERS[theirs]
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layering:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_import_circles_between_modules() {
    let sources = sources();
    let modules: BTreeSet<Vec<String>> = sources.iter().map(|s| s.module.clone()).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for source in &sources {
        let entry = edges.entry(source.module.clone()).or_default();
        for (_, target) in &source.imports {
            if let Some(to) = file_module(target, &modules) {
                if to != source.module {
                    entry.insert(to);
                }
            }
        }
    }
    // Depth-first search; a module met again on the current path closes a circle.
    fn visit(
        at: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        path: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) -> Result<(), String> {
        if let Some(start) = path.iter().position(|m| m == at) {
            let mut circle: Vec<String> = path[start..].iter().map(|m| m.join("::")).collect();
            circle.push(at.join("::"));
            return Err(circle.join(" → "));
        }
        if done.contains(at) {
            return Ok(());
        }
        path.push(at.clone());
        for next in edges.get(at).into_iter().flatten() {
            visit(next, edges, path, done)?;
        }
        path.pop();
        done.insert(at.clone());
        Ok(())
    }
    let mut done = BTreeSet::new();
    for module in edges.keys() {
        if let Err(circle) = visit(module, &edges, &mut Vec::new(), &mut done) {
            panic!("import circle: {circle}");
        }
    }
}

#[test]
fn the_checker_reads_paths_as_written() {
    let code = "use crate::text::{format, money::Shown};\nuse super::builder::Chart;\nlet x = crate::lang::Lang::EN; // crate::web::x\n";
    let paths = paths_in(&code_of(code, &[]));
    assert_eq!(
        paths,
        [
            "crate::text::format",
            "crate::text::money::Shown",
            "super::builder::Chart",
            "crate::lang::Lang::EN"
        ]
    );
    let module = vec!["chart".to_string(), "funding".to_string()];
    assert_eq!(
        absolute("super::builder::Chart", &module),
        ["chart", "builder", "Chart"]
    );
    assert_eq!(absolute("crate::draw::scene", &module), ["draw", "scene"]);
}
