//! Compiles `data/figures.json` into the crate: parsed and validated here, at build time, so a
//! malformed file fails the build naming the field, and the Wasm carries no JSON parser.

#[path = "src/data/schema.rs"]
#[allow(dead_code)]
mod schema;

use std::fmt::Write as _;

fn main() {
    let path = "data/figures.json";
    println!("cargo:rerun-if-changed={path}");
    println!("cargo:rerun-if-changed=src/data/schema.rs");
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("cannot read {path}: {e}")));
    let figures = schema::parse(&text).unwrap_or_else(|e| fail(&e.to_string()));

    let mut out = String::from(
        "/// The article's figures (and the filing's), as written in `data/figures.json`.\n",
    );
    out.push_str("pub static ARTICLE: &[Figure] = &[\n");
    for f in &figures {
        writeln!(
            out,
            "    Figure {{ id: {:?}, value: {:?}_f64, unit: Unit::{:?}, hedge: {}, year: {:?}, label: {:?}, label_zh: {:?}, source: Source::{:?}, derived: false, note: {:?} }},",
            f.id,
            f.value,
            f.unit,
            f.hedge.map_or("None".to_string(), |h| format!("Some(Hedge::{h:?})")),
            f.year,
            f.label,
            f.label_zh,
            f.source,
            f.note,
        )
        .expect("writing to a String cannot fail");
    }
    out.push_str("];\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("figures.rs");
    std::fs::write(&dest, out)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", dest.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
