//! `cargo xtask`: the project's automation, in Rust so it runs wherever cargo does. This file
//! only reads the command line; each task has its own file (`build`, `dist`, `serve`, `test`,
//! `bench`), and the modules below them do the work.

// Tasks.
mod bench;
mod build;
mod dist;
mod serve;
mod test;
// What they use.
mod assets;
mod builds;
mod cards;
mod command;
mod data;
mod facts;
mod files;
mod hosts;
mod imports;
mod kit;
mod page;
mod picture;
mod png;
mod prose;
mod server;
mod social;
mod style;
mod svg;
mod tools;
mod wording;

#[cfg(test)]
mod tidy;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

  serve [--port N]  build the site and serve it on http://127.0.0.1:N (default 8000)
  test              run every test: fmt, clippy, native, wasm and end-to-end in Chromium,
                    Firefox and WebKit
  bench [--runs N] [--loads N] [--edition en|zh] [--save]
                    measure the story against a Chart.js + Scrollama page and a
                    hand-drawn Canvas 2D floor in Chromium (rounds of full runs, default
                    5, and of loads that time only the first paint and chart, default
                    15; a slow-phone profile of loads) and print the tables and budgets;
                    --save also writes it to bench/results/<date>-<commit>.md
  dist [--base-url URL]
                    write the deployable static site to dist/; URL is where it will be
                    published, for the links that must be absolute (social cards, oEmbed)
  build             compile the Wasm, run wasm-bindgen into pkg/ and shrink it with wasm-opt
  fingerprint <article.txt>
                    hash the FT article's runs of six words into tests/article-6grams.txt,
                    for the test that keeps our words our own";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("build") => build::build(&root),
        Some("dist") => {
            dist::parse_base(rest).and_then(|base| dist::dist(&root, &base).map(|_| ()))
        }
        Some("serve") => serve::parse_port(rest).and_then(|port| serve::serve(&root, port)),
        Some("test") => test::test(&root),
        Some("fingerprint") if rest.len() == 1 => wording::fingerprint(&root, Path::new(&rest[0])),
        Some("bench") => {
            bench::parse_options(rest).and_then(|options| bench::bench(&root, options))
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
