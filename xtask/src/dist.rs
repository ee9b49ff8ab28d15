//! `cargo xtask dist`: builds, then writes the deployable static site to `dist/`.

use std::path::{Path, PathBuf};

use crate::{assets, build, data, facts, files, hosts, page};

/// Builds, then writes `dist/`: the contents of `www/` with `pkg/` beside them (fingerprinted),
/// each edition's page given its static charts, its preloads and its frame page, the charts'
/// SVGs in `charts/` and the data downloads in `data/`; then minifies the scripts, giving them
/// the facts they share with Rust, precompresses everything (see `assets`), and writes the host configs for what is there
/// (`hosts`). Returns its path.
pub fn dist(root: &Path) -> Result<PathBuf, String> {
    build::build(root)?;
    let dist = root.join("dist");
    files::clear_dir(&dist)?;
    files::copy_dir(&root.join("www"), &dist)?;
    files::copy_dir(&root.join("pkg"), &dist.join("pkg"))?;
    let pkg = assets::fingerprint_pkg(&dist)?;
    page::write_editions(&dist, &pkg)?;
    page::write_static_charts(&dist)?;
    data::write(&dist)?;
    assets::minify(root, &dist, &facts::defines(&pkg))?;
    facts::check_replaced(&dist)?;
    assets::precompress(root, &dist)?;
    hosts::write(&dist)?;
    println!("==> wrote {}", dist.display());
    Ok(dist)
}
