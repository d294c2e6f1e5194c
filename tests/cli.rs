//! The command line as a user meets it: inputs, output modes, exit statuses, `| head`,
//! `--out-dir`, TSV, help, version, completions and the man page.

mod cli_support;

use cli_support::{check_offsets, ids, is_error, newsie, records, std_newsie};
use predicates::prelude::*;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

const ARTICLE: &str = "Prime Minister John Smith visited Paris on 12 March 2024, officials said.\n";

/// A folder with text files in an unsorted creation order, a sub-folder, hidden entries and a
/// binary file.
fn corpus(dir: &Path) {
    fs::create_dir_all(dir.join("sub/deeper")).unwrap();
    fs::create_dir_all(dir.join(".hidden-dir")).unwrap();
    fs::write(
        dir.join("b.txt"),
        "Angela Merkel spoke in Berlin on Monday.",
    )
    .unwrap();
    fs::write(
        dir.join("sub/deeper/c.md"),
        "The United Nations met in Geneva.",
    )
    .unwrap();
    fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    fs::write(dir.join("sub/b.txt"), "Emmanuel Macron flew to Rome.").unwrap();
    fs::write(dir.join(".hidden.txt"), "Hidden text.").unwrap();
    fs::write(dir.join(".hidden-dir/x.txt"), "Hidden folder.").unwrap();
    fs::write(
        dir.join("image.png"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00",
    )
    .unwrap();
}

#[test]
fn stdin_is_one_article() {
    let out = newsie()
        .args(["--date", "2024-10-17"])
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let recs = records(&out);
    assert_eq!(
        recs.len(),
        1,
        "one compact line when stdout is not a terminal"
    );
    assert_eq!(recs[0]["id"], "-");
    assert_eq!(recs[0]["date"]["value"], "2024-10-17");
    assert_eq!(recs[0]["date"]["source"], "option");
    check_offsets(&recs[0], ARTICLE);
}

#[test]
fn dash_is_stdin_and_files_keep_their_order() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("z.txt"), ARTICLE).unwrap();
    fs::write(tmp.path().join("a.txt"), ARTICLE).unwrap();
    let out = newsie()
        .current_dir(tmp.path())
        .args(["z.txt", "-", "a.txt"])
        .write_stdin("Berlin.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(ids(&records(&out)), ["z.txt", "-", "a.txt"]);
}

#[test]
fn folders_are_sorted_recursive_and_skip_hidden_and_binary() {
    let tmp = tempfile::tempdir().unwrap();
    corpus(tmp.path());
    let run = || {
        newsie()
            .current_dir(tmp.path())
            .arg(".")
            .assert()
            .success()
            .stderr("newsie: ./image.png: skipped (binary file)\n")
            .get_output()
            .stdout
            .clone()
    };
    let first = run();
    assert_eq!(
        ids(&records(&first)),
        ["./a.txt", "./b.txt", "./sub/b.txt", "./sub/deeper/c.md"]
    );
    assert_eq!(first, run(), "the same folder gives the same bytes");
    newsie()
        .current_dir(tmp.path())
        .args([".", "--quiet"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn glob_filters_folders() {
    let tmp = tempfile::tempdir().unwrap();
    corpus(tmp.path());
    let out = newsie()
        .current_dir(tmp.path())
        .args([".", "--glob", "*.md", "--glob", "sub/b.txt"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(ids(&records(&out)), ["./sub/b.txt", "./sub/deeper/c.md"]);
}

#[test]
fn a_failed_input_is_reported_and_the_others_written() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("good.txt"), ARTICLE).unwrap();
    let out = newsie()
        .current_dir(tmp.path())
        .args(["good.txt", "missing.txt", "good.txt"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("newsie: missing.txt: "), "{stderr}");
    let recs = records(&out.stdout);
    assert_eq!(ids(&recs), ["good.txt", "missing.txt", "good.txt"]);
    assert!(!is_error(&recs[0]) && is_error(&recs[1]) && !is_error(&recs[2]));
    assert_eq!(recs[1].as_object().unwrap().len(), 2, "only id and error");
}

#[test]
fn usage_errors_exit_2() {
    newsie().arg("--no-such-flag").assert().code(2);
    newsie()
        .args(["--date", "2024-02-30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--date"));
    newsie().args(["--jobs", "0"]).assert().code(2);
    newsie().args(["--only", "persons"]).assert().code(2);
    newsie()
        .args(["--format", "tsv", "--out-dir", "x"])
        .assert()
        .code(2);
    newsie().arg("--skip-existing").assert().code(2);
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("file");
    fs::write(&file, "").unwrap();
    newsie()
        .arg("--out-dir")
        .arg(file.join("sub"))
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("newsie: creating "));
}

#[test]
fn head_ends_quietly_with_status_0() {
    let tmp = tempfile::tempdir().unwrap();
    // Far more output than a pipe holds, so the writer meets the closed pipe.
    for i in 0..400 {
        fs::write(tmp.path().join(format!("{i:04}.txt")), ARTICLE.repeat(3)).unwrap();
    }
    for jobs in ["1", "3"] {
        let mut child = std_newsie()
            .arg(tmp.path())
            .args(["--jobs", jobs])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // The reader is dropped here: the pipe is closed, as after `head -1`.
        let out = child.wait_with_output().unwrap();
        assert!(first.contains("0000.txt"), "{first}");
        assert_eq!(out.status.code(), Some(0), "jobs {jobs}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "jobs {jobs}");
    }
}

#[test]
fn out_dir_mirrors_the_tree() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("in");
    corpus(&src);
    let out = tmp.path().join("out");
    newsie()
        .arg(&src)
        .arg("--out-dir")
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let mut files: Vec<String> = walkdir::WalkDir::new(&out)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(&out)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    assert_eq!(
        files,
        ["a.json", "b.json", "sub/b.json", "sub/deeper/c.md.json"]
    );
    let rec: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("sub/b.json")).unwrap()).unwrap();
    assert_eq!(rec["id"], src.join("sub/b.txt").display().to_string());
}

#[test]
fn pretty_and_compact() {
    let out = newsie()
        .arg("--pretty")
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let s = String::from_utf8(out).unwrap();
    assert!(s.starts_with("{\n  \"id\": \"-\""), "{s}");
    let v: serde_json::Value = serde_json::from_str(&s).unwrap();
    assert_eq!(v["id"], "-");
    newsie()
        .args(["--pretty", "--compact"])
        .write_stdin("x")
        .assert()
        .code(2);
}

#[test]
fn only_keeps_the_sections_asked_for() {
    let out = newsie()
        .args(["--only", "people,dates"])
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rec = &records(&out)[0];
    assert!(rec.get("people").is_some() && rec.get("dates").is_some());
    for absent in ["places", "organisations", "events"] {
        assert!(rec.get(absent).is_none(), "{absent}");
    }
}

#[test]
fn tsv_has_fixed_columns_and_exact_offsets() {
    let text = "Prime Minister John Smith visited Paris on 12 March 2024.\nSmith\tleft Paris.";
    let out = newsie()
        .args(["--format", "tsv", "--date", "2024-03-20"])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let s = String::from_utf8(out).unwrap();
    let mut lines = s.lines();
    assert_eq!(
        lines.next(),
        Some("id\tsection\ttype\tname\tvalue\tstart\tend\ttext")
    );
    let chars: Vec<char> = text.chars().collect();
    let mut sections = std::collections::BTreeSet::new();
    let mut rows = 0;
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 8, "{line}");
        assert_eq!(f[0], "-");
        assert!(
            ["people", "places", "organisations", "dates", "events"].contains(&f[1]),
            "{line}"
        );
        sections.insert(f[1].to_string());
        let (s, e): (usize, usize) = (f[5].parse().unwrap(), f[6].parse().unwrap());
        let span: String = chars[s..e].iter().collect();
        assert_eq!(span, f[7], "{line}");
        rows += 1;
    }
    assert!(rows >= 3, "{s}");
    assert!(sections.contains("dates"), "{s}");
    // Exactly as many rows as mentions, dates and events in the JSON record.
    let json = newsie()
        .args(["--date", "2024-03-20"])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rec = &records(&json)[0];
    let count = |k: &str| rec[k].as_array().map_or(0, Vec::len);
    let mentions: usize = ["people", "places", "organisations"]
        .iter()
        .flat_map(|k| rec[*k].as_array().unwrap())
        .map(|e| e["mentions"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows, mentions + count("dates") + count("events"));
}

