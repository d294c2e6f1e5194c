//! `--jsonl`: fields, ids, dates, bad lines (one error record each, then the run goes on),
//! streaming (a record out before the next line is read), and the fixtures in fixtures/jsonl/.

mod cli_support;

use cli_support::{check_offsets, ids, is_error, newsie, records, std_newsie};
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

fn run_ok(args: &[&str]) -> Vec<Value> {
    let out = newsie()
        .args(args)
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    records(&out)
}

#[test]
fn good_lines() {
    let recs = run_ok(&["--jsonl", "fixtures/jsonl/good.jsonl"]);
    assert_eq!(
        ids(&recs),
        ["iraq-1", "2", "42"],
        "missing id: the line number"
    );
    assert_eq!(recs[0]["title"], "Raid");
    assert_eq!(recs[0]["date"]["value"], "2024-10-17");
    assert_eq!(recs[0]["date"]["source"], "input");
    assert_eq!(recs[1]["date"], Value::Null);
    assert_eq!(
        recs[2]["date"]["value"], "2024-10-15",
        "timestamps keep their date"
    );
    let text = std::fs::read_to_string("fixtures/jsonl/good.jsonl").unwrap();
    for (rec, line) in recs.iter().zip(text.lines()) {
        let input: Value = serde_json::from_str(line).unwrap();
        check_offsets(rec, input["text"].as_str().unwrap());
        assert!(rec.get("source").is_none() && rec.get("extra").is_none());
    }
}

#[test]
fn a_line_date_overrides_the_option() {
    let recs = run_ok(&[
        "--jsonl",
        "--date",
        "2020-01-01",
        "fixtures/jsonl/good.jsonl",
    ]);
    assert_eq!(recs[0]["date"]["value"], "2024-10-17");
    assert_eq!(recs[0]["date"]["source"], "input");
    assert_eq!(recs[1]["date"]["value"], "2020-01-01");
    assert_eq!(recs[1]["date"]["source"], "option");
}

