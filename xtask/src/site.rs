//! Builds the Wasm and assembles the static site.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{assets, data, page, run, tools};

/// Compiles the crate to Wasm (release) and writes the wasm-bindgen glue into `pkg/`.
pub fn build(root: &Path) -> Result<(), String> {
    tools::ensure_wasm_target()?;
    let wasm_bindgen = tools::ensure_wasm_bindgen(root)?;
    println!("==> building the Wasm (release)");
    run(Command::new(env!("CARGO"))
        .args([
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "sensetime-explainer",
            "--lib",
        ])
        .current_dir(root))?;
    let wasm = root.join("target/wasm32-unknown-unknown/release/sensetime_explainer.wasm");
    run(Command::new(wasm_bindgen)
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(root.join("pkg"))
        .arg(wasm))?;
    optimise(root, &root.join("pkg/sensetime_explainer_bg.wasm"))
}

/// Shrinks the Wasm in place with wasm-opt -Oz. Features come from the module's own
/// target_features section, so nothing newer than rustc emitted is introduced; names, the
/// producers and the features sections are dropped (browsers ignore them).
fn optimise(root: &Path, wasm: &Path) -> Result<(), String> {
    let wasm_opt = tools::ensure_build_tool(root, "wasm-opt")?;
    let before = file_size(wasm)?;
    run(Command::new(wasm_opt)
        .args(["-Oz", "--strip-debug", "--strip-producers"])
        .arg(wasm)
        .arg("-o")
        .arg(wasm)
        .args(["--strip-target-features"]))?;
    println!("==> wasm-opt -Oz: {before} -> {} bytes", file_size(wasm)?);
    Ok(())
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
