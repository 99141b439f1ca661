//! Finding input files: a recursive walk that follows symlinks but never loops, never enters
//! the output folder, and returns files in a stable order.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::FileError;

/// A file found under the input folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundFile {
    pub path: PathBuf,
    /// Path relative to the input folder, `/`-separated; bytes of a name that are not UTF-8
    /// are written `\xNN`, so two such names never collapse into one.
    pub rel: String,
}

/// Something the walk could not use, reported and skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkProblem {
    pub rel: String,
    pub error: FileError,
}

/// Names in the input folder that are configuration, not articles.
pub const RESERVED_NAMES: [&str; 1] = [crate::resolve::OVERRIDES_FILE];

/// Walks `root` recursively. `exclude` (the output folder) is never entered.
pub fn walk(root: &Path, exclude: Option<&Path>) -> std::io::Result<(Vec<FoundFile>, Vec<WalkProblem>)> {
    let root_meta = fs::metadata(root)?;
    if !root_meta.is_dir() {
        return Err(std::io::Error::new(std::io::ErrorKind::NotADirectory, "not a folder"));
    }
    fs::read_dir(root)?;
    let exclude = exclude.and_then(|p| fs::canonicalize(p).ok());
    let mut seen_dirs = HashSet::new();
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(canonical) = fs::canonicalize(&dir) else {
            continue;
        };
        if exclude.as_ref() == Some(&canonical) || !seen_dirs.insert(canonical) {
            continue;
        }
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                problems.push(WalkProblem { rel: relative(root, &dir), error: FileError::Read(e.to_string()) });
                continue;
            }
        };
        // Directory order depends on the file system and on creation order. When two paths
        // reach one folder (a symlink), the one visited first names its files, so folders are
        // visited depth-first in name order: the first name wins, whatever the disk says.
        let mut entries: Vec<fs::DirEntry> = entries.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        let mut subdirs = Vec::new();
        for entry in entries {
            let path = entry.path();
            let rel = relative(root, &path);
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') || RESERVED_NAMES.contains(&name.as_ref()) {
                continue;
            }
            // `metadata` follows symlinks; a dangling link is reported.
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => subdirs.push(path),
                Ok(meta) if meta.is_file() => files.push(FoundFile { path, rel }),
                Ok(_) => problems.push(WalkProblem { rel, error: FileError::NotAFile }),
                Err(e) => problems.push(WalkProblem { rel, error: FileError::Read(e.to_string()) }),
            }
        }
        pending.extend(subdirs.into_iter().rev());
    }
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    problems.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok((files, problems))
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| name_text(c.as_os_str())).collect::<Vec<_>>().join("/")
}

/// A file name as text. A lossy conversion would turn the Latin-1 names `caf\xE9.txt` and
/// `caf\xE8.txt` into one `caf�.txt`; escaping keeps them apart and shows the byte.
#[cfg(unix)]
fn name_text(name: &std::ffi::OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in name.as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02X}"));
        }
    }
    out
}

#[cfg(not(unix))]
fn name_text(name: &std::ffi::OsStr) -> String {
    name.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rels(root: &Path, exclude: Option<&Path>) -> Vec<String> {
        walk(root, exclude).unwrap().0.into_iter().map(|f| f.rel).collect()
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_reached_twice_is_named_by_its_first_path_and_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("m/deep")).unwrap();
        fs::write(root.join("m/deep/x.txt"), "1. Jaws").unwrap();
        // Links made before and after the real folder, and one back to the root.
        std::os::unix::fs::symlink(root.join("m"), root.join("z")).unwrap();
        std::os::unix::fs::symlink(root.join("m"), root.join("b")).unwrap();
        std::os::unix::fs::symlink(root, root.join("m/deep/loop")).unwrap();
        assert_eq!(rels(root, None), ["b/deep/x.txt"]);
    }

    // Linux file systems take any bytes as a name; some others refuse these.
    #[cfg(target_os = "linux")]
    #[test]
    fn names_that_are_not_utf8_stay_apart() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        for name in [&b"caf\xE9.txt"[..], b"caf\xE8.txt"] {
            fs::write(dir.path().join(std::ffi::OsStr::from_bytes(name)), "1. Jaws").unwrap();
        }
        assert_eq!(rels(dir.path(), None), [r"caf\xE8.txt", r"caf\xE9.txt"]);
    }

    #[test]
    fn the_output_folder_and_hidden_files_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("out")).unwrap();
        fs::write(root.join("out/mentions.csv"), "x").unwrap();
        fs::write(root.join(".draft.txt"), "x").unwrap();
        fs::write(root.join("a.txt"), "x").unwrap();
        assert_eq!(rels(root, Some(&root.join("out"))), ["a.txt"]);
    }
}
