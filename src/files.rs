//! Reading files that may not be files: a pipe, socket or device named like an article or a
//! sidecar must be refused before it is opened, because opening or reading it can block
//! forever.

use std::io;
use std::path::Path;

/// The error for a path that exists but is not a regular file.
fn not_regular() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        crate::tr!("error-io-not-regular"),
    )
}

/// Checks that `path` is a regular file (following symbolic links) before it is opened.
/// A missing file gives the `NotFound` error, as opening it would.
pub fn ensure_regular(path: &Path) -> io::Result<()> {
    if std::fs::metadata(path)?.is_file() {
        Ok(())
    } else {
        Err(not_regular())
    }
}

/// Reads a whole file like [`std::fs::read`], refusing anything but a regular file.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    ensure_regular(path)?;
    std::fs::read(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.annotations.json");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let error = read_regular(&fifo).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
        let missing = read_regular(&dir.path().join("none")).unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
        std::fs::write(dir.path().join("f"), b"ok").unwrap();
        assert_eq!(read_regular(&dir.path().join("f")).unwrap(), b"ok");
    }
}

/// Writes `text` to `path` unless a different file is already there: that is an error of
/// kind [`io::ErrorKind::AlreadyExists`], and the file is left as it is. The same text
/// already there is not written again.
pub fn write_new_or_same(path: &Path, text: &str) -> io::Result<()> {
    match std::fs::read(path) {
        Ok(existing) if existing == text.as_bytes() => return Ok(()),
        Ok(_) => {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                crate::tr!("error-io-different-file-there"),
            ));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    std::fs::write(path, text)
}
