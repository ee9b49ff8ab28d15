//! Builds the Wasm and assembles the static site.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{assets, data, imports, page, run, tools};

/// The Wasm builds, by the crate features that select their exports and languages, and the name
/// wasm-bindgen gives their files in `pkg/` (`<name>.js`, `<name>_bg.wasm`). Each page loads one:
/// each edition of the story its own, each edition's `frame.html` (the story in a host page's
/// frame) its own, `embed.html` and `embed.js` the embeds'.
pub const BUILDS: [(&str, &str); 5] = [
    ("story,en", "sensetime_story"),
    ("story,zh", "sensetime_story_zh"),
    ("story,frame,en", "sensetime_story_frame"),
    ("story,frame,zh", "sensetime_story_frame_zh"),
    ("embeds,en,zh", "sensetime_embed"),
];

/// Compiles the crate to Wasm (release) once per build in `BUILDS` and writes each one's
/// wasm-bindgen glue and shrunk Wasm into a fresh `pkg/`.
pub fn build(root: &Path) -> Result<(), String> {
    tools::ensure_wasm_target()?;
    let wasm_bindgen = tools::ensure_wasm_bindgen(root)?;
    let pkg = root.join("pkg");
    if pkg.exists() {
        std::fs::remove_dir_all(&pkg)
            .map_err(|e| format!("cannot clear {}: {e}", pkg.display()))?;
    }
    for (feature, name) in BUILDS {
        println!("==> building the Wasm for {feature} (release)");
        // Its own target directory: a cdylib's file name carries no hash of its features, so
        // two builds sharing one would overwrite, and so recompile, each other every time.
        let target_dir = root
            .join("target")
            .join(format!("wasm-{}", feature.replace(',', "-")));
        run(Command::new(env!("CARGO"))
            .args([
                "build",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "sensetime-explainer",
                "--lib",
                "--no-default-features",
                "--features",
                feature,
                "--target-dir",
            ])
            .arg(&target_dir)
            .current_dir(root))?;
        let wasm = target_dir.join("wasm32-unknown-unknown/release/sensetime_explainer.wasm");
        run(Command::new(&wasm_bindgen)
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                name,
                "--out-dir",
            ])
            .arg(&pkg)
            .arg(wasm))?;
        let wasm = pkg.join(format!("{name}_bg.wasm"));
        optimise(root, &wasm)?;
        imports::minify(
            &wasm,
            &pkg.join(format!("{name}.js")),
            &format!("./{name}_bg.js"),
        )?;
    }
    Ok(())
}

/// Shrinks the Wasm in place with wasm-opt -Oz. Features come from the module's own
/// target_features section, so nothing newer than rustc emitted is introduced; names, the
/// producers and the features sections are dropped (browsers ignore them).
///
/// A function with one caller is inlined only if it is small (`-ocimfs=20`, instructions): by
/// default -Oz inlines every one, which makes the file smaller but, repeating less, compresses
/// worse: for the English story 130,903 bytes and 57,879 gzipped against 133,749 and 55,834
/// (brotli 49,384 against 48,405). What crosses the network is compressed.
fn optimise(root: &Path, wasm: &Path) -> Result<(), String> {
    let wasm_opt = tools::ensure_build_tool(root, "wasm-opt")?;
    let before = file_size(wasm)?;
    run(Command::new(wasm_opt)
        .args(["-Oz", "-ocimfs=20", "--strip-debug", "--strip-producers"])
        .arg(wasm)
        .arg("-o")
        .arg(wasm)
        .args(["--strip-target-features"]))?;
    println!("==> wasm-opt -Oz: {before} -> {} bytes", file_size(wasm)?);
    no_float_printing(wasm)
}

/// Refuses a Wasm that carries Rust's float printing (Grisu, Dragon4 and their tables: some 35 KB
/// before compression, a third of the page's budget). Its "NaN" string gives it away.
fn no_float_printing(wasm: &Path) -> Result<(), String> {
    let bytes = std::fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    if contains_float_printing(&bytes) {
        return Err(format!(
            "{} contains Rust's float formatting (about 35 KB): something formats an f64 with {{}} or \
             {{:?}}, or keeps a panic message that does (f64::clamp with bounds known only at run \
             time, for one). Use format::trimmed or format::css_px; see \
             vendor/plotters-canvas/PATCHED.md.",
            wasm.display()
        ));
    }
    Ok(())
}

fn contains_float_printing(wasm: &[u8]) -> bool {
    wasm.windows(3).any(|w| w == b"NaN")
}

fn file_size(path: &Path) -> Result<u64, String> {
    std::fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Builds, then writes `dist/`: the contents of `www/` with `pkg/` beside them, each step given its
/// static chart and data table, and the charts' SVGs in `charts/`; then fingerprints, minifies
/// and precompresses it (see `assets`). Returns its path.
pub fn dist(root: &Path) -> Result<PathBuf, String> {
    build(root)?;
    let dist = root.join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist)
            .map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    copy_dir(&root.join("www"), &dist)?;
    copy_dir(&root.join("pkg"), &dist.join("pkg"))?;
    page::inject_editions(&dist)?;
    page::write_frame_pages(&dist)?;
    page::write_static_charts(&dist)?;
    data::write(&dist)?;
    assets::fingerprint_pkg(&dist)?;
    assets::minify(root, &dist)?;
    assets::precompress(root, &dist)?;
    println!("==> wrote {}", dist.display());
    Ok(dist)
}

/// Files wasm-bindgen writes that a website does not serve.
fn skipped(name: &str) -> bool {
    matches!(name, ".gitignore" | "package.json")
}

pub fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        let name = entry.file_name();
        if skipped(&name.to_string_lossy()) {
            continue;
        }
        let (src, dst) = (entry.path(), to.join(&name));
        if src.is_dir() {
            copy_dir(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst)
                .map_err(|e| format!("cannot copy {} to {}: {e}", src.display(), dst.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_printing_is_recognised_by_its_nan() {
        assert!(contains_float_printing(b"\0asm...inf NaN 0."));
        assert!(!contains_float_printing(b"\0asm Rmb3.4bn"));
    }

    #[test]
    fn copies_a_tree_without_packaging_files() {
        let base = std::env::temp_dir().join(format!("xtask-copy-{}", std::process::id()));
        let (from, to) = (base.join("from"), base.join("to"));
        std::fs::create_dir_all(from.join("sub")).unwrap();
        std::fs::write(from.join("index.html"), "<p>hi</p>").unwrap();
        std::fs::write(from.join("sub/a.js"), "1").unwrap();
        std::fs::write(from.join(".gitignore"), "*").unwrap();
        copy_dir(&from, &to).unwrap();
        assert_eq!(
            std::fs::read_to_string(to.join("index.html")).unwrap(),
            "<p>hi</p>"
        );
        assert_eq!(std::fs::read_to_string(to.join("sub/a.js")).unwrap(), "1");
        assert!(!to.join(".gitignore").exists());
        std::fs::remove_dir_all(&base).unwrap();
    }
}
