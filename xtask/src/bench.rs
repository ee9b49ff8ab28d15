//! `cargo xtask bench`: measures the story page against a plain Chart.js + Scrollama baseline in
//! headless Chromium (`bench/bench.js`) and prints one table; `--save` also writes it to
//! `bench/results/`. A measurement, not a test: missed budgets are printed as MISSED and the
//! command still succeeds. [`unit_tests`] runs the tests of its statistics (`bench/*.test.js`).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::command::run;
use crate::{dist, files, server, tools};

/// Pairs of runs (ours, then the baseline) when `--runs` is not given.
pub const DEFAULT_RUNS: u32 = 5;
/// More pairs of loads per size that time only the first chart, when `--loads` is not given.
pub const DEFAULT_LOADS: u32 = 15;

/// What to measure: how many pairs of runs and of first-chart loads, which edition, and whether
/// to save the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub runs: u32,
    pub loads: u32,
    /// `"en"` (`index.html`, the default) or `"zh"` (`zh/index.html`).
    pub edition: &'static str,
    /// Also write the result to `bench/results/<date>-<commit>.md`, raw figures beside it as JSON.
    pub save: bool,
}

impl Options {
    /// The command line that asks for these options, every one spelled out, for the saved result.
    pub fn command_line(&self) -> String {
        let Options {
            runs,
            loads,
            edition,
            save,
        } = self;
        let save = if *save { " --save" } else { "" };
        format!("cargo xtask bench --runs {runs} --loads {loads} --edition {edition}{save}")
    }
}

/// The options from `bench`'s arguments, in any order: `--runs N` with N ≥ 1, `--loads N` with
/// N ≥ 0, `--edition en|zh`, `--save`.
pub fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        runs: DEFAULT_RUNS,
        loads: DEFAULT_LOADS,
        edition: "en",
        save: false,
    };
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        if flag == "--save" {
            options.save = true;
            continue;
        }
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
                    "bench takes --runs N, --loads N, --edition en|zh and --save, not {args:?}"
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
    files::clear_dir(&out)?;
    files::copy_dir(&root.join("bench/baseline"), &out)?;
    files::create_dir(&out.join("vendor"))?;
    let modules = root.join("bench/node_modules");
    for (from, to) in VENDOR {
        let (src, dst) = (modules.join(from), out.join(to));
        files::copy(&src, &dst)?;
    }
    Ok(out)
}

/// Builds the site, serves it and the baseline with the project's server on free ports, and runs
/// `bench/bench.js` in Chromium for `options.runs` pairs, on the edition asked for. With
/// `options.save`, the result also goes to `bench/results/` ([`result_path`]).
pub fn bench(root: &Path, options: Options) -> Result<(), String> {
    let Options {
        runs,
        loads,
        edition,
        save,
    } = options;
    // Named before building, so the file names the commit that was measured.
    let saved = if save {
        let (commit, dirty) = commit(root)?;
        Some((
            result_path(root, &today_utc(), &commit, dirty)?,
            commit,
            dirty,
        ))
    } else {
        None
    };
    let dist = dist::dist(root, &crate::social::Base::none())?;
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
    let mut node = Command::new("node");
    node.arg("bench/bench.js")
        .current_dir(root)
        .env("BASE_URL", format!("http://{ours}"))
        .env("BASELINE_URL", format!("http://{theirs}"))
        .env("DIST", &dist)
        .env("BASELINE_DIR", &baseline)
        .env("CHROMIUM", "/usr/bin/chromium")
        .env("RUNS", runs.to_string())
        .env("LOADS", loads.to_string())
        .env("EDITION", edition);
    if let Some((path, commit, dirty)) = &saved {
        let nproc = std::thread::available_parallelism().map_or(0, |n| n.get());
        let commit = if *dirty {
            format!("{commit} with uncommitted changes")
        } else {
            commit.clone()
        };
        node.env("SAVE", path)
            .env("COMMAND", options.command_line())
            .env("COMMIT", commit)
            .env("NPROC", nproc.to_string());
    }
    run(&mut node)
}

