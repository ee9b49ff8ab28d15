//! Installs what the build and the tests need, when it is missing; quick when it is not.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::command::{output, run};
use crate::files;

/// Where `cargo install` puts binaries.
fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// PATH with cargo's bin directory first, so `wasm-bindgen-test-runner` is found.
pub fn path_with_cargo_bin() -> std::ffi::OsString {
    let mut dirs = vec![cargo_bin()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).expect("PATH entries should not contain the separator")
}

/// A cargo-installed tool by name, from cargo's bin directory when it is there.
pub fn cargo_tool(name: &str) -> PathBuf {
    let installed = cargo_bin().join(name);
    if installed.exists() {
        installed
    } else {
        PathBuf::from(name)
    }
}

/// The wasm32 target, through rustup.
pub fn ensure_wasm_target() -> Result<(), String> {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    println!("installing the wasm32-unknown-unknown target (rustup)");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The version of `package` recorded in a Cargo.lock text.
pub fn locked_version(lock: &str, package: &str) -> Option<String> {
    let wanted = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let version = lines
                .next()?
                .trim()
                .strip_prefix("version = \"")?
                .strip_suffix('"')?;
            return Some(version.to_string());
        }
    }
    None
}

/// The wasm-bindgen CLI at exactly the version of the wasm-bindgen crate in Cargo.lock:
/// the CLI and the crate must match, or the generated glue does not fit the Wasm.
pub fn ensure_wasm_bindgen(root: &Path) -> Result<PathBuf, String> {
    let lock = files::read(&root.join("Cargo.lock"))?;
    let version =
        locked_version(&lock, "wasm-bindgen").ok_or("Cargo.lock has no wasm-bindgen package")?;
    let tool = cargo_tool("wasm-bindgen");
    let have = output(Command::new(&tool).arg("--version")).unwrap_or_default();
    // The test runner comes in the same package; both must be there.
    if have.trim() == format!("wasm-bindgen {version}")
        && cargo_tool("wasm-bindgen-test-runner").exists()
    {
        return Ok(tool);
    }
    println!(
        "installing wasm-bindgen-cli {version} to match Cargo.lock (cargo install, a few minutes)"
    );
    // Not --locked: the CLI's own lock file pins a version that is not available everywhere.
    // --force: we only get here when the binaries are missing or another version, and cargo
    // would otherwise trust its own record of an install whose files are gone.
    run(Command::new(env!("CARGO")).args([
        "install",
        "--force",
        "wasm-bindgen-cli",
        "--version",
        &version,
    ]))?;
    Ok(cargo_tool("wasm-bindgen"))
}

