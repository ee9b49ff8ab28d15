//! A static file server for `serve` and for the end-to-end tests, on std alone: correct types, no
//! escapes, the strict Content-Security-Policy the page must work under, and what a production
//! host should do with `dist/`: precompressed files served as they are, fingerprinted files
//! cached for a year, everything else revalidated.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

/// The Content-Type for a file name.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The file under `root` that a request URL names, or `None` for anything that could escape it.
pub fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let mut file = root.to_path_buf();
    for part in Path::new(path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => file.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if path.ends_with('/') || file.is_dir() {
        file.push("index.html");
    }
    Some(file)
}

/// The policy every page is served with, as strict as a newsroom's: only our own files, Wasm
/// allowed to compile, no inline script or style.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// The precompressed variant to serve for an `Accept-Encoding` header: brotli, then gzip.
pub fn encoding_for(accept_encoding: &str) -> Option<(&'static str, &'static str)> {
    let accepts = |name: &str| {
        accept_encoding.split(',').any(|part| {
            let mut bits = part.split(';');
            let coding = bits.next().unwrap_or("").trim();
            let refused = bits.any(|b| matches!(b.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
            coding.eq_ignore_ascii_case(name) && !refused
        })
    };
    if accepts("br") {
        Some(("br", "br"))
    } else if accepts("gzip") {
        Some(("gzip", "gz"))
    } else {
        None
    }
}

/// Fingerprinted files never change under their name; the rest must be revalidated.
pub fn cache_control(url_path: &str) -> &'static str {
    if crate::assets::is_fingerprinted(url_path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// Answers one connection: one GET or HEAD, then closes. Closing every connection keeps the
/// server trivially correct; on loopback the reconnects cost nothing.
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

const ISOLATION: &str =
    "Cross-Origin-Opener-Policy: same-origin\r\nCross-Origin-Embedder-Policy: require-corp\r\n";

fn handle(root: &Path, stream: TcpStream, mode: Mode) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // The headers: only Accept-Encoding changes the answer.
    let (mut line, mut accept_encoding) = (String::new(), String::new());
    while reader.read_line(&mut line)? > 2 {
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept_encoding = value.trim().to_string();
            }
        }
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, url) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let found = resolve(root, url).and_then(|f| std::fs::read(&f).ok().map(|body| (f, body)));
    let mut encoding = "";
    let (status, kind, body) = match (method, found) {
        ("GET" | "HEAD", Some((file, body))) => {
            let compressed = encoding_for(&accept_encoding).and_then(|(coding, ext)| {
                let mut name = file.clone().into_os_string();
                name.push(".");
                name.push(ext);
                std::fs::read(name).ok().map(|b| (coding, b))
            });
            match compressed {
                Some((coding, b)) => {
                    encoding = coding;
                    ("200 OK", content_type(&file), b)
                }
                None => ("200 OK", content_type(&file), body),
            }
        }
        ("GET" | "HEAD", None) => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found".to_vec(),
        ),
        _ => (
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            b"GET only".to_vec(),
        ),
    };
    let encoding = if encoding.is_empty() {
        String::new()
    } else {
        format!("Content-Encoding: {encoding}\r\n")
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{encoding}\
         Vary: Accept-Encoding\r\nCache-Control: {}\r\n\
         Content-Security-Policy: {CSP}\r\nX-Content-Type-Options: nosniff\r\n\
         Access-Control-Allow-Origin: *\r\n{}Connection: close\r\n\r\n",
        body.len(),
        cache_control(url.split(['?', '#']).next().unwrap_or("")),
        if mode == Mode::Isolated {
            ISOLATION
        } else {
            ""
        },
    );
    // Script embeds load our module, Wasm and SVGs from other sites' pages, hence the CORS header.
    let mut stream = stream;
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// Answers every connection on its own thread, so a client that stops reading holds up no one.
fn answer(listener: TcpListener, root: PathBuf, mode: Mode) {
    let root = Arc::new(root);
    for stream in listener.incoming().flatten() {
        let root = Arc::clone(&root);
        // A client that hung up is not our problem.
        std::thread::spawn(move || {
            let _ = handle(&root, stream, mode);
        });
    }
}

fn bind(addr: &str) -> Result<TcpListener, String> {
    TcpListener::bind(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))
}

