//! A static file server for `serve` and for the end-to-end tests, on std alone: correct types, no
//! caching, no escapes, and the strict Content-Security-Policy the page must work under.

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

/// Answers one connection: one GET or HEAD, then closes. Closing every connection keeps the
/// server trivially correct; on loopback the reconnects cost nothing.
fn handle(root: &Path, stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // The headers: read past them, none changes the answer.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, url) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let found = resolve(root, url).and_then(|f| std::fs::read(&f).ok().map(|body| (f, body)));
    let (status, kind, body) = match (method, found) {
        ("GET" | "HEAD", Some((file, body))) => ("200 OK", content_type(&file), body),
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
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n\
         Content-Security-Policy: {CSP}\r\nX-Content-Type-Options: nosniff\r\n\
         Access-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n",
        body.len()
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
fn answer(listener: TcpListener, root: PathBuf) {
    let root = Arc::new(root);
    for stream in listener.incoming().flatten() {
        let root = Arc::clone(&root);
        // A client that hung up is not our problem.
        std::thread::spawn(move || {
            let _ = handle(&root, stream);
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
    answer(listener, root.to_path_buf());
    Ok(())
}

/// Serves `root` on a free loopback port from a background thread; returns the address.
pub fn spawn(root: &Path) -> Result<(SocketAddr, JoinHandle<()>), String> {
    let listener = bind("127.0.0.1:0")?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("the server has no address: {e}"))?;
    let root = root.to_path_buf();
    Ok((addr, std::thread::spawn(move || answer(listener, root))))
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
