//! `cargo xtask bench`: measures the story page in one paired run against two others, a plain
//! Chart.js + Scrollama page and a floor (the same scenes drawn by hand on Canvas 2D, no
//! library), in headless Chromium (`bench/bench.js`), and prints its tables and budgets;
//! `--save` also writes them to `bench/results/`. A measurement, not a test: missed budgets are
//! printed as MISSED and the command still succeeds. [`unit_tests`] runs the tests of its
//! statistics and probes (`bench/*.test.js`).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::command::run;
use crate::{assets, dist, files, server, tools};

/// Rounds of runs (ours, then the Chart.js page, then the floor) when `--runs` is not given.
pub const DEFAULT_RUNS: u32 = 5;
/// More rounds of loads per profile that time only the first chart and first paint, when
/// `--loads` is not given.
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

/// The vendored files the Chart.js page loads, from `bench/node_modules`, and where it loads them.
const VENDOR: [(&str, &str); 2] = [
    ("chart.js/dist/chart.umd.min.js", "vendor/chart.umd.min.js"),
    (
        "scrollama/build/scrollama.min.js",
        "vendor/scrollama.min.js",
    ),
];

/// The scenes both other pages draw, written once and put at the head of each page's script.
const SCENES: &str = "bench/baseline/scenes.js";

/// The stylesheet both other pages load, and the floor's own rules, put after it in the floor's.
const STYLES: &str = "baseline.css";
const FLOOR_STYLES: &str = "bench/floor/floor.css";

/// The floor's title and its one script, in place of the Chart.js page's.
const FLOOR_TITLE: &str =
    "<title>Floor: SenseTime's funding and peers drawn by hand on Canvas 2D</title>";
const FLOOR_SCRIPT: &str = r#"<script src="floor.js" defer></script>"#;

/// The floor's page: the Chart.js page's HTML (the same steps, words and styles) with its own
/// title, and its one script where the Chart.js page loads its three.
fn floor_page(chartjs: &str) -> Result<String, String> {
    let mut out = String::with_capacity(chartjs.len());
    let (mut titled, mut scripted) = (false, false);
    for line in chartjs.lines() {
        let replaced = if line.starts_with("<title>") {
            titled = true;
            Some(FLOOR_TITLE)
        } else if line.starts_with("<script ") {
            let first = !scripted;
            scripted = true;
            if first {
                Some(FLOOR_SCRIPT)
            } else {
                continue;
            }
        } else {
            None
        };
        out.push_str(replaced.unwrap_or(line));
        out.push('\n');
    }
    if !(titled && scripted) {
        return Err(
            "bench/baseline/index.html has no <title> or <script> line for the floor to replace"
                .into(),
        );
    }
    Ok(out)
}

/// Writes the two other pages' sites: the Chart.js page to `target/bench-baseline` (its own
/// files, the scenes at the head of its script, and the minified Chart.js and Scrollama builds)
/// and the hand-drawn floor to `target/bench-floor` (the same page and stylesheet with its own
/// script and rules), each with `.gz` and `.br` siblings as `dist/` has, so the server sends all
/// three pages compressed alike. Returns their paths.
fn stage_baselines(root: &Path) -> Result<(PathBuf, PathBuf), String> {
    let source = root.join("bench/baseline");
    let scenes = files::read(&root.join(SCENES))?;
    let styles = files::read(&source.join(STYLES))?;
    // A page: its HTML, its stylesheet, its script after the scenes, and the shared icon.
    let stage = |name: &str, page: String, css: String, script: (&str, PathBuf)| {
        let out = root.join("target").join(name);
        files::clear_dir(&out)?;
        files::create_dir(&out)?;
        files::write(&out.join("index.html"), page)?;
        files::write(&out.join(STYLES), css)?;
        files::copy(&source.join("favicon.svg"), &out.join("favicon.svg"))?;
        let own = files::read(&script.1)?;
        files::write(&out.join(script.0), format!("{scenes}\n{own}"))?;
        Ok::<PathBuf, String>(out)
    };
    let chartjs_html = files::read(&source.join("index.html"))?;
    let chartjs = stage(
        "bench-baseline",
        chartjs_html.clone(),
        styles.clone(),
        ("baseline.js", source.join("baseline.js")),
    )?;
    files::create_dir(&chartjs.join("vendor"))?;
    let modules = root.join("bench/node_modules");
    for (from, to) in VENDOR {
        files::copy(&modules.join(from), &chartjs.join(to))?;
    }
    let floor_styles = files::read(&root.join(FLOOR_STYLES))?;
    let floor = stage(
        "bench-floor",
        floor_page(&chartjs_html)?,
        format!("{styles}\n{floor_styles}"),
        ("floor.js", root.join("bench/floor/floor.js")),
    )?;
    for dir in [&chartjs, &floor] {
        assets::precompress(root, dir)?;
    }
    Ok((chartjs, floor))
}

/// Builds the site, stages the other two pages, serves all three with the project's server on
/// free ports, and runs `bench/bench.js` in Chromium for `options.runs` rounds, on the edition
/// asked for. With `options.save`, the result also goes to `bench/results/` ([`result_path`]).
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
    let (chartjs, floor) = stage_baselines(root)?;
    // Isolated, so every page's clock reads to 5 µs rather than 0.1 ms (see `server::Mode`).
    let (ours, _ours) = server::spawn(&dist, server::Mode::Isolated)?;
    let (chartjs_at, _chartjs) = server::spawn(&chartjs, server::Mode::Isolated)?;
    let (floor_at, _floor) = server::spawn(&floor, server::Mode::Isolated)?;
    println!(
"==> benchmark: {runs} rounds of runs and {loads} more of loads (ours, edition {edition}; the Chart.js page; the floor) in Chromium; a few minutes"
    );
    let mut node = Command::new("node");
    node.arg("bench/bench.js")
        .current_dir(root)
        .env("BASE_URL", format!("http://{ours}"))
        .env("CHARTJS_URL", format!("http://{chartjs_at}"))
        .env("FLOOR_URL", format!("http://{floor_at}"))
        .env("DIST", &dist)
        .env("CHARTJS_DIR", &chartjs)
        .env("FLOOR_DIR", &floor)
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

/// Runs the unit tests of the benchmark's statistics and probes, every `bench/*.test.js`, with
/// node's own test runner. They need no browser and no npm package.
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
    fn the_chartjs_page_loads_the_vendored_files() {
        let page = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../bench/baseline/index.html"
        ))
        .unwrap();
        for (_, served) in VENDOR {
            assert!(page.contains(&format!("src=\"{served}\"")), "{served}");
        }
    }

    #[test]
    fn the_floor_is_the_chartjs_page_with_its_own_title_and_one_script() {
        let chartjs = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../bench/baseline/index.html"
        ))
        .unwrap();
        let floor = floor_page(&chartjs).unwrap();
        assert_eq!(floor.matches("<script ").count(), 1);
        assert!(floor.contains(FLOOR_SCRIPT) && floor.contains(FLOOR_TITLE));
        assert!(!floor.contains("vendor/") && !floor.contains("baseline.js"));
        // Everything else is the Chart.js page's, line for line: the steps, their words, the styles.
        let kept = |page: &str| -> Vec<String> {
            page.lines()
                .filter(|l| !l.starts_with("<script ") && !l.starts_with("<title>"))
                .map(String::from)
                .collect()
        };
        assert_eq!(kept(&floor), kept(&chartjs));
        assert!(
            floor.contains(r#"data-scene="funding""#) && floor.contains(r#"data-scene="peers""#)
        );
        assert!(floor_page("<html>\n<body></body>\n</html>\n").is_err());
    }
}