/// Runs the unit tests of the benchmark's statistics, every `bench/*.test.js`, with node's own
/// test runner. They need no browser and no npm package.
pub fn unit_tests(root: &Path) -> Result<(), String> {
    let dir = root.join("bench");
    let mut files: Vec<String> = files::entries(&dir)?
        .iter()
        .filter_map(|path| path.file_name()?.to_str())
        .filter(|name| name.ends_with(".test.js"))
        .map(|name| format!("bench/{name}"))
        .collect();
    if files.is_empty() {
        return Err(format!("no *.test.js in {}", dir.display()));
    }
    files.sort();
    run(Command::new("node")
        .args(["--test", "--test-reporter=spec"])
        .args(&files)
        .current_dir(root))
}

/// The short hash of `HEAD`, and whether the work tree has changes it does not hold.
fn commit(root: &Path) -> Result<(String, bool), String> {
    let git = |args: &[&str]| -> Result<String, String> {
        let out = Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .map_err(|e| format!("could not start git {args:?}: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "git {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    };
    let hash = git(&["rev-parse", "--short=7", "HEAD"])?;
    let dirty = !git(&["status", "--porcelain", "--untracked-files=no"])?.is_empty();
    Ok((hash, dirty))
}

/// Where `--save` writes: `bench/results/<date>-<commit>.md`, `-dirty` added when the work tree
/// had uncommitted changes, and `-2`, `-3`, … when that name is taken (a second run the same day).
pub fn result_path(root: &Path, date: &str, commit: &str, dirty: bool) -> Result<PathBuf, String> {
    let dir = root.join("bench/results");
    files::create_dir(&dir)?;
    let stem = format!("{date}-{commit}{}", if dirty { "-dirty" } else { "" });
    let mut path = dir.join(format!("{stem}.md"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.md"));
        n += 1;
    }
    Ok(path)
}

/// Today's date in UTC, `YYYY-MM-DD`.
fn today_utc() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_date((seconds / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date `days` days after 1970-01-01: years counted from 1 March, so the
/// leap day falls at the end of a 400-year era's years.
fn civil_date(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468; // days since 0000-03-01
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097); // 0..=146096
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153; // 0 = March .. 11 = February
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
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
                edition: "zh",
                save: false
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
    fn save_parses_anywhere_and_takes_no_value() {
        let save = |list: &[&str]| parse_options(&args(list)).map(|o| o.save);
        assert_eq!(save(&[]), Ok(false));
        assert_eq!(save(&["--save"]), Ok(true));
        assert_eq!(
            parse_options(&args(&["--runs", "1", "--save", "--loads", "1"])),
            Ok(Options {
                runs: 1,
                loads: 1,
                edition: "en",
                save: true
            })
        );
        assert_eq!(save(&["--edition", "zh", "--save"]), Ok(true));
        assert!(save(&["--save", "yes"]).is_err());
        assert!(save(&["--runs", "--save"]).is_err());
    }

    #[test]
    fn the_saved_command_line_asks_for_the_same_options() {
        let options = parse_options(&args(&["--save", "--runs", "10"])).unwrap();
        let line = options.command_line();
        assert_eq!(
            line,
            "cargo xtask bench --runs 10 --loads 15 --edition en --save"
        );
        let again: Vec<String> = line.split(' ').skip(3).map(String::from).collect();
        assert_eq!(parse_options(&again), Ok(options));
    }

    #[test]
    fn dates_from_days_since_the_epoch() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(-1), (1969, 12, 31));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
        assert_eq!(civil_date(20_786), (2026, 11, 29));
        assert_eq!(today_utc().len(), "2026-11-29".len());
    }

    #[test]
    fn result_paths_name_the_date_and_commit_and_never_overwrite() {
        let root = std::env::temp_dir().join(format!("xtask-bench-{}", std::process::id()));
        let path = |dirty| result_path(&root, "2026-11-29", "9e2e1ce", dirty).unwrap();
        let first = path(false);
        assert!(first.ends_with("bench/results/2026-11-29-9e2e1ce.md"));
        assert!(path(true).ends_with("bench/results/2026-11-29-9e2e1ce-dirty.md"));
        std::fs::write(&first, "").unwrap();
        assert!(path(false).ends_with("bench/results/2026-11-29-9e2e1ce-2.md"));
        std::fs::remove_dir_all(&root).unwrap();
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
