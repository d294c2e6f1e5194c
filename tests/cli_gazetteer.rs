//! `--gazetteer` and `--deny`: an analyst's own names are found wherever they occur and override
//! the rules; denied names never appear; a bad file is a usage error naming file and line.

use assert_cmd::Command;
use std::io::Write;

fn newsie() -> Command {
    let mut cmd = Command::cargo_bin("newsie").unwrap();
    cmd.env_remove("NO_COLOR").arg("--compact");
    cmd
}

fn file(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::File::create(&p)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    p
}

fn names(rec: &serde_json::Value, section: &str) -> Vec<String> {
    rec[section]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect()
}

const TEXT: &str = "Officials at Blue Harbour Logistics met Zorbik in Lower Wimble on Tuesday. \
                    Later, BHL said the talks with Mr. Zorbik went well.";

#[test]
fn gazetteer_entries_are_found_with_aliases_and_kinds() {
    let dir = tempfile::tempdir().unwrap();
    let g = file(
        &dir,
        "watch.tsv",
        "name\tkind\taliases\tcountry\tnote\n\
         Blue Harbour Logistics\torganisation\tBHL\tGB\tshipping\n\
         Zorbik\tperson\t\t\t\n\
         Lower Wimble\tplace\t\tGB\t\n",
    );
    let out = newsie()
        .arg("--gazetteer")
        .arg(&g)
        .write_stdin(TEXT)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rec: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(names(&rec, "organisations").contains(&"Blue Harbour Logistics".to_string()));
    let org = rec["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "Blue Harbour Logistics")
        .unwrap();
    // "BHL" is a mention of the same organisation, not an acronym of its own.
    assert_eq!(org["mentions"].as_array().unwrap().len(), 2, "{org}");
    assert!(names(&rec, "people").contains(&"Zorbik".to_string()));
    assert!(names(&rec, "places").contains(&"Lower Wimble".to_string()));
}

#[test]
fn jsonl_gazetteer_and_deny_list() {
    let dir = tempfile::tempdir().unwrap();
    let g = file(
        &dir,
        "watch.jsonl",
        "{\"name\": \"Zorbik\", \"kind\": \"person\"}\n",
    );
    let deny = file(&dir, "deny.txt", "# not wanted\nLower Wimble\n");
    let out = newsie()
        .arg("--gazetteer")
        .arg(&g)
        .arg("--deny")
        .arg(&deny)
        .write_stdin(TEXT)
        .output()
        .unwrap();
    assert!(out.status.success());
    let rec: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(names(&rec, "people").contains(&"Zorbik".to_string()));
    let all: Vec<String> = ["people", "places", "organisations"]
        .iter()
        .flat_map(|s| names(&rec, s))
        .collect();
    assert!(!all.iter().any(|n| n == "Lower Wimble"), "{all:?}");
}

#[test]
fn bad_gazetteer_is_a_usage_error_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let g = file(&dir, "bad.tsv", "name\tkind\nAcme\tcompany\n");
    let out = newsie()
        .arg("--gazetteer")
        .arg(&g)
        .write_stdin(TEXT)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("bad.tsv:2"), "{err}");
    let missing = newsie()
        .arg("--gazetteer")
        .arg(dir.path().join("nope.tsv"))
        .write_stdin(TEXT)
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.tsv"));
}
