//! `--out-dir`: where each record goes, and writing it there safely.
//!
//! Input: an input's name (a path under its folder, a file name, or a JSON Lines id) and its
//! record. Output: a `.json` file strictly inside the output folder, written to a temporary file
//! in the target folder first and renamed into place, so a reader never sees half a record and an
//! interrupted run leaves no temporary file (tempfile removes it on drop). Does not decide the
//! order of writes or report errors: run.rs does.

use anyhow::{Context, Result};
use newsie::output::{self, Format};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// Longest kept name component, in bytes: with "-" + 16 hex digits + ".json" it stays well
/// under the 255-byte limit of common file systems.
const MAX_COMPONENT: usize = 200;
/// Deepest kept folder nesting; deeper names keep their last components.
const MAX_DEPTH: usize = 32;

/// The path, relative to the output folder, of the record for input `name`.
///
/// `name` is split on `/` and `\`; empty, `.` and `..` parts are dropped; control characters
/// (NUL included) and the characters Windows forbids become `_`; parts are cut to
/// `MAX_COMPONENT` bytes. A final `.txt` becomes `.json`, anything else gains `.json`. When any of
/// that changed the name (or `lossless` is false: the name was not valid UTF-8), a hash of the
/// original name is added (`x-0123456789abcdef.json`), so different inputs keep different files.
pub fn relative(name: &str, lossless: bool) -> PathBuf {
    let mut parts: Vec<String> = Vec::new();
    for part in name.split(['/', '\\']) {
        if part.is_empty() || part == "." || part == ".." {
            continue;
        }
        let mut clean: String = part
            .chars()
            .map(|c| {
                if c.is_control() || matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        if clean.len() > MAX_COMPONENT {
            let mut cut = MAX_COMPONENT;
            while !clean.is_char_boundary(cut) {
                cut -= 1;
            }
            clean.truncate(cut);
        }
        parts.push(clean);
    }
    if parts.len() > MAX_DEPTH {
        parts.drain(..parts.len() - MAX_DEPTH);
    }
    let exact = lossless && !parts.is_empty() && parts.join("/") == name;
    let last = parts.pop().unwrap_or_else(|| "_".to_string());
    let mut stem = match last.strip_suffix(".txt") {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => last,
    };
    if !exact {
        stem.push_str(&format!("-{:016x}", fnv1a(name.as_bytes())));
    }
    let mut path: PathBuf = parts.iter().collect();
    path.push(format!("{stem}.json"));
    path
}

/// FNV-1a, 64 bits: a stable hash (the same on every machine and run) for file names.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A record written to a temporary file next to its target, not yet renamed into place.
/// Dropping it removes the temporary file.
pub struct Pending {
    tmp: NamedTempFile,
    /// Where `commit` puts it.
    pub target: PathBuf,
}

/// Writes `rec` (pretty JSON) to a temporary file in `target`'s folder.
pub fn prepare(target: PathBuf, rec: &newsie::Record) -> Result<Pending> {
    let parent = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".newsie-")
        .suffix(".tmp")
        .tempfile_in(parent)
        .with_context(|| format!("creating a temporary file in {}", parent.display()))?;
    let mut bw = BufWriter::new(tmp.as_file_mut());
    output::write_record(&mut bw, rec, Format::PrettyJson)
        .and_then(|()| bw.flush())
        .with_context(|| format!("writing {}", target.display()))?;
    drop(bw);
    Ok(Pending { tmp, target })
}

impl Pending {
    /// Renames the temporary file to its target (replacing an older record there).
    pub fn commit(self) -> Result<()> {
        let target = self.target;
        self.tmp
            .persist(&target)
            .map_err(|e| e.error)
            .with_context(|| format!("writing {}", target.display()))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(s: &str) -> String {
        relative(s, true).to_string_lossy().into_owned()
    }

    #[test]
    fn plain_names_map_plainly() {
        assert_eq!(rel("a/b.txt"), "a/b.json");
        assert_eq!(rel("story-12"), "story-12.json");
        assert_eq!(rel("x.html"), "x.html.json");
        assert_eq!(rel("3"), "3.json");
    }

    #[test]
    fn unsafe_names_stay_inside_and_differ() {
        let up = rel("../../x");
        assert!(up.starts_with("x-") && up.ends_with(".json"), "{up}");
        let abs = rel("/etc/passwd");
        assert!(abs.starts_with("etc/passwd-"), "{abs}");
        let nul = rel("a\0b");
        assert!(nul.starts_with("a_b-"), "{nul}");
        assert_ne!(rel("../x"), rel("../../x"));
        assert!(rel("").starts_with("_-"));
        assert!(rel("..").starts_with("_-"));
        for name in [
            "../../x",
            "/etc/passwd",
            "a/../../b",
            "..\\..\\c",
            "C:\\win",
        ] {
            let p = relative(name, true);
            assert!(p.is_relative());
            assert!(p
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_))));
        }
    }

    #[test]
    fn long_names_are_cut_on_a_char_boundary() {
        let long = "é".repeat(300);
        let p = relative(&long, true);
        let name = p.file_name().unwrap().to_str().unwrap();
        assert!(name.len() <= 255, "{}", name.len());
        let deep = "d/".repeat(100) + "f";
        assert_eq!(relative(&deep, true).components().count(), MAX_DEPTH);
    }

    #[test]
    fn lossy_names_get_a_hash() {
        assert!(rel("a.txt") == "a.json");
        let p = relative("a.txt", false).to_string_lossy().into_owned();
        assert!(p.starts_with("a-"), "{p}");
    }
}
