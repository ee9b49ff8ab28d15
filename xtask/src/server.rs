//! A static file server for `serve` and for the end-to-end tests: correct types, no caching, no
//! escapes, and the strict Content-Security-Policy the page must work under.

use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::thread::JoinHandle;

use tiny_http::{Header, Response, Server};

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

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name, value).expect("static header names and values are valid")
}

fn handle(root: &Path, request: tiny_http::Request) {
    let found =
        resolve(root, request.url()).and_then(|f| std::fs::read(&f).ok().map(|body| (f, body)));
    let response = match found {
        Some((file, body)) => Response::from_data(body)
            .with_header(header("Content-Type", content_type(&file)))
            .with_header(header("Cache-Control", "no-cache"))
            .with_header(header("Content-Security-Policy", CSP))
            .with_header(header("X-Content-Type-Options", "nosniff"))
            // Script embeds load our module, Wasm and SVGs from other sites' pages.
            .with_header(header("Access-Control-Allow-Origin", "*")),
        None => Response::from_string("not found").with_status_code(404),
    };
    // A client that hung up is not our problem.
    let _ = request.respond(response);
}

fn bind(addr: &str) -> Result<Server, String> {
    Server::http(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))
}

/// Serves `root` on 127.0.0.1:`port` until interrupted.
pub fn serve_forever(root: &Path, port: u16) -> Result<(), String> {
    let server = bind(&format!("127.0.0.1:{port}"))?;
    println!(
        "==> serving {} on http://127.0.0.1:{port}/ (Ctrl-C stops)",
        root.display()
    );
    for request in server.incoming_requests() {
        handle(root, request);
    }
    Ok(())
}

/// Serves `root` on a free loopback port from a background thread; returns the address.
pub fn spawn(root: &Path) -> Result<(SocketAddr, JoinHandle<()>), String> {
    let server = bind("127.0.0.1:0")?;
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or("the server should listen on an IP address")?;
    let root = root.to_path_buf();
    let thread = std::thread::spawn(move || {
        for request in server.incoming_requests() {
            handle(&root, request);
        }
    });
    Ok((addr, thread))
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
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        write!(stream, "GET {path} HTTP/1.0\r\nHost: x\r\n\r\n").unwrap();
        let mut out = String::new();
        stream.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn serves_files_with_their_type_and_404s_the_rest() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::write(dir.join("index.html"), "<h1>hello</h1>").unwrap();
        std::fs::write(dir.join("pkg/m.wasm"), b"\0asm").unwrap();
        let (addr, _thread) = spawn(&dir).unwrap();
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
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