/// Serves `root` on 127.0.0.1:`port` until interrupted.
pub fn serve_forever(root: &Path, port: u16) -> Result<(), String> {
    let listener = bind(&format!("127.0.0.1:{port}"))?;
    println!(
        "==> serving {} on http://127.0.0.1:{port}/ (Ctrl-C stops)",
        root.display()
    );
    answer(listener, root.to_path_buf(), Mode::Production);
    Ok(())
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
        std::thread::spawn(move || answer(listener, root, mode)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    #[test]
    fn types_follow_the_extension() {
        assert_eq!(content_type(Path::new("a/b.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("main.js")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("LICENSE")),
            "application/octet-stream"
        );
    }

    #[test]
    fn urls_map_into_the_root_and_never_out_of_it() {
        let root = Path::new("/srv/site");
        assert_eq!(
            resolve(root, "/pkg/a.wasm"),
            Some(PathBuf::from("/srv/site/pkg/a.wasm"))
        );
        assert_eq!(
            resolve(root, "/index.html?x=1#y"),
            Some(PathBuf::from("/srv/site/index.html"))
        );
        assert_eq!(
            resolve(root, "/"),
            Some(PathBuf::from("/srv/site/index.html"))
        );
        assert_eq!(resolve(root, "/../etc/passwd"), None);
        assert_eq!(resolve(root, "/pkg/../../secret"), None);
    }

    fn get(addr: SocketAddr, path: &str) -> String {
        get_with(addr, path, "")
    }

    fn get_with(addr: SocketAddr, path: &str, headers: &str) -> String {
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        write!(stream, "GET {path} HTTP/1.0\r\nHost: x\r\n{headers}\r\n").unwrap();
        let mut out = Vec::new();
        stream.read_to_end(&mut out).unwrap();
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn encodings_are_negotiated_brotli_first() {
        assert_eq!(encoding_for("gzip, deflate, br, zstd"), Some(("br", "br")));
        assert_eq!(encoding_for("gzip"), Some(("gzip", "gz")));
        assert_eq!(encoding_for("br;q=0, gzip;q=0.8"), Some(("gzip", "gz")));
        assert_eq!(encoding_for("GZIP"), Some(("gzip", "gz")));
        assert_eq!(encoding_for(""), None);
        assert_eq!(encoding_for("identity"), None);
        assert_eq!(encoding_for("brotli"), None);
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
        let br = get_with(addr, "/main.js", "Accept-Encoding: gzip, br\r\n");
        assert!(
            br.contains("Content-Encoding: br") && br.ends_with("BROTLI"),
            "{br}"
        );
        assert!(br.contains("Content-Type: text/javascript"), "{br}");
        assert!(br.contains("Vary: Accept-Encoding"), "{br}");
        assert!(br.contains("Cache-Control: no-cache"), "{br}");
        let gz = get_with(addr, "/main.js", "accept-encoding: gzip\r\n");
        assert!(
            gz.contains("Content-Encoding: gzip") && gz.ends_with("GZIP"),
            "{gz}"
        );
        let plain = get(addr, "/main.js");
        assert!(
            !plain.contains("Content-Encoding") && plain.ends_with("plain"),
            "{plain}"
        );
        // No precompressed variant: the file itself, whatever the client accepts.
        let glue = get_with(addr, "/pkg/glue.0123456789.js", "Accept-Encoding: br\r\n");
        assert!(
            !glue.contains("Content-Encoding") && glue.ends_with("glue"),
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
        let (addr, _thread) = spawn(&dir, Mode::Production).unwrap();
        let page = get(addr, "/");
        assert!(
            page.starts_with("HTTP/1.1 200") || page.starts_with("HTTP/1.0 200"),
            "{page}"
        );
        assert!(
            page.contains("text/html") && page.ends_with("<h1>hello</h1>"),
            "{page}"
        );
        assert!(
            page.contains(&format!("Content-Security-Policy: {CSP}")),
            "{page}"
        );
        assert!(page.contains("Access-Control-Allow-Origin: *"), "{page}");
        let wasm = get(addr, "/pkg/m.wasm");
        assert!(wasm.contains("Content-Type: application/wasm"), "{wasm}");
        assert!(get(addr, "/nope.js").contains(" 404 "));
        assert!(get(addr, "/../../etc/passwd").contains(" 404 "));
        assert!(!page.contains("Cross-Origin-"), "{page}");
        let (isolated, _thread) = spawn(&dir, Mode::Isolated).unwrap();
        let page = get(isolated, "/");
        assert!(
            page.contains(ISOLATION) && page.ends_with("<h1>hello</h1>"),
            "{page}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
