//! `cargo xtask build`: compiles every Wasm build (`builds::BUILDS`), runs wasm-bindgen into
//! `pkg/`, shrinks each Wasm with wasm-opt and shortens its import names.

use std::path::{Path, PathBuf};
use std::process::Command;

use sensetime_explainer::lang::Lang;

use crate::builds::{Build, Role, BUILDS, TEST_HOOKS, TEST_HOOK_SUFFIX};
use crate::command::run;
use crate::{files, imports, tools};

/// Compiles the crate to Wasm (release) once per build in `BUILDS` and writes each one's
/// wasm-bindgen glue and shrunk Wasm into a fresh `pkg/`. Refuses a build that exports a test hook.
pub fn build(root: &Path) -> Result<(), String> {
    build_some(root, &BUILDS)
}

/// As [`build`], for `builds` only: `pkg/` holds those and nothing else.
pub fn build_some(root: &Path, builds: &[Build]) -> Result<(), String> {
    let pkg = root.join("pkg");
    files::clear_dir(&pkg)?;
    for &build in builds {
        compile(root, &build, &pkg)?;
        let wasm = pkg.join(build.wasm());
        let glue = pkg.join(build.glue());
        no_test_hooks(&glue)?;
        optimise(root, &wasm)?;
        imports::minify(&wasm, &glue, &format!("./{}_bg.js", build.stem))?;
    }
    Ok(())
}

/// Compiles `TEST_HOOKS`, the story with its test hooks, into `target/test-hooks-pkg/` for the
/// end-to-end tests (not shrunk: no reader downloads it). Returns that directory.
pub fn build_test_hooks(root: &Path) -> Result<PathBuf, String> {
    let pkg = root.join("target/test-hooks-pkg");
    files::clear_dir(&pkg)?;
    compile(root, &TEST_HOOKS, &pkg)?;
    Ok(pkg)
}

/// Compiles one build to Wasm (release) and runs wasm-bindgen on it into `pkg`.
fn compile(root: &Path, build: &Build, pkg: &Path) -> Result<(), String> {
    tools::ensure_wasm_target()?;
    let wasm_bindgen = tools::ensure_wasm_bindgen(root)?;
    let feature = build.features;
    println!("==> building the Wasm for {feature} (release)");
    // Its own target directory: a cdylib's file name carries no hash of its features, so
    // two builds sharing one would overwrite, and so recompile, each other every time.
    let target_dir = target_dir(root, build);
    let mut cargo = Command::new(env!("CARGO"));
    let features = features_for(root, build, &mut cargo)?;
    run(cargo
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
            &features,
            "--target-dir",
        ])
        .arg(&target_dir)
        .current_dir(root))?;
    let wasm = compiled(&target_dir);
    run(Command::new(&wasm_bindgen)
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            build.stem,
            "--out-dir",
        ])
        .arg(pkg)
        .arg(wasm))
}

/// The features `build` compiles with, giving `cargo` what they need: a story build reads its
/// charts from bytes packed first, natively, by the same code (feature `prebuilt`).
pub fn features_for(root: &Path, build: &Build, cargo: &mut Command) -> Result<String, String> {
    let mut features = build.features.to_string();
    if let Role::Story { lang, .. } = build.role {
        features.push_str(",prebuilt");
        cargo.env("SENSETIME_PREBUILT", prebuilt(root, lang)?);
    }
    Ok(features)
}

/// Writes every chart of `lang` as the story shows it (`chart::shown::pack`) to
/// `target/prebuilt/`, unless the file holds those bytes already (a new file would rebuild the
/// Wasm that includes it); returns its path.
fn prebuilt(root: &Path, lang: Lang) -> Result<PathBuf, String> {
    let dir = root.join("target/prebuilt");
    files::create_dir(&dir)?;
    let path = dir.join(format!("{}.bin", lang.code()));
    let packed = sensetime_explainer::chart::shown::pack(lang);
    if std::fs::read(&path).ok().as_deref() != Some(packed.as_slice()) {
        files::write(&path, packed)?;
    }
    Ok(path)
}

