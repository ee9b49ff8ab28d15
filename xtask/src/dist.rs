//! `cargo xtask dist`: builds, then writes the deployable static site to `dist/`.

use std::path::{Path, PathBuf};

use crate::{assets, build, data, files, page};

/// Builds, then writes `dist/`: the contents of `www/` with `pkg/` beside them, each step given its
/// static chart and data table, and the charts' SVGs in `charts/`; then fingerprints, minifies
/// and precompresses it (see `assets`). Returns its path.
pub fn dist(root: &Path) -> Result<PathBuf, String> {
    build::build(root)?;
    let dist = root.join("dist");
    files::clear_dir(&dist)?;
    files::copy_dir(&root.join("www"), &dist)?;
    files::copy_dir(&root.join("pkg"), &dist.join("pkg"))?;
    page::inject_editions(&dist)?;
    page::write_frame_pages(&dist)?;
    page::write_static_charts(&dist)?;
    data::write(&dist)?;
    assets::fingerprint_pkg(&dist)?;
    assets::minify(root, &dist)?;
    assets::precompress(root, &dist)?;
    println!("==> wrote {}", dist.display());
    Ok(dist)
}
