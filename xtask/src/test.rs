//! `cargo xtask test`: every test, in order, stopping at the first failure: format, lints,
//! native tests, the Wasm's tests in Chromium, Firefox and WebKit, the site, and end-to-end tests
//! against it in the same three engines.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::builds::{BUILDS, TEST_HOOKS};
use crate::command::run;
use crate::{bench, build, dist, files, server, tools};

/// Runs one numbered step under a header; its failure names the step.
fn step(n: u32, name: &str, body: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    println!("\n==> step {n}: {name}");
    body().map_err(|e| format!("step {n} ({name}) failed: {e}"))
}

/// The end-to-end test files in `dir`, the engines' suites (`reader-*`) first, then by name.
fn e2e_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = files::entries(dir)?
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".test.js"))
        .collect();
    files.sort_by_key(|p| {
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        (!name.starts_with("reader-"), name)
    });
    Ok(files)
}

/// Every test, in order, stopping at the first failure.
pub fn test(root: &Path) -> Result<(), String> {
    tools::ensure_wasm_target()?;
    let cargo = || {
        let mut c = Command::new(env!("CARGO"));
        c.current_dir(root);
        c
    };
    step(1, "format (cargo fmt --check)", || {
        run(cargo().args(["fmt", "--all", "--", "--check"]))
    })?;
    step(
        2,
        "lints (clippy -D warnings, native, wasm32, and each Wasm build)",
        || {
            run(cargo().args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]))?;
            // The crate for wasm32: with its tests and the default features, then each Wasm
            // build as shipped, so code that only one feature set compiles (or leaves unused) is
            // linted there too.
            let wasm_clippy = |mut cargo: Command, selection: &[&str]| {
                run(cargo
                    .args(["clippy", "--target", "wasm32-unknown-unknown"])
                    .args(["-p", "sensetime-explainer", "--lib"])
                    .args(selection)
                    .args(["--", "-D", "warnings"]))
            };
            wasm_clippy(cargo(), &["--tests"])?;
            for build in BUILDS.iter().chain([&TEST_HOOKS]) {
                let mut command = cargo();
                let features = build::features_for(root, build, &mut command)?;
                wasm_clippy(command, &["--no-default-features", "--features", &features])?;
            }
            Ok(())
        },
    )?;
    step(
        3,
        "native tests (cargo test; the bench's statistics, node --test)",
        || {
            run(cargo().args(["test", "--workspace"]))?;
            bench::unit_tests(root)
        },
    )?;
    step(
        4,
        "browser tests (wasm-bindgen-test, Chromium, Firefox and WebKit)",
        || {
            tools::ensure_wasm_bindgen(root)?;
            tools::ensure_chromium()?;
            let wasm_tests = || {
                let mut c = cargo();
                c.args(["test", "--target", "wasm32-unknown-unknown"])
                    .args(["-p", "sensetime-explainer"])
                    .env("PATH", tools::path_with_cargo_bin());
                c
            };
            // The runner prefers GECKODRIVER when both are set: name exactly one driver each time.
            run(wasm_tests()
                .env("CHROMEDRIVER", "/usr/bin/chromedriver")
                .env_remove("GECKODRIVER"))?;
            tools::ensure_firefox()?;
            let geckodriver = tools::ensure_geckodriver()?;
            run(wasm_tests()
                .env("GECKODRIVER", geckodriver)
                .env_remove("CHROMEDRIVER"))?;
            // WebKitGTK's driver speaks to the runner as Safari's does (it needs no capabilities:
            // it starts its MiniBrowser), on a display of its own.
            tools::ensure_webkit()?;
            let mut webkit = Command::new("xvfb-run");
            webkit
                .args([
                    "-a",
                    env!("CARGO"),
                    "test",
                    "--target",
                    "wasm32-unknown-unknown",
                ])
                .args(["-p", "sensetime-explainer"])
                .current_dir(root)
                .env("PATH", tools::path_with_cargo_bin())
                .env("SAFARIDRIVER", tools::WEBKIT_DRIVER)
                .env_remove("CHROMEDRIVER")
                .env_remove("GECKODRIVER");
            run(&mut webkit)
        },
    )?;
    // The server first, so the site is built for its address (its oEmbed answers and social
    // tags must be absolute URLs); it reads files as they are asked for.
    let site = root.join("dist");
    let (addr, _server) = server::spawn(&site, server::Mode::Production)?;
    let mut test_hooks = PathBuf::new();
    step(
        5,
        "dist (the built site), and the story with its test hooks",
        || {
            let base = crate::social::Base::parse(&format!("http://{addr}/"))?;
            dist::dist(root, &base)?;
            test_hooks = build::build_test_hooks(root)?;
            Ok(())
        },
    )?;
    step(
        6,
        "end-to-end tests (node --test, Chromium, Firefox and WebKit)",
        || {
            let e2e = root.join("tests/e2e");
            if !e2e.join("package.json").exists() {
                let bar = "!".repeat(72);
                eprintln!(
                    "\n{bar}\n!! NO END-TO-END TESTS: tests/e2e/package.json is missing.\n{bar}\n"
                );
                return Err("tests/e2e/package.json is missing".into());
            }
            tools::ensure_npm_packages(&e2e, "the end-to-end tests")?;
            tools::ensure_java()?;
            tools::ensure_webkit()?;
            // Three files at a time: each has its own browser, so the three engines' suites
            // (reader-*.test.js) and the Chromium-only files run side by side, the engines'
            // suites, the longest, first.
            run(Command::new("node")
                .args(["--test", "--test-concurrency=3", "--test-reporter=spec"])
                .args(e2e_files(&e2e)?)
                .current_dir(root)
                .env("BASE_URL", format!("http://{addr}"))
                .env("CHROMIUM", "/usr/bin/chromium")
                .env("FIREFOX", "/usr/bin/firefox-esr")
                .env("WEBKIT_DRIVER", tools::WEBKIT_DRIVER)
                .env("MINIBROWSER", tools::MINIBROWSER)
                .env("TEST_HOOKS_PKG", &test_hooks)
                .env("TEST_HOOKS_STEM", TEST_HOOKS.stem))
        },
    )?;
    println!("\nAll tests passed.");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_engine_suites_start_first_and_only_test_files_run() {
        let dir = std::env::temp_dir().join(format!("xtask-e2e-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for name in [
            "a11y.test.js",
            "reader-webkit.test.js",
            "helpers.js",
            "reader-chromium.test.js",
        ] {
            std::fs::write(dir.join(name), "").unwrap();
        }
        let names: Vec<String> = e2e_files(&dir)
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            names,
            [
                "reader-chromium.test.js",
                "reader-webkit.test.js",
                "a11y.test.js"
            ]
        );
    }
}
