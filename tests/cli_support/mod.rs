//! Helpers shared by the CLI and robustness tests (tests/cli*.rs, tests/robustness*.rs): a clean
//! `newsie` command, record parsing, and the offset check every record must pass.

#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};

/// The crate root: tests run from here so fixture paths (and so record ids) are stable.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `newsie` with a fixed working folder and no environment that changes its behaviour.
pub fn newsie() -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo_bin_cmd!("newsie");
    cmd.current_dir(root()).env_remove("NO_COLOR");
    cmd
}

/// The binary's path, for tests that drive a child process by hand.
pub fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin!("newsie").to_path_buf()
}

/// A `std::process::Command` for the binary, working folder set.
pub fn std_newsie() -> std::process::Command {
    let mut cmd = std::process::Command::new(bin());
    cmd.current_dir(root()).env_remove("NO_COLOR");
    cmd
}

/// Parses JSON Lines output; every line must be a JSON object.
pub fn records(stdout: &[u8]) -> Vec<Value> {
    let s = std::str::from_utf8(stdout).expect("output is UTF-8");
    s.lines()
        .map(|l| {
            let v: Value =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"));
            assert!(v.is_object(), "not an object: {l}");
            v
        })
        .collect()
}

/// The ids of records, in order.
pub fn ids(recs: &[Value]) -> Vec<String> {
    recs.iter()
        .map(|r| r["id"].as_str().expect("id is a string").to_string())
        .collect()
}

/// True for an `{"id", "error"}` record.
pub fn is_error(r: &Value) -> bool {
    r.get("error").is_some()
}

/// Checks every offset of `rec` against `text` (as the library sees it: BOM stripped):
/// `text[start:end]` in code points equals the mention text, for mentions, dates and
/// triggers; sentence spans lie inside the text.
pub fn check_offsets(rec: &Value, text: &str) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let chars: Vec<char> = text.chars().collect();
    let span = |v: &Value, what: &str| {
        let s = v["start"].as_u64().expect("start") as usize;
        let e = v["end"].as_u64().expect("end") as usize;
        assert!(
            s <= e && e <= chars.len(),
            "{what}: {s}..{e} outside 0..{}",
            chars.len()
        );
        (s, e)
    };
    let check = |v: &Value, what: &str| {
        let (s, e) = span(v, what);
        let got: String = chars[s..e].iter().collect();
        assert_eq!(got, v["text"].as_str().expect("text"), "{what} at {s}..{e}");
    };
    for section in ["people", "places", "organisations"] {
        for ent in rec[section].as_array().into_iter().flatten() {
            for m in ent["mentions"].as_array().expect("mentions") {
                check(m, section);
            }
        }
    }
    for d in rec["dates"].as_array().into_iter().flatten() {
        check(d, "dates");
    }
    for ev in rec["events"].as_array().into_iter().flatten() {
        check(&ev["trigger"], "trigger");
        span(&ev["sentence"], "sentence");
    }
}
