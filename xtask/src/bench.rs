//! `cargo xtask bench`: measures the story page against a plain Chart.js + Scrollama baseline in
//! headless Chromium (`bench/bench.js`) and prints one table. A measurement, not a test: missed
//! budgets are printed as MISSED and the command still succeeds.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::command::run;
use crate::{dist, files, server, tools};

/// Pairs of runs (ours, then the baseline) when `--runs` is not given.
pub const DEFAULT_RUNS: u32 = 5;
/// More pairs of loads per size that time only the first chart, when `--loads` is not given.
pub const DEFAULT_LOADS: u32 = 15;

/// What to measure: how many pairs of runs and of first-chart loads, and which edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub runs: u32,
    pub loads: u32,
    /// `"en"` (`index.html`, the default) or `"zh"` (`zh/index.html`).
    pub edition: &'static str,
}

/// The options from `bench`'s arguments, in any order: `--runs N` with N ≥ 1, `--loads N` with
/// N ≥ 0, `--edition en|zh`.
pub fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        runs: DEFAULT_RUNS,
        loads: DEFAULT_LOADS,
        edition: "en",
    };
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let value = rest.next();
        match (flag.as_str(), value.map(String::as_str)) {
            ("--runs", Some(n)) => {
                options.runs = match n.parse() {
                    Ok(0) | Err(_) => {
                        return Err(format!("--runs takes a whole number from 1, not {n:?}"))
                    }
                    Ok(n) => n,
                }
            }
            ("--loads", Some(n)) => {
                options.loads = n
                    .parse()
                    .map_err(|_| format!("--loads takes a whole number from 0, not {n:?}"))?
            }
            ("--edition", Some("en")) => options.edition = "en",
            ("--edition", Some("zh")) => options.edition = "zh",
            ("--edition", other) => return Err(format!("--edition takes en or zh, not {other:?}")),
            _ => {
                return Err(format!(
                    "bench takes --runs N, --loads N and --edition en|zh, not {args:?}"
                ))
            }
        }
    }
    Ok(options)
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
    files::copy_dir(&root.join("bench/baseline"), &out)?;
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
/// `bench/bench.js` in Chromium for `options.runs` pairs, on the edition asked for.
pub fn bench(root: &Path, options: Options) -> Result<(), String> {
    let Options {
        runs,
        loads,
        edition,
    } = options;
    let dist = dist::dist(root)?;
    tools::ensure_chromium()?;
    if edition == "zh" {
        tools::ensure_chinese_font()?;
    }
    tools::ensure_npm_packages(&root.join("bench"), "the benchmark")?;
    let baseline = stage_baseline(root)?;
    // Isolated, so both pages' clocks read to 5 µs rather than 0.1 ms (see `server::Mode`).
    let (ours, _ours) = server::spawn(&dist, server::Mode::Isolated)?;
    let (theirs, _theirs) = server::spawn(&baseline, server::Mode::Isolated)?;
    println!(
"==> benchmark: {runs} pairs of runs and {loads} more of first-chart loads (ours, edition {edition}; baseline) in Chromium; a few minutes"
    );
    run(Command::new("node")
        .arg("bench/bench.js")
        .current_dir(root)
        .env("BASE_URL", format!("http://{ours}"))
        .env("BASELINE_URL", format!("http://{theirs}"))
        .env("DIST", &dist)
        .env("BASELINE_DIR", &baseline)
        .env("CHROMIUM", "/usr/bin/chromium")
        .env("RUNS", runs.to_string())
        .env("LOADS", loads.to_string())
        .env("EDITION", edition))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_parse() {
        let runs = |list: &[&str]| parse_options(&args(list)).map(|o| o.runs);
        let edition = |list: &[&str]| parse_options(&args(list)).map(|o| o.edition);
        assert_eq!(runs(&[]), Ok(DEFAULT_RUNS));
        assert_eq!(edition(&[]), Ok("en"));
        assert_eq!(runs(&["--runs", "3"]), Ok(3));
        assert_eq!(
            parse_options(&args(&["--edition", "zh", "--runs", "2"])),
            Ok(Options {
                runs: 2,
                loads: DEFAULT_LOADS,
                edition: "zh"
            })
        );
        let loads = |list: &[&str]| parse_options(&args(list)).map(|o| o.loads);
        assert_eq!(loads(&["--loads", "0"]), Ok(0));
        assert_eq!(loads(&["--runs", "2", "--loads", "40"]), Ok(40));
        assert!(loads(&["--loads", "-1"]).is_err());
        assert!(loads(&["--loads"]).is_err());
        assert!(runs(&["--runs", "0"]).is_err());
        assert!(runs(&["--runs", "-1"]).is_err());
        assert!(runs(&["--runs", "many"]).is_err());
        assert!(runs(&["--runs"]).is_err());
        assert!(runs(&["3"]).is_err());
        assert!(runs(&["--runs", "3", "--fast"]).is_err());
        assert!(edition(&["--edition", "fr"]).is_err());
        assert!(edition(&["--edition"]).is_err());
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
