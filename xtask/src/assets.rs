//! Readies `dist/` for the wire: the Wasm and its glue get content-hashed names (so they can be
//! cached for a year), scripts and styles are minified, and every text asset is precompressed
//! (gzip -9 and brotli 11) for servers that serve `.gz`/`.br` files as they are.

use std::path::Path;
use std::process::Command;

use crate::builds::BUILDS;
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

/// Renames each build's Wasm and glue in `dist/pkg/` to fingerprinted names and points every
/// page and script in `dist/` at them.
pub fn fingerprint_pkg(dist: &Path) -> Result<(), String> {
    let pkg = dist.join("pkg");
    let mut renames = Vec::new();
    for build in BUILDS {
        let (glue, wasm) = (build.glue(), build.wasm());
        let wasm_name = rename_fingerprinted(&pkg, &wasm)?;
        replace_in(&pkg.join(&glue), &[(wasm.as_str(), wasm_name.as_str())])?;
        let glue_name = rename_fingerprinted(&pkg, &glue)?;
        renames.extend([(glue, glue_name), (wasm, wasm_name)]);
    }
    let pairs: Vec<(&str, &str)> = renames
        .iter()
        .map(|(from, to)| (from.as_str(), to.as_str()))
        .collect();
    for file in files::list(dist, &["html", "js"])? {
        replace_in(&file, &pairs)?;
    }
    Ok(())
}

fn rename_fingerprinted(dir: &Path, name: &str) -> Result<String, String> {
    let from = dir.join(name);
    let new_name = fingerprinted(name, &fingerprint(&files::read_bytes(&from)?));
    files::rename(&from, &dir.join(&new_name))?;
    Ok(new_name)
}

fn replace_in(file: &Path, pairs: &[(&str, &str)]) -> Result<(), String> {
    let text = files::read(file)?;
    let new = pairs
        .iter()
        .fold(text.clone(), |t, (from, to)| t.replace(from, to));
    if new != text {
        files::write(file, new)?;
    }
    Ok(())
}

/// Minifies every script and style sheet in `dist/` in place with esbuild (whitespace, comments
/// and local names only: exported names, globals and the module structure stay as written).
pub fn minify(root: &Path, dist: &Path) -> Result<(), String> {
    let esbuild = tools::ensure_build_tool(root, "esbuild")?;
    for file in files::list(dist, &["js", "css"])? {
        run(Command::new(&esbuild)
            .arg(&file)
            .args(["--minify", "--log-level=warning", "--allow-overwrite"])
            .arg(format!("--outfile={}", file.display())))?;
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
    fn the_pkg_is_renamed_and_every_reference_follows() {
        let dist = std::env::temp_dir().join(format!("xtask-assets-{}", std::process::id()));
        std::fs::create_dir_all(dist.join("pkg")).unwrap();
        let files = BUILDS.map(|b| (b.glue(), b.wasm()));
        for (glue, wasm) in &files {
            // Different bytes, so different fingerprints.
            std::fs::write(dist.join("pkg").join(wasm), wasm.as_bytes()).unwrap();
            std::fs::write(
                dist.join("pkg").join(glue),
                format!("new URL('{wasm}', import.meta.url)"),
            )
            .unwrap();
        }
        let [(en_glue, en_wasm), (zh_glue, _), (frame_glue, _), (frame_zh_glue, _), (embed_glue, _)] =
            &files;
        std::fs::write(
            dist.join("index.html"),
            format!("<link rel=modulepreload href=pkg/{en_glue}><link href=pkg/{en_wasm}>"),
        )
        .unwrap();
        std::fs::write(
            dist.join("main.js"),
            format!(
                "{{en: './pkg/{en_glue}', zh: './pkg/{zh_glue}', 'en-frame': './pkg/{frame_glue}', \
                 'zh-frame': './pkg/{frame_zh_glue}'}}"
            ),
        )
        .unwrap();
        std::fs::write(dist.join("embed.js"), format!("import('pkg/{embed_glue}')")).unwrap();
        fingerprint_pkg(&dist).unwrap();
        let names: Vec<String> = std::fs::read_dir(dist.join("pkg"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2 * BUILDS.len());
        assert!(names.iter().all(|n| is_fingerprinted(n)), "{names:?}");
        let renamed = |stem: &str, ext: &str| {
            names
                .iter()
                .find(|n| n.starts_with(&format!("{stem}.")) && n.ends_with(ext))
                .unwrap_or_else(|| panic!("{stem}.*{ext} in {names:?}"))
                .clone()
        };
        let [en, zh, frame, frame_zh, embed] = BUILDS.map(|build| {
            let name = build.stem;
            let (glue, wasm) = (
                renamed(name, ".js"),
                renamed(&format!("{name}_bg"), ".wasm"),
            );
            let glue_text = std::fs::read_to_string(dist.join("pkg").join(&glue)).unwrap();
            assert!(glue_text.contains(wasm.as_str()), "{glue_text}");
            (glue, wasm)
        });
        let html = std::fs::read_to_string(dist.join("index.html")).unwrap();
        assert!(
            html.contains(en.0.as_str()) && html.contains(en.1.as_str()),
            "{html}"
        );
        let main = std::fs::read_to_string(dist.join("main.js")).unwrap();
        for glue in [&en.0, &zh.0, &frame.0, &frame_zh.0] {
            assert!(main.contains(glue.as_str()), "{main}");
        }
        // No name is a prefix of another's that the renaming could catch half of.
        assert!(!main.contains("sensetime_story_frame.js"), "{main}");
        let loader = std::fs::read_to_string(dist.join("embed.js")).unwrap();
        assert!(loader.contains(embed.0.as_str()), "{loader}");
        std::fs::remove_dir_all(&dist).unwrap();
    }
}
