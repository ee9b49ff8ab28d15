//! The static server for `serve`, the end-to-end tests and the benchmark: tower-http's `ServeDir`
//! (types, no escapes, precompressed `.br`/`.gz` siblings served as they are, conditional and
//! range requests) on axum, with what a production host should add for `dist/`: the strict
//! Content-Security-Policy the page must work under, fingerprinted files cached for a year and
//! everything else revalidated, and CORS for script embeds on other sites.

use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::assets::is_fingerprinted;
use crate::files;

/// The policy every page is served with, as strict as a newsroom's: only our own files, Wasm
/// allowed to compile, no inline script, and no inline style but one: `style.css` of the site,
/// which `dist` writes into the story's pages (`page::inline_style`, so their first paint waits
/// for no second request), allowed by its SHA-256. A site without one gets no hash.
pub fn csp(site: &Path) -> Result<String, String> {
    let sheet = site.join(STYLE_SHEET);
    let inline = if sheet.exists() {
        Some(files::read_bytes(&sheet)?)
    } else {
        None
    };
    Ok(policy(inline.as_deref()))
}

/// The policy, allowing `inline_style` (the exact text of a `<style>` element) if given.
pub fn policy(inline_style: Option<&[u8]>) -> String {
    let mut policy =
        String::from("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
    if let Some(css) = inline_style {
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(css));
        policy.push_str(&format!(" 'sha256-{hash}'"));
    }
    policy
}

/// The story's style sheet, at the top of the site: the one inline style the policy allows.
pub const STYLE_SHEET: &str = "style.css";

/// The headers every answer gets besides the policy, whatever was asked (the host configs of
/// `hosts` send the same).
pub const FIXED: [(&str, &str); 2] = [
    ("X-Content-Type-Options", "nosniff"),
    // Script embeds load our module, Wasm and SVGs from other sites' pages.
    ("Access-Control-Allow-Origin", "*"),
];

/// The headers every answer from `site` gets: its policy (`csp`), then `FIXED`.
pub fn every_answer(site: &Path) -> Result<Vec<(&'static str, String)>, String> {
    let mut headers = vec![("Content-Security-Policy", csp(site)?)];
    headers.extend(FIXED.iter().map(|&(name, value)| (name, value.to_string())));
    Ok(headers)
}

/// Types by extension that the server sets itself, because static hosts and nginx's stock
/// `mime.types` do not all know them (every other type is the usual one for its extension).
pub const TYPES: [(&str, &str); 2] = [
    ("wasm", "application/wasm"),
    ("csv", "text/csv; charset=utf-8"),
];

/// The type `TYPES` gives a path, if any.
pub fn fixed_type(url_path: &str) -> Option<&'static str> {
    let ext = url_path.rsplit_once('.')?.1;
    TYPES.iter().find(|(e, _)| *e == ext).map(|(_, t)| *t)
}

/// How a fingerprinted file is cached: it never changes under its name.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// How everything else is cached: kept, but revalidated before each use.
pub const REVALIDATE: &str = "no-cache";

/// Fingerprinted files never change under their name; the rest must be revalidated.
pub fn cache_control(url_path: &str) -> &'static str {
    if is_fingerprinted(url_path) {
        IMMUTABLE
    } else {
        REVALIDATE
    }
}

/// How pages are served: as in production, or cross-origin isolated for measuring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Production,
    /// Adds `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy:
    /// require-corp`. Outside an isolated page, Chromium rounds `performance.now()` and frame
    /// timestamps to 0.1 ms, so a frame exactly on time at 60 Hz reads 16.6, 16.7 or 16.8 ms;
    /// isolated, to 5 µs, and it reads 16.67. The benchmark serves both its pages this way.
    Isolated,
}

/// The headers every answer gets in `mode` besides the policy: `FIXED`, and isolation if asked.
fn fixed_headers(mode: Mode) -> Vec<(HeaderName, &'static str)> {
    let mut headers = FIXED.to_vec();
    if mode == Mode::Isolated {
        headers.push(("Cross-Origin-Opener-Policy", "same-origin"));
        headers.push(("Cross-Origin-Embedder-Policy", "require-corp"));
    }
    headers
        .into_iter()
        .map(|(name, value)| {
            let name = HeaderName::from_bytes(name.as_bytes()).expect("a valid header name");
            (name, value)
        })
        .collect()
}

