//! `cargo xtask dist`: builds, then writes the deployable static site to `dist/`.

use std::path::{Path, PathBuf};

use crate::builds::{Build, BUILDS};
use crate::png::{self, Rasteriser};
use crate::social::Base;
use crate::{assets, build, data, facts, files, hosts, kit, page, style};

/// Builds, then writes `dist/`: the contents of `www/` with `pkg/` beside them (fingerprinted),
/// each edition's page given its static charts, its preloads and its frame page, the charts'
/// SVGs in `charts/`, the icon as PNG (`png::write_favicon`), the data downloads in `data/`, and the newsroom kit (`kit`: PNGs, social
/// cards, each chart's page, oEmbed, head tags, with absolute URLs from `base`); then minifies
/// the scripts, giving them the facts they share with Rust, writes the style sheet into the
/// story's pages (`page::inline_style`), precompresses everything (see `assets`) and writes the
/// host configs for what is there, with the policy that allows that sheet (`hosts`). Returns its
/// path.
pub fn dist(root: &Path, base: &Base) -> Result<PathBuf, String> {
    let dist = root.join("dist");
    dist_of(root, base, &BUILDS, &dist)?;
    Ok(dist)
}

/// As [`dist`], with only `builds` compiled, written to `dist`: a page whose build is not among
/// them gets no preloads, and its script finds no glue, so it shows its static charts.
pub fn dist_of(root: &Path, base: &Base, builds: &[Build], dist: &Path) -> Result<(), String> {
    build::build_some(root, builds)?;
    let dist = dist.to_path_buf();
    files::clear_dir(&dist)?;
    files::copy_dir(&root.join("www"), &dist)?;
    files::copy_dir(&root.join("pkg"), &dist.join("pkg"))?;
    let pkg = assets::fingerprint_pkg(&dist)?;
    page::write_editions(&dist, &pkg)?;
    page::write_static_charts(&dist)?;
    style::write(&dist)?;
    data::write(&dist)?;
    let rasteriser = Rasteriser::new()?;
    png::write_favicon(&dist, &rasteriser)?;
    kit::write(&dist, base, &rasteriser)?;
    assets::minify(root, &dist, &facts::defines(&pkg))?;
    facts::check_replaced(&dist)?;
    page::inline_style(&dist)?;
    assets::precompress(root, &dist)?;
    hosts::write(&dist)?;
    println!("==> wrote {}", dist.display());
    Ok(())
}

/// Reads `dist`'s options: nothing, or `--base-url <url>`.
pub fn parse_base(args: &[String]) -> Result<Base, String> {
    match args {
        [] => Ok(Base::none()),
        [flag, url] if flag == "--base-url" => Base::parse(url),
        _ => Err(format!(
            "dist takes --base-url <url> or nothing, not `{}`",
            args.join(" ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_url_is_the_only_option() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(parse_base(&[]).unwrap(), Base::none());
        assert_eq!(
            parse_base(&args(&["--base-url", "https://g.example/s"])).unwrap(),
            Base::parse("https://g.example/s/").unwrap()
        );
        assert!(parse_base(&args(&["--base-url"]))
            .unwrap_err()
            .contains("--base-url <url>"));
        assert!(parse_base(&args(&["--base-url", "g.example"])).is_err());
    }
}
