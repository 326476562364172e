//! Writing a file so that a crash or an error never leaves half of it: a temporary file in the
//! same directory, flushed to disk, then renamed over the target in one step.

use crate::error::{Error, Result};
use rand::Rng;
use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// The temporary file, removed when dropped unless it was renamed into place.
#[derive(Debug)]
struct Temporary {
    path: PathBuf,
    kept: bool,
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.kept {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// The directory a file goes in ("." for a bare file name).
pub(crate) fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Writes `path` through `write`, atomically: on any error the target is as it was and the
/// temporary file is gone. Returns the size written.
pub(crate) fn write(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<&mut File>) -> Result<()>,
) -> Result<u64> {
    let directory = directory_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let suffix: u32 = rand::rng().random();
    let temporary = Temporary {
        path: directory.join(format!(".{name}.{suffix:08x}.part")),
        kept: false,
    };
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary.path)
        .map_err(|source| Error::io(path, source))?;
    {
        let mut buffer = BufWriter::new(&mut file);
        write(&mut buffer)?;
        buffer.flush().map_err(|source| Error::io(path, source))?;
    }
    file.sync_all().map_err(|source| Error::io(path, source))?;
    let bytes = file
        .metadata()
        .map_err(|source| Error::io(path, source))?
        .len();
    drop(file);
    fs::rename(&temporary.path, path).map_err(|source| Error::io(path, source))?;
    let mut temporary = temporary;
    temporary.kept = true;
    // The rename itself survives a power cut once the directory is flushed (not possible, nor
    // needed, on Windows).
    #[cfg(unix)]
    if let Ok(dir) = File::open(directory) {
        let _ = dir.sync_all();
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".part"))
            .collect()
    }

    #[test]
    fn a_write_replaces_the_target_in_one_step() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.xlsx");
        fs::write(&target, b"old").unwrap();
        let bytes = write(&target, |out| {
            out.write_all(b"new contents")
                .map_err(|e| Error::io("x", e))
        })
        .unwrap();
        assert_eq!(bytes, 12);
        assert_eq!(fs::read(&target).unwrap(), b"new contents");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_failed_write_leaves_the_target_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.xlsx");
        fs::write(&target, b"old").unwrap();
        let result = write(&target, |out| {
            out.write_all(b"half").map_err(|e| Error::io("x", e))?;
            Err(Error::Internal("stopped half-way".into()))
        });
        assert!(result.is_err());
        assert_eq!(
            fs::read(&target).unwrap(),
            b"old",
            "the target is untouched"
        );
        assert!(
            leftovers(dir.path()).is_empty(),
            "the temporary file is removed"
        );
    }

    #[test]
    fn a_missing_directory_is_reported_with_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("no such folder").join("report.xlsx");
        let error = write(&target, |_| Ok(())).unwrap_err();
        assert_eq!(error.code(), "io");
        assert!(error.to_string().contains("report.xlsx"), "{error}");
    }
}