/// Adds the site's policy (`csp`), read from its files at each request: the site may be built
/// or rebuilt after the server starts (`cargo xtask test` starts it first, to build the site for
/// its address; `serve` swaps in a new `dist/`). A policy that cannot be read is an error, never
/// a page served without it.
async fn with_policy(State(root): State<Arc<PathBuf>>, request: Request, next: Next) -> Response {
    let policy = csp(&root).and_then(|p| {
        HeaderValue::from_str(&p).map_err(|e| format!("{p:?} cannot be sent as a header: {e}"))
    });
    match policy {
        Ok(policy) => {
            let mut response = next.run(request).await;
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, policy);
            response
        }
        Err(e) => {
            eprintln!("xtask: no policy for {}: {e}", request.uri());
            let mut response = Response::new(axum::body::Body::from(e));
            *response.status_mut() = axum::http::StatusCode::INTERNAL_SERVER_ERROR;
            response
        }
    }
}

/// Adds what depends on the path asked for: how long it may be cached, and the charset of text
/// (`ServeDir` types files by extension alone; every text file here is UTF-8).
async fn per_path(request: Request, next: Next) -> Response {
    let cache = cache_control(request.uri().path());
    let fixed = fixed_type(request.uri().path());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Some(kind) = fixed.filter(|_| headers.contains_key(header::CONTENT_TYPE)) {
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    }
    let text = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .filter(|kind| kind.starts_with("text/") && !kind.contains("charset"))
        .and_then(|kind| HeaderValue::from_str(&format!("{kind}; charset=utf-8")).ok());
    if let Some(kind) = text {
        headers.insert(header::CONTENT_TYPE, kind);
    }
    response
}

fn app(root: &Path, mode: Mode) -> Router {
    let files = ServeDir::new(root).precompressed_br().precompressed_gzip();
    let mut app = Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(per_path))
        .layer(middleware::from_fn_with_state(
            Arc::new(root.to_path_buf()),
            with_policy,
        ));
    for (name, value) in fixed_headers(mode) {
        app = app.layer(SetResponseHeaderLayer::overriding(
            name,
            HeaderValue::from_static(value),
        ));
    }
    app
}

/// Answers on `listener` until the process ends, on this thread.
fn answer(listener: TcpListener, root: &Path, mode: Mode) -> Result<(), String> {
    let app = app(root, mode);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .map_err(|e| format!("cannot start the server's runtime: {e}"))?;
    runtime.block_on(async {
        listener
            .set_nonblocking(true)
            .map_err(|e| format!("cannot set up the listener: {e}"))?;
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| format!("cannot set up the listener: {e}"))?;
        axum::serve(listener, app)
            .await
            .map_err(|e| format!("the server stopped: {e}"))
    })
}

fn bind(addr: &str) -> Result<TcpListener, String> {
    TcpListener::bind(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))
}

/// Serves `root` on 127.0.0.1:`port` from a background thread, until interrupted.
pub fn spawn_on(root: &Path, port: u16) -> Result<JoinHandle<()>, String> {
    let listener = bind(&format!("127.0.0.1:{port}"))?;
    let root = root.to_path_buf();
    Ok(std::thread::spawn(move || {
        if let Err(e) = answer(listener, &root, Mode::Production) {
            eprintln!("xtask: {e}");
        }
    }))
}

/// Serves `root` on a free loopback port from a background thread; returns the address.
pub fn spawn(root: &Path, mode: Mode) -> Result<(SocketAddr, JoinHandle<()>), String> {
    let listener = bind("127.0.0.1:0")?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("the server has no address: {e}"))?;
    let root = root.to_path_buf();
    Ok((
        addr,
        std::thread::spawn(move || {
            if let Err(e) = answer(listener, &root, mode) {
                eprintln!("xtask: {e}");
            }
        }),
    ))
}

