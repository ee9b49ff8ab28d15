//! Readies `dist/` for the wire: the Wasm and its glue get content-hashed names (so they can be
//! cached for a year), scripts and styles are minified, and every text asset is precompressed
//! (gzip -9 and brotli 11) for servers that serve `.gz`/`.br` files as they are.

use std::path::Path;
use std::process::Command;

use crate::builds::{Build, BUILDS};
use crate::command::run;
use crate::{files, tools};

/// Extensions worth compressing (images other than SVG already are).
const COMPRESSIBLE: [&str; 7] = ["html", "css", "js", "wasm", "svg", "json", "csv"];

/// A short content hash (FNV-1a, 64 bits) for file names: stable across builds and machines.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")[..10].to_string()
}

/// `name.ext` with a fingerprint before the extension: `a.js` → `a.0123456789.js`.
pub fn fingerprinted(name: &str, hash: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

/// Whether a path under `dist/` is fingerprinted, so may be cached as immutable.
pub fn is_fingerprinted(url_path: &str) -> bool {
    let name = url_path.rsplit('/').next().unwrap_or("");
    let mut parts = name.split('.');
    parts.next();
    parts.any(|p| p.len() == 10 && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// What each build's files are called in `dist/pkg/` once fingerprinted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pkg {
    /// Per build, in `BUILDS`' order: its glue's name and its Wasm's, if it was built (`cargo
    /// xtask serve` serves the English story before the other builds are done).
    names: Vec<Option<(String, String)>>,
}

impl Pkg {
    fn index(build: &Build) -> usize {
        BUILDS
            .iter()
            .position(|b| b == build)
            .expect("a build from BUILDS")
    }

    /// The build's glue, as served from `dist/pkg/`, if it was built.
    pub fn glue(&self, build: &Build) -> Option<&str> {
        self.names[Self::index(build)]
            .as_ref()
            .map(|n| n.0.as_str())
    }

    /// The build's Wasm, as served from `dist/pkg/`, if it was built.
    pub fn wasm(&self, build: &Build) -> Option<&str> {
        self.names[Self::index(build)]
            .as_ref()
            .map(|n| n.1.as_str())
    }

    /// The names wasm-bindgen gives the files, before fingerprinting.
    #[cfg(test)]
    pub fn unfingerprinted() -> Pkg {
        Pkg {
            names: BUILDS.iter().map(|b| Some((b.glue(), b.wasm()))).collect(),
        }
    }
}

/// Renames each build's Wasm and glue in `dist/pkg/` to fingerprinted names, pointing each glue
/// at its renamed Wasm, and returns the new names for the pages and scripts that load them. A
/// build whose Wasm is not there was not built.
pub fn fingerprint_pkg(dist: &Path) -> Result<Pkg, String> {
    let pkg = dist.join("pkg");
    let mut names = Vec::new();
    for build in BUILDS {
        let (glue, wasm) = (build.glue(), build.wasm());
        if !pkg.join(&wasm).exists() {
            names.push(None);
            continue;
        }
        let wasm_name = rename_fingerprinted(&pkg, &wasm)?;
        let glue_path = pkg.join(&glue);
        let text = files::read(&glue_path)?;
        if !text.contains(&wasm) {
            return Err(format!(
                "{} does not name {wasm}, so cannot be pointed at its fingerprinted name",
                glue_path.display()
            ));
        }
        files::write(&glue_path, text.replace(&wasm, &wasm_name))?;
        let glue_name = rename_fingerprinted(&pkg, &glue)?;
        names.push(Some((glue_name, wasm_name)));
    }
    Ok(Pkg { names })
}

fn rename_fingerprinted(dir: &Path, name: &str) -> Result<String, String> {
    let from = dir.join(name);
    let new_name = fingerprinted(name, &fingerprint(&files::read_bytes(&from)?));
    files::rename(&from, &dir.join(&new_name))?;
    Ok(new_name)
}

/// Minifies every script and style sheet in `dist/` in place with esbuild (whitespace, comments
/// and local names only: exported names, globals and the module structure stay as written).
/// In scripts, each `(name, JSON value)` of `defines` replaces that global name (`--define`).
pub fn minify(root: &Path, dist: &Path, defines: &[(String, String)]) -> Result<(), String> {
    let esbuild = tools::ensure_build_tool(root, "esbuild")?;
    for file in files::list(dist, &["js", "css"])? {
        let mut cmd = Command::new(&esbuild);
        cmd.arg(&file)
            .args(["--minify", "--log-level=warning", "--allow-overwrite"])
            .arg(format!("--outfile={}", file.display()));
        if file.extension().is_some_and(|e| e == "js") {
            cmd.args(
                defines
                    .iter()
                    .map(|(name, value)| format!("--define:{name}={value}")),
            );
        }
        run(&mut cmd)?;
    }
    Ok(())
}

/// Writes `name.gz` and `name.br` beside every compressible file in `dist/`, with Node's zlib
/// (gzip level 9, brotli quality 11).
pub fn precompress(root: &Path, dist: &Path) -> Result<(), String> {
    run(Command::new("node")
        .arg(root.join("xtask/precompress.mjs"))
        .arg(dist)
        .args(COMPRESSIBLE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_short_and_content_dependent() {
        assert_eq!(fingerprint(b"abc"), fingerprint(b"abc"));
        assert_ne!(fingerprint(b"abc"), fingerprint(b"abd"));
        assert_eq!(fingerprint(b"").len(), 10);
        // FNV-1a of the empty input is its offset basis.
        assert_eq!(fingerprint(b""), "cbf29ce484");
    }

    #[test]
    fn fingerprinted_names_keep_their_extension() {
        assert_eq!(
            fingerprinted("a_bg.wasm", "0123456789"),
            "a_bg.0123456789.wasm"
        );
        assert_eq!(fingerprinted("glue.js", "abcdef0123"), "glue.abcdef0123.js");
        assert!(is_fingerprinted("/pkg/glue.abcdef0123.js"));
        assert!(!is_fingerprinted("/pkg/sensetime_explainer.js"));
        assert!(!is_fingerprinted("/main.js"));
        assert!(!is_fingerprinted("/charts/funding.light.svg"));
    }

    #[test]
    fn the_pkg_is_renamed_and_each_glue_follows_its_wasm() {
        let dist = std::env::temp_dir().join(format!("xtask-assets-{}", std::process::id()));
        files::create_dir(&dist.join("pkg")).unwrap();
        for build in BUILDS {
            // Different bytes, so different fingerprints.
            files::write(&dist.join("pkg").join(build.wasm()), build.stem).unwrap();
            files::write(
                &dist.join("pkg").join(build.glue()),
                format!("new URL('{}', import.meta.url)", build.wasm()),
            )
            .unwrap();
        }
        let pkg = fingerprint_pkg(&dist).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(dist.join("pkg"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let mut expected: Vec<String> = BUILDS
            .iter()
            .flat_map(|b| {
                [
                    pkg.glue(b).unwrap().to_string(),
                    pkg.wasm(b).unwrap().to_string(),
                ]
            })
            .collect();
        expected.sort();
        assert_eq!(names, expected);
        for build in &BUILDS {
            let (glue, wasm) = (pkg.glue(build).unwrap(), pkg.wasm(build).unwrap());
            assert!(
                is_fingerprinted(glue) && is_fingerprinted(wasm),
                "{glue} {wasm}"
            );
            assert!(glue.starts_with(&format!("{}.", build.stem)) && glue.ends_with(".js"));
            assert!(wasm.starts_with(&format!("{}_bg.", build.stem)) && wasm.ends_with(".wasm"));
            let text = files::read(&dist.join("pkg").join(glue)).unwrap();
            assert_eq!(text, format!("new URL('{wasm}', import.meta.url)"));
        }
        files::clear_dir(&dist).unwrap();
    }
}
