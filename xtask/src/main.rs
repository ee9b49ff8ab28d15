//! `cargo xtask`: the project's automation, in Rust so it runs wherever cargo does.

mod assets;
mod bench;
mod data;
mod imports;
mod page;
mod server;
mod site;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <command>

  serve [--port N]  build the site and serve it on http://127.0.0.1:N (default 8000)
  test              run every test: fmt, clippy, native, wasm in Chromium and Firefox, end-to-end
  bench [--runs N] [--loads N] [--edition en|zh] [--save]
                    measure the story against a Chart.js + Scrollama baseline in Chromium
                    (pairs of full runs, default 5, and of loads that time only the
                    first chart, default 15) and print one table with the budgets;
                    --save also writes it to bench/results/<date>-<commit>.md
  dist              write the deployable static site to dist/
  build             compile the Wasm, run wasm-bindgen into pkg/ and shrink it with wasm-opt";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let result = match args.first().map(String::as_str) {
        Some("build") => site::build(&root),
        Some("dist") => site::dist(&root).map(|_| ()),
        Some("serve") => match parse_port(&args[1..]) {
            Ok(port) => site::dist(&root).and_then(|dist| server::serve_forever(&dist, port)),
            Err(e) => Err(e),
        },
        Some("test") => test(&root),
        Some("bench") => {
            bench::parse_options(&args[1..]).and_then(|options| bench::bench(&root, options))
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: the parent of this crate's directory.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

fn parse_port(args: &[String]) -> Result<u16, String> {
    match args {
        [] => Ok(8000),
        [flag, port] if flag == "--port" => port
            .parse()
            .map_err(|_| format!("--port takes a number, not {port:?}")),
        _ => Err(format!("serve takes only --port N, not {args:?}")),
    }
}

/// Runs a command, failing with a message that names it.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// Runs one numbered step of `test` under a header; its failure names the step.
fn step(n: u32, name: &str, body: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    println!("\n==> step {n}: {name}");
    body().map_err(|e| format!("step {n} ({name}) failed: {e}"))
}

/// Every test, in order, stopping at the first failure.
fn test(root: &Path) -> Result<(), String> {
    tools::ensure_wasm_target()?;
    let cargo = || {
        let mut c = Command::new(env!("CARGO"));
        c.current_dir(root);
        c
    };
    step(1, "format (cargo fmt --check)", || {
        run(cargo().args(["fmt", "--all", "--", "--check"]))
    })?;
    step(2, "lints (clippy -D warnings, native and wasm32)", || {
        run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))?;
        run(cargo().args([
            "clippy",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "sensetime-explainer",
            "--lib",
            "--tests",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step(3, "native tests (cargo test)", || {
        run(cargo().args(["test", "--workspace"]))
    })?;
    step(
        4,
        "browser tests (wasm-bindgen-test, Chromium and Firefox)",
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
                .env_remove("CHROMEDRIVER"))
        },
    )?;
    let mut dist = PathBuf::new();
    step(5, "dist (the built site)", || {
        dist = site::dist(root)?;
        Ok(())
    })?;
    step(
        6,
        "end-to-end tests (node --test, Chromium and Firefox)",
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
            let (addr, _server) = server::spawn(&dist, server::Mode::Production)?;
            run(Command::new("node")
                .args(["--test", "--test-reporter=spec", "tests/e2e/"])
                .current_dir(root)
                .env("BASE_URL", format!("http://{addr}"))
                .env("CHROMIUM", "/usr/bin/chromium")
                .env("FIREFOX", "/usr/bin/firefox-esr"))
        },
    )?;
    println!("\nAll tests passed.");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_parse() {
        assert_eq!(parse_port(&[]), Ok(8000));
        assert_eq!(parse_port(&["--port".into(), "9001".into()]), Ok(9001));
        assert!(parse_port(&["--port".into(), "x".into()]).is_err());
        assert!(parse_port(&["9001".into()]).is_err());
    }
}