/// The raw answer to a GET with extra `headers` (each ending in CRLF), its head lower-cased
/// (header names are case-insensitive).
#[cfg(test)]
pub fn get_raw(addr: SocketAddr, path: &str, headers: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: x\r\n{headers}\r\n").unwrap();
    let mut out = Vec::new();
    stream.read_to_end(&mut out).unwrap();
    let out = String::from_utf8_lossy(&out).into_owned();
    let (head, body) = out.split_once("\r\n\r\n").unwrap_or((&out, ""));
    format!("{}\r\n\r\n{body}", head.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(addr: SocketAddr, path: &str) -> String {
        get_raw(addr, path, "")
    }

    #[test]
    fn precompressed_files_are_served_as_they_are_and_fingerprints_cached_for_good() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-enc-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::write(dir.join("main.js"), "plain").unwrap();
        std::fs::write(dir.join("main.js.br"), "BROTLI").unwrap();
        std::fs::write(dir.join("main.js.gz"), "GZIP").unwrap();
        std::fs::write(dir.join("pkg/glue.0123456789.js"), "glue").unwrap();
        let (addr, _thread) = spawn(&dir, Mode::Production).unwrap();
        let br = get_raw(addr, "/main.js", "Accept-Encoding: gzip, br\r\n");
        assert!(
            br.contains("content-encoding: br") && br.ends_with("BROTLI"),
            "{br}"
        );
        assert!(
            br.contains("content-type: text/javascript; charset=utf-8"),
            "{br}"
        );
        assert!(br.contains("vary: accept-encoding"), "{br}");
        assert!(br.contains("cache-control: no-cache"), "{br}");
        let gz = get_raw(addr, "/main.js", "accept-encoding: gzip\r\n");
        assert!(
            gz.contains("content-encoding: gzip") && gz.ends_with("GZIP"),
            "{gz}"
        );
        let refused = get_raw(addr, "/main.js", "Accept-Encoding: br;q=0, gzip\r\n");
        assert!(refused.ends_with("GZIP"), "{refused}");
        let plain = get(addr, "/main.js");
        assert!(
            !plain.contains("content-encoding") && plain.ends_with("plain"),
            "{plain}"
        );
        // No precompressed variant: the file itself, whatever the client accepts.
        let glue = get_raw(addr, "/pkg/glue.0123456789.js", "Accept-Encoding: br\r\n");
        assert!(
            !glue.contains("content-encoding") && glue.ends_with("glue"),
            "{glue}"
        );
        assert!(glue.contains("max-age=31536000, immutable"), "{glue}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn serves_files_with_their_type_and_404s_the_rest() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::write(dir.join("index.html"), "<h1>hello</h1>").unwrap();
        std::fs::write(dir.join("pkg/m.wasm"), b"\0asm").unwrap();
        std::fs::write(dir.join("data.csv"), "a,b").unwrap();
        let (addr, _thread) = spawn(&dir, Mode::Production).unwrap();
        let page = get(addr, "/");
        assert!(
            page.starts_with("http/1.1 200") || page.starts_with("http/1.0 200"),
            "{page}"
        );
        assert!(
            page.contains("content-type: text/html; charset=utf-8")
                && page.ends_with("<h1>hello</h1>"),
            "{page}"
        );
        assert!(get(addr, "/index.html?x=1").ends_with("<h1>hello</h1>"));
        assert!(
            page.contains(&format!(
                "content-security-policy: {}",
                policy(None).to_ascii_lowercase()
            )),
            "{page}"
        );
        assert!(page.contains("access-control-allow-origin: *"), "{page}");
        assert!(page.contains("x-content-type-options: nosniff"), "{page}");
        let wasm = get(addr, "/pkg/m.wasm");
        assert!(wasm.contains("content-type: application/wasm"), "{wasm}");
        let csv = get(addr, "/data.csv");
        assert!(
            csv.contains("content-type: text/csv; charset=utf-8"),
            "{csv}"
        );
        assert!(get(addr, "/nope.js").contains(" 404 "));
        assert!(get(addr, "/../../etc/passwd").contains(" 404 "));
        assert!(get(addr, "/pkg/../../secret").contains(" 404 "));
        assert!(!page.contains("cross-origin-"), "{page}");
        let (isolated, _thread) = spawn(&dir, Mode::Isolated).unwrap();
        let page = get(isolated, "/");
        assert!(
            page.contains("cross-origin-opener-policy: same-origin")
                && page.contains("cross-origin-embedder-policy: require-corp")
                && page.ends_with("<h1>hello</h1>"),
            "{page}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_policy_allows_the_sites_style_sheet_by_its_hash_and_nothing_else_inline() {
        let base = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
        assert_eq!(policy(None), base);
        // SHA-256 of "abc", base64 (FIPS 180-2's test vector).
        assert_eq!(
            policy(Some(b"abc")),
            format!("{base} 'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='")
        );
        let dir = std::env::temp_dir().join(format!("xtask-csp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "<p>").unwrap();
        assert_eq!(csp(&dir).unwrap(), base);
        // The server starts before the site is built (as `cargo xtask test` starts it) and sends
        // the policy of the site as it is at each request.
        let (addr, _thread) = spawn(&dir, Mode::Production).unwrap();
        let sent = |expected: &str| {
            let answer = get(addr, "/index.html");
            let line = format!(
                "content-security-policy: {}\r\n",
                expected.to_ascii_lowercase()
            );
            assert!(answer.contains(&line), "{answer}");
        };
        sent(base);
        for sheet in ["abc", "p{}"] {
            std::fs::write(dir.join(STYLE_SHEET), sheet).unwrap();
            assert_eq!(csp(&dir).unwrap(), policy(Some(sheet.as_bytes())));
            sent(&policy(Some(sheet.as_bytes())));
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
