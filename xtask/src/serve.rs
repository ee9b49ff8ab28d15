//! `cargo xtask serve`: builds the site and serves it as production would.

use std::path::Path;

use crate::social::Base;
use crate::{dist, server};

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
pub fn serve(root: &Path, port: u16) -> Result<(), String> {
    let base = Base::parse(&format!("http://127.0.0.1:{port}/"))?;
    let dist = dist::dist(root, &base)?;
    server::serve_forever(&dist, port)
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
}
