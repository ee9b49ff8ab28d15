//! File operations whose errors name the path: "could not read dist/main.js: No such file or
//! directory". Every file xtask touches goes through here.

use std::path::{Path, PathBuf};

fn failed(verb: &str, path: &Path, e: std::io::Error) -> String {
    format!("could not {verb} {}: {e}", path.display())
}

/// A text file's contents.
pub fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| failed("read", path, e))
}

/// A file's bytes.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| failed("read", path, e))
}

/// Writes `contents` to `path`, replacing it.
pub fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    std::fs::write(path, contents).map_err(|e| failed("write", path, e))
}

/// Creates a directory and its parents.
pub fn create_dir(path: &Path) -> Result<(), String> {
    std::fs::create_dir_all(path).map_err(|e| failed("create", path, e))
}

/// Removes a directory and everything in it, if it exists.
pub fn clear_dir(path: &Path) -> Result<(), String> {
    if !path.exists() {
        return Ok(());
    }
    std::fs::remove_dir_all(path).map_err(|e| failed("clear", path, e))
}

/// Renames `from` to `to`.
pub fn rename(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::rename(from, to).map_err(|e| {
        format!(
            "could not rename {} to {}: {e}",
            from.display(),
            to.display()
        )
    })
}

/// Copies the file `from` to `to`.
pub fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("could not copy {} to {}: {e}", from.display(), to.display()))
}

/// A file's size in bytes.
pub fn size(path: &Path) -> Result<u64, String> {
    std::fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| failed("read", path, e))
}

/// Files wasm-bindgen writes that a website does not serve.
fn skipped(name: &str) -> bool {
    matches!(name, ".gitignore" | "package.json")
}

/// Copies the tree `from` into `to`, leaving out packaging files (`.gitignore`, `package.json`).
pub fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    create_dir(to)?;
    for src in entries(from)? {
        let name = src.file_name().unwrap_or_default();
        if skipped(&name.to_string_lossy()) {
            continue;
        }
        let dst = to.join(name);
        if src.is_dir() {
            copy_dir(&src, &dst)?;
        } else {
            copy(&src, &dst)?;
        }
    }
    Ok(())
}

/// The paths in a directory, in a stable order.
pub fn entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let list = std::fs::read_dir(dir).map_err(|e| failed("read", dir, e))?;
    let mut out = Vec::new();
    for entry in list {
        out.push(entry.map_err(|e| failed("read", dir, e))?.path());
    }
    out.sort();
    Ok(out)
}

/// Every file under `dir` whose extension is one of `extensions`, in a stable order.
pub fn list(dir: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for path in entries(dir)? {
        if path.is_dir() {
            out.extend(list(&path, extensions)?);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e))
        {
            out.push(path);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_path() {
        let missing = Path::new("/nonexistent/xtask/file.txt");
        let err = read(missing).unwrap_err();
        assert!(
            err.starts_with("could not read /nonexistent/xtask/file.txt: "),
            "{err}"
        );
        assert!(write(missing, "x")
            .unwrap_err()
            .contains("/nonexistent/xtask/file.txt"));
    }

    #[test]
    fn copies_a_tree_without_packaging_files() {
        let base = std::env::temp_dir().join(format!("xtask-copy-{}", std::process::id()));
        let (from, to) = (base.join("from"), base.join("to"));
        create_dir(&from.join("sub")).unwrap();
        write(&from.join("index.html"), "<p>hi</p>").unwrap();
        write(&from.join("sub/a.js"), "1").unwrap();
        write(&from.join(".gitignore"), "*").unwrap();
        copy_dir(&from, &to).unwrap();
        assert_eq!(read(&to.join("index.html")).unwrap(), "<p>hi</p>");
        assert_eq!(read(&to.join("sub/a.js")).unwrap(), "1");
        assert!(!to.join(".gitignore").exists());
        assert_eq!(
            list(&to, &["js"]).unwrap(),
            vec![to.join("sub/a.js")],
            "only the extensions asked for"
        );
        clear_dir(&base).unwrap();
        assert!(!base.exists());
    }
}