#[test]
fn bad_lines_give_one_error_record_each_and_the_run_goes_on() {
    let out = newsie()
        .args(["--jsonl", "fixtures/jsonl/mixed.jsonl"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let recs = records(&out.stdout);
    // 13 lines, 2 of them blank: 11 records, in line order.
    assert_eq!(
        ids(&recs),
        ["ok-1", "2", "3", "4", "5", "6", "no-text", "bad-type", "11", "ok-2", "13"]
    );
    let errors: Vec<bool> = recs.iter().map(is_error).collect();
    assert_eq!(
        errors,
        [false, true, true, true, true, true, true, true, true, false, true]
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 9);
    insta::assert_snapshot!("jsonl_mixed_stderr", stderr);
    let errs: String = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.contains("\"error\""))
        .map(|l| format!("{l}\n"))
        .collect();
    insta::assert_snapshot!("jsonl_mixed_error_records", errs);
}

#[test]
fn crlf_lines() {
    let recs = run_ok(&["--jsonl", "fixtures/jsonl/crlf.jsonl"]);
    assert_eq!(ids(&recs), ["a", "b"]);
    check_offsets(&recs[1], "Line one.\r\nLine two in London.");
}

#[test]
fn a_bad_line_date_is_a_warning() {
    let recs = run_ok(&["--jsonl", "fixtures/jsonl/bad-date.jsonl"]);
    assert_eq!(recs[0]["date"], Value::Null);
    assert_eq!(
        recs[0]["warnings"][0],
        "date ignored: invalid date \"yesterday\": expected YYYY-MM-DD"
    );
    assert_eq!(recs[1]["date"]["value"], "2024-10-17");
    assert!(recs[1].get("warnings").is_none());
}

#[test]
fn stdin_and_several_files_in_order() {
    let out = newsie()
        .args([
            "--jsonl",
            "fixtures/jsonl/crlf.jsonl",
            "-",
            "fixtures/jsonl/bad-date.jsonl",
        ])
        .write_stdin("{\"id\": \"stdin\", \"text\": \"x\"}\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(ids(&records(&out)), ["a", "b", "stdin", "d1", "d2"]);
}

#[test]
fn invalid_utf8_in_a_line_is_replaced_with_a_warning() {
    let mut input = b"{\"id\": \"u\", \"text\": \"Caf".to_vec();
    input.extend_from_slice(b"\xe9 in Paris.\"}\n");
    let out = newsie()
        .arg("--jsonl")
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rec = &records(&out)[0];
    assert!(rec["warnings"][0]
        .as_str()
        .unwrap()
        .starts_with("invalid UTF-8 replaced with U+FFFD"));
    check_offsets(rec, "Caf\u{fffd} in Paris.");
}

#[test]
fn a_line_longer_than_max_bytes_is_an_error_and_the_next_line_is_read() {
    // A 10 MB line, generated here rather than committed.
    let mut input = b"{\"id\": \"big\", \"text\": \"".to_vec();
    input.extend(std::iter::repeat_n(b'a', 10 << 20));
    input.extend_from_slice(b"\"}\n{\"id\": \"after\", \"text\": \"Paris.\"}\n");
    let out = newsie()
        .args(["--jsonl", "--max-bytes", "1000000"])
        .write_stdin(input)
        .assert()
        .code(1)
        .stderr("newsie: -:1: longer than --max-bytes (1000000 bytes)\n")
        .get_output()
        .stdout
        .clone();
    let recs = records(&out);
    assert_eq!(ids(&recs), ["1", "after"]);
    assert_eq!(
        recs[0]["error"],
        "line 1: longer than --max-bytes (1000000 bytes)"
    );
}

/// A record comes out before the next line goes in: the child's stdin stays open while we
/// read each record back.
#[test]
fn records_stream_one_per_line() {
    for jobs in ["1", "4"] {
        let mut child = std_newsie()
            .args(["--jsonl", "--jobs", jobs])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        for i in 0..5 {
            writeln!(
                stdin,
                "{{\"id\": \"n{i}\", \"text\": \"John Smith visited Paris.\"}}"
            )
            .unwrap();
            stdin.flush().unwrap();
            let mut line = String::new();
            stdout.read_line(&mut line).unwrap();
            let rec: Value = serde_json::from_str(&line).unwrap();
            assert_eq!(rec["id"], format!("n{i}"), "jobs {jobs}");
        }
        drop(stdin);
        let mut rest = String::new();
        stdout.read_line(&mut rest).unwrap();
        assert_eq!(rest, "", "nothing more after the input ends");
        assert!(child.wait().unwrap().success());
    }
}

/// Memory does not grow with the input: 100 MB of lines through a pipe (each with a short text
/// and 100 kB of an unknown field, so the test spends its time moving bytes, not extracting),
/// and peak resident memory stays far below that. Linux-only (reads /proc).
#[cfg(target_os = "linux")]
#[test]
fn memory_stays_bounded_on_a_long_stream() {
    let line = format!(
        "{{\"text\": \"Officials in Paris said on Monday that talks would go on.\", \"pad\": \"{}\"}}\n",
        "x".repeat(100_000)
    );
    let lines = 1_000;
    let mut child = std_newsie()
        .args(["--jsonl", "--jobs", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for _ in 0..lines {
            stdin.write_all(line.as_bytes()).unwrap();
        }
    });
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut n = 0;
    let mut peak_kb = 0u64;
    let mut buf = String::new();
    while {
        buf.clear();
        stdout.read_line(&mut buf).unwrap() > 0
    } {
        n += 1;
        if n % 100 == 0 {
            let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
            if let Some(hwm) = status.lines().find(|l| l.starts_with("VmHWM:")) {
                peak_kb = hwm
                    .split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
            }
        }
    }
    writer.join().unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(n, lines);
    assert!(peak_kb > 0, "read VmHWM");
    assert!(
        peak_kb < 50 * 1024,
        "peak resident memory {peak_kb} kB for 100 MB of input"
    );
}