#[test]
fn tsv_escapes_tabs_and_newlines_and_writes_error_rows() {
    let input = "{\"id\": \"a\\tb\\nc\", \"text\": \"John Smith visited Paris.\"}\n[1]\n";
    let out = newsie()
        .args(["--jsonl", "--format", "tsv"])
        .write_stdin(input)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let s = String::from_utf8(out).unwrap();
    for line in s.lines() {
        assert_eq!(line.split('\t').count(), 8, "{line}");
    }
    assert!(
        s.lines().skip(1).any(|l| l.starts_with("a\\tb\\nc\t")),
        "{s}"
    );
    assert!(
        s.lines()
            .any(|l| l == "2\terror\t\t\tline 2: not a JSON object but an array\t\t\t"),
        "{s}"
    );
}

#[test]
fn help_has_examples_and_exit_statuses() {
    for flag in ["-h", "--help"] {
        newsie()
            .arg(flag)
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"))
            .stdout(predicate::str::contains(
                "newsie corpus/ --out-dir records/",
            ))
            .stdout(predicate::str::contains("--format tsv"))
            .stdout(predicate::str::contains("130"));
    }
    newsie()
        .arg("--help")
        .assert()
        .stdout(predicate::str::contains("--generate").not());
}

#[test]
fn version() {
    newsie()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("newsie {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn completions_and_man_page() {
    let gen = |kind: &str| {
        let out = newsie()
            .args(["--generate", kind])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let bash = gen("bash");
    assert!(bash.contains("_newsie()") && bash.contains("--jsonl") && bash.contains("tsv"));
    let zsh = gen("zsh");
    assert!(zsh.starts_with("#compdef newsie") && zsh.contains("--out-dir"));
    let fish = gen("fish");
    assert!(fish.contains("complete -c newsie") && fish.contains("-l skip-existing"));
    let man = gen("man");
    assert!(
        man.contains(".TH newsie 1") && man.contains("\\-\\-max\\-bytes"),
        "{man}"
    );
    newsie().args(["--generate", "tcsh"]).assert().code(2);
}

#[test]
fn schema_is_json() {
    let out = newsie()
        .arg("--schema")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["title"], "Record");
}

#[test]
fn progress_bar_stays_off_when_stderr_is_not_a_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    for i in 0..20 {
        fs::write(tmp.path().join(format!("{i}.txt")), ARTICLE).unwrap();
    }
    newsie().arg(tmp.path()).assert().success().stderr("");
}
