//! `cargo xtask serve`: builds the site and serves it as production would.

use std::path::Path;

use sensetime_explainer::lang::Lang;

use crate::builds::{Build, Role, BUILDS};
use crate::social::Base;
use crate::{build, dist, files, server};

/// The port when `--port` is not given.
pub const DEFAULT_PORT: u16 = 8000;

/// The port from `serve`'s arguments: none, or `--port N`.
pub fn parse_port(args: &[String]) -> Result<u16, String> {
    match args {
        [] => Ok(DEFAULT_PORT),
        [flag, port] if flag == "--port" => port
            .parse()
            .map_err(|_| format!("--port takes a number, not {port:?}")),
        _ => Err(format!("serve takes only --port N, not {args:?}")),
    }
}

/// Builds `dist/` for 127.0.0.1:`port` (its social tags and oEmbed answers name that address)
/// and serves it there until interrupted.
///
/// A newcomer sees the page as soon as it can be served: on a machine that has not compiled every
/// build before, `dist/` is first written with the English story's own Wasm build only, and
/// served; then every build is made into a second directory, which takes `dist/`'s place when it
/// is complete. The terminal says which is which.
pub fn serve(root: &Path, port: u16) -> Result<(), String> {
    let base = Base::parse(&format!("http://127.0.0.1:{port}/"))?;
    let dist = root.join("dist");
    if BUILDS.iter().all(|b| build::compiled_before(root, b)) {
        // Every build compiles quickly now: one pass.
        dist::dist_of(root, &base, &BUILDS, &dist)?;
        let server = server::spawn_on(&dist, port)?;
        println!("==> serving http://127.0.0.1:{port}/ (Ctrl-C stops)");
        return server
            .join()
            .map_err(|_| "the server stopped unexpectedly".to_string());
    }
    let first = *Build::of(Role::Story {
        lang: Lang::EN,
        framed: false,
    });
    dist::dist_of(root, &base, &[first], &dist)?;
    let server = server::spawn_on(&dist, port)?;
    println!(
        "==> the English story is ready at http://127.0.0.1:{port}/ (Ctrl-C stops). Still \
         building the Chinese edition, the framed story and the embeds: until `all builds are \
         ready` below, those pages show their static charts."
    );
    let next = root.join("target/dist-next");
    dist::dist_of(root, &base, &BUILDS, &next)?;
    replace_dir(&next, &dist, &root.join("target/dist-old"))?;
    println!("==> all builds are ready: every page at http://127.0.0.1:{port}/ is interactive");
    server
        .join()
        .map_err(|_| "the server stopped unexpectedly".to_string())
}

/// Puts `new` where `dir` is, by two renames (moving the old one to `old`, then removing it), so
/// a server reading `dir` goes from one complete site to the other.
fn replace_dir(new: &Path, dir: &Path, old: &Path) -> Result<(), String> {
    files::clear_dir(old)?;
    files::rename(dir, old)?;
    files::rename(new, dir)?;
    files::clear_dir(old)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_parse() {
        assert_eq!(parse_port(&[]), Ok(8000));
        assert_eq!(parse_port(&["--port".into(), "9001".into()]), Ok(9001));
        assert!(parse_port(&["--port".into(), "x".into()]).is_err());
        assert!(parse_port(&["9001".into()]).is_err());
    }

    #[test]
    fn the_new_site_takes_the_old_ones_place() {
        let tmp = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        let (new, dir, old) = (tmp.join("next"), tmp.join("dist"), tmp.join("old"));
        files::create_dir(&new).unwrap();
        files::create_dir(&dir).unwrap();
        files::write(&new.join("index.html"), "new").unwrap();
        files::write(&dir.join("index.html"), "first").unwrap();
        replace_dir(&new, &dir, &old).unwrap();
        assert_eq!(files::read(&dir.join("index.html")).unwrap(), "new");
        assert!(!new.exists() && !old.exists());
        files::clear_dir(&tmp).unwrap();
    }
}