/// Installs Debian packages, as root; otherwise says what to install.
fn apt_install(packages: &[&str], why: &str) -> Result<(), String> {
    let root = output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    if !root {
        return Err(format!(
            "{why}: run `sudo apt-get install -y {}`",
            packages.join(" ")
        ));
    }
    println!("installing {} (apt-get): {why}", packages.join(", "));
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Debian's Chromium and its WebDriver, for the browser tests.
pub fn ensure_chromium() -> Result<(), String> {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    apt_install(
        &["chromium", "chromium-driver"],
        "the browser tests run in Debian's Chromium",
    )
}

/// A font with Chinese characters, for measuring the Chinese edition: without one the browser
/// searches every font for each character and draws boxes, which no reader of it sees. (The
/// tests need none: they read text and pixels, not glyph shapes.)
pub fn ensure_chinese_font() -> Result<(), String> {
    let have = output(Command::new("fc-list").arg(":lang=zh")).unwrap_or_default();
    if !have.trim().is_empty() {
        return Ok(());
    }
    apt_install(
        &["fonts-wqy-microhei"],
        "the Chinese edition is measured with a Chinese font, as its readers have",
    )
}

/// Font files, each `(Debian package, path)`: installs the packages of those missing.
pub fn ensure_font_files(fonts: &[(&str, &str)], why: &str) -> Result<(), String> {
    let mut missing: Vec<&str> = fonts
        .iter()
        .filter(|(_, file)| !Path::new(file).exists())
        .map(|(package, _)| *package)
        .collect();
    missing.dedup();
    if missing.is_empty() {
        return Ok(());
    }
    apt_install(&missing, why)
}

/// Debian's Firefox ESR, for the same browser tests in a second engine.
pub fn ensure_firefox() -> Result<(), String> {
    if Path::new("/usr/bin/firefox-esr").exists() {
        return Ok(());
    }
    apt_install(&["firefox-esr"], "the browser tests also run in Firefox")
}

/// WebKitGTK's WebDriver (`webkit2gtk-driver`: `WebKitWebDriver` and the MiniBrowser it
/// drives, the same WebCore and JavaScriptCore as Safari) and `xvfb-run`, the display the
/// MiniBrowser needs (it has no headless mode).
pub fn ensure_webkit() -> Result<(), String> {
    if Path::new(WEBKIT_DRIVER).exists() && Path::new("/usr/bin/xvfb-run").exists() {
        return Ok(());
    }
    apt_install(
        &["webkit2gtk-driver", "xvfb"],
        "the end-to-end tests also run in WebKit, the engine of every browser on an iPhone",
    )
}

/// Where Debian's `webkit2gtk-driver` puts the driver.
pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";

/// Where Debian's `webkit2gtk-driver` puts the browser the driver starts.
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/// The geckodriver version `cargo install` builds; pinned, like every tool here.
pub const GECKODRIVER: &str = "0.37.1";

/// geckodriver from crates.io, for wasm-bindgen-test in Firefox. Returns its path.
pub fn ensure_geckodriver() -> Result<PathBuf, String> {
    let tool = cargo_tool("geckodriver");
    let have = output(Command::new(&tool).arg("--version")).unwrap_or_default();
    if have.starts_with(&format!("geckodriver {GECKODRIVER}")) {
        return Ok(tool);
    }
    println!("installing geckodriver {GECKODRIVER} (cargo install, a few minutes)");
    run(Command::new(env!("CARGO")).args([
        "install",
        "--force",
        "geckodriver",
        "--locked",
        "--version",
        GECKODRIVER,
    ]))?;
    Ok(cargo_tool("geckodriver"))
}

/// A Java runtime, for the Nu HTML checker (vnu.jar) in the end-to-end tests.
pub fn ensure_java() -> Result<(), String> {
    if output(Command::new("java").arg("-version")).is_some() {
        return Ok(());
    }
    apt_install(
        &["default-jre-headless"],
        "the HTML checker vnu.jar runs on Java",
    )
}

/// A build tool from the npm packages pinned in `xtask/package.json`: `wasm-opt` (binaryen's;
/// Debian's wasm-opt 108 breaks wasm-bindgen's output, so PATH is never consulted) or `esbuild`.
pub fn ensure_build_tool(root: &Path, name: &str) -> Result<PathBuf, String> {
    let dir = root.join("xtask");
    ensure_npm_packages(&dir, "the build")?;
    Ok(dir.join("node_modules/.bin").join(name))
}

/// Whether `node_modules` must be (re)installed: missing, or older than the lock file.
pub fn npm_install_needed(dir: &Path) -> bool {
    let modified = |p: PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (
        modified(dir.join("node_modules/.package-lock.json")),
        modified(dir.join("package-lock.json")),
    ) {
        (Some(installed), Some(locked)) => installed < locked,
        _ => true,
    }
}

/// The npm packages of `dir` (`what` they are for, in the log): exactly as locked, or resolved
/// when there is no lock file.
pub fn ensure_npm_packages(dir: &Path, what: &str) -> Result<(), String> {
    if !npm_install_needed(dir) {
        return Ok(());
    }
    let command = if dir.join("package-lock.json").exists() {
        "ci"
    } else {
        "install"
    };
    println!("installing the npm packages of {what} (npm {command})");
    run(Command::new("npm")
        .args([command, "--no-audit", "--no-fund"])
        .current_dir(dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-backend"
version = "0.2.999"
"#;

    #[test]
    fn reads_the_exact_package_version_from_the_lock_file() {
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen-backend").as_deref(),
            Some("0.2.999")
        );
        assert_eq!(locked_version(LOCK, "serde"), None);
    }

    #[test]
    fn the_real_lock_file_pins_wasm_bindgen() {
        let lock =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.lock")).unwrap();
        assert!(locked_version(&lock, "wasm-bindgen").is_some());
    }

    #[test]
    fn npm_installs_when_node_modules_is_missing() {
        let dir = std::env::temp_dir().join(format!("xtask-npm-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("package-lock.json"), "{}").unwrap();
        assert!(npm_install_needed(&dir));
        std::fs::create_dir_all(dir.join("node_modules")).unwrap();
        std::fs::write(dir.join("node_modules/.package-lock.json"), "{}").unwrap();
        assert!(!npm_install_needed(&dir));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