/// A build's own target directory: a cdylib's file name carries no hash of its features, so
/// two builds sharing one would overwrite, and so recompile, each other every time.
fn target_dir(root: &Path, build: &Build) -> PathBuf {
    root.join("target")
        .join(format!("wasm-{}", build.features.replace(',', "-")))
}

/// The Wasm cargo writes in a build's target directory.
fn compiled(target_dir: &Path) -> PathBuf {
    target_dir.join("wasm32-unknown-unknown/release/sensetime_explainer.wasm")
}

/// Whether `build` has been compiled on this machine before, so that compiling it again is quick.
pub fn compiled_before(root: &Path, build: &Build) -> bool {
    compiled(&target_dir(root, build)).exists()
}

/// Refuses glue that exports a test hook: those belong in `TEST_HOOKS` only.
fn no_test_hooks(glue: &Path) -> Result<(), String> {
    match exported_test_hook(&files::read(glue)?) {
        Some(hook) => Err(format!(
            "{} exports the test hook `{hook}`: a production build must not enable the \
             `test-hooks` feature (see xtask/src/builds.rs)",
            glue.display()
        )),
        None => Ok(()),
    }
}

/// The first test hook (`export function …ForTests`) a glue file exports, if any.
fn exported_test_hook(glue: &str) -> Option<&str> {
    glue.split("export function ").skip(1).find_map(|rest| {
        let name = rest.split('(').next()?;
        name.ends_with(TEST_HOOK_SUFFIX).then_some(name)
    })
}

/// Shrinks the Wasm in place with wasm-opt. Features come from the module's own
/// target_features section, so nothing newer than rustc emitted is introduced; names, the
/// producers and the features sections are dropped (browsers ignore them).
///
/// Chosen for what crosses the network, which is compressed: `-Os`, run until it converges,
/// leaves a slightly larger file than `-Oz` that compresses smaller; and a function with one
/// caller is inlined only if it is small (`-ocimfs=20`, instructions), since inlining every one
/// repeats less and so compresses worse. Two facts of our modules let it do a little more: memory
/// starts zeroed (not imported) and nothing lives in its first kilobyte (the stack's far end).
fn optimise(root: &Path, wasm: &Path) -> Result<(), String> {
    let wasm_opt = tools::ensure_build_tool(root, "wasm-opt")?;
    let before = files::size(wasm)?;
    run(Command::new(wasm_opt)
        .args(["-Os", "--converge", "-ocimfs=20"])
        .args(["--zero-filled-memory", "--low-memory-unused"])
        .args(["--strip-debug", "--strip-producers"])
        .arg(wasm)
        .arg("-o")
        .arg(wasm)
        .args(["--strip-target-features"]))?;
    println!(
        "==> wasm-opt -Os --converge: {before} -> {} bytes",
        files::size(wasm)?
    );
    no_float_printing(wasm)
}

/// Refuses a Wasm that carries Rust's float printing (Grisu, Dragon4 and their tables, a large
/// share of the page's byte budget). Its "NaN" string gives it away.
fn no_float_printing(wasm: &Path) -> Result<(), String> {
    if contains_float_printing(&files::read_bytes(wasm)?) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_test_hook_in_the_glue_is_found_by_name() {
        let glue = "export function start() {}\nexport function panicForTests() {\n}\n";
        assert_eq!(exported_test_hook(glue), Some("panicForTests"));
        let shipped = "export function start() {}\nexport function drawChartAt(c) {}\n";
        assert_eq!(exported_test_hook(shipped), None);
    }

    #[test]
    fn float_printing_is_recognised_by_its_nan() {
        assert!(contains_float_printing(b"\0asm...inf NaN 0."));
        assert!(!contains_float_printing(b"\0asm Rmb3.4bn"));
    }
}
