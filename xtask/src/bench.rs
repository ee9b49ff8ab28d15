//! `cargo xtask bench`: measures the story page against a plain Chart.js + Scrollama baseline in
//! headless Chromium (`bench/bench.js`) and prints one table. A measurement, not a test: missed
//! budgets are printed as MISSED and the command still succeeds.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{run, server, site, tools};

/// Pairs of runs (ours, then the baseline) when `--runs` is not given.
pub const DEFAULT_RUNS: u32 = 5;

/// The number of pairs from `bench`'s arguments: none, or `--runs N` with N ≥ 1.
pub fn parse_runs(args: &[String]) -> Result<u32, String> {
    match args {
        [] => Ok(DEFAULT_RUNS),
        [flag, n] if flag == "--runs" => match n.parse() {
            Ok(0) | Err(_) => Err(format!("--runs takes a whole number from 1, not {n:?}")),
            Ok(n) => Ok(n),
        },
        _ => Err(format!("bench takes only --runs N, not {args:?}")),
    }
}

/// The vendored files the baseline page loads, from `bench/node_modules`, and where it loads them.
const VENDOR: [(&str, &str); 2] = [
    ("chart.js/dist/chart.umd.min.js", "vendor/chart.umd.min.js"),
    (
        "scrollama/build/scrollama.min.js",
        "vendor/scrollama.min.js",
    ),
];

/// Writes the baseline site to `target/bench-baseline`: `bench/baseline/` plus the minified
/// Chart.js and Scrollama builds, so it is served from disk like the story. Returns its path.
fn stage_baseline(root: &Path) -> Result<PathBuf, String> {
    let out = root.join("target/bench-baseline");
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    site::copy_dir(&root.join("bench/baseline"), &out)?;
    std::fs::create_dir_all(out.join("vendor"))
        .map_err(|e| format!("cannot create {}: {e}", out.join("vendor").display()))?;
    let modules = root.join("bench/node_modules");
    for (from, to) in VENDOR {
        let (src, dst) = (modules.join(from), out.join(to));
        std::fs::copy(&src, &dst)
            .map_err(|e| format!("cannot copy {} to {}: {e}", src.display(), dst.display()))?;
    }
    Ok(out)
}

/// Builds the site, serves it and the baseline with the project's server on free ports, and runs
/// `bench/bench.js` in Chromium for `runs` pairs.
pub fn bench(root: &Path, runs: u32) -> Result<(), String> {
    let dist = site::dist(root)?;
    tools::ensure_chromium()?;
    tools::ensure_npm_packages(&root.join("bench"), "the benchmark")?;
    let baseline = stage_baseline(root)?;
    let (ours, _ours) = server::spawn(&dist)?;
    let (theirs, _theirs) = server::spawn(&baseline)?;
    println!("==> benchmark: {runs} pairs of runs (ours, baseline) in Chromium; a few minutes");
    run(Command::new("node")
        .arg("bench/bench.js")
        .current_dir(root)
        .env("BASE_URL", format!("http://{ours}"))
        .env("BASELINE_URL", format!("http://{theirs}"))
        .env("DIST", &dist)
        .env("BASELINE_DIR", &baseline)
        .env("CHROMIUM", "/usr/bin/chromium")
        .env("RUNS", runs.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn runs_parse() {
        assert_eq!(parse_runs(&[]), Ok(DEFAULT_RUNS));
        assert_eq!(parse_runs(&args(&["--runs", "3"])), Ok(3));
        assert!(parse_runs(&args(&["--runs", "0"])).is_err());
        assert!(parse_runs(&args(&["--runs", "-1"])).is_err());
        assert!(parse_runs(&args(&["--runs", "many"])).is_err());
        assert!(parse_runs(&args(&["--runs"])).is_err());
        assert!(parse_runs(&args(&["3"])).is_err());
        assert!(parse_runs(&args(&["--runs", "3", "--fast"])).is_err());
    }

    #[test]
    fn the_baseline_loads_the_vendored_files() {
        let page = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../bench/baseline/index.html"
        ))
        .unwrap();
        for (_, served) in VENDOR {
            assert!(page.contains(&format!("src=\"{served}\"")), "{served}");
        }
    }
}
