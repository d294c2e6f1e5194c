//! Checks the hand-curated name data (`data/person_titles.tsv`, `org_words.tsv`,
//! `organisations.tsv`, `demonyms.tsv`): UTF-8, one header, rows trimmed, sorted by byte order,
//! unique, with values from the documented sets; and that the compiled tables answer for every
//! row. Input: the files under `data/`. Does not check the generated gazetteers' contents.

use std::collections::BTreeSet;

/// Data rows (after `#` comments and the header) of `data/NAME`, split on tabs.
fn rows(name: &str) -> Vec<(usize, String, Vec<String>)> {
    let path = format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    let mut header = false;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') {
            assert!(!header, "data/{name}:{}: comment after the header", i + 1);
            continue;
        }
        if !header {
            header = true;
            continue;
        }
        let fields = line.split('\t').map(str::to_string).collect();
        out.push((i + 1, line.to_string(), fields));
    }
    out
}

/// Sorted, unique, trimmed, with `columns` columns each.
fn check_shape(name: &str, columns: usize) -> Vec<(usize, String, Vec<String>)> {
    let rows = rows(name);
    assert!(!rows.is_empty(), "data/{name} is empty");
    for w in rows.windows(2) {
        assert!(
            w[0].1 < w[1].1,
            "data/{name}:{}: {:?} is not after {:?} (sorted, unique)",
            w[1].0,
            w[1].1,
            w[0].1
        );
    }
    for (n, _, f) in &rows {
        assert_eq!(
            f.len(),
            columns,
            "data/{name}:{n}: expected {columns} columns"
        );
        for v in f {
            assert_eq!(
                v.trim(),
                v,
                "data/{name}:{n}: {v:?} has surrounding whitespace"
            );
        }
        assert!(!f[0].is_empty(), "data/{name}:{n}: empty first column");
    }
    rows
}

fn is_country_code(c: &str) -> bool {
    c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())
}

#[test]
fn person_titles() {
    const KINDS: &[&str] = &[
        "honorific",
        "political",
        "military",
        "religious",
        "royal",
        "legal",
        "business",
        "sport",
        "other",
    ];
    for (n, _, f) in check_shape("person_titles.tsv", 2) {
        assert!(
            KINDS.contains(&f[1].as_str()),
            "data/person_titles.tsv:{n}: kind {:?}",
            f[1]
        );
        assert!(
            newsie::gazetteer::title(&f[0]).is_some(),
            "data/person_titles.tsv:{n}: {:?} not found in the compiled table",
            f[0]
        );
    }
}

#[test]
fn org_words() {
    for (n, _, f) in check_shape("org_words.tsv", 2) {
        assert!(
            matches!(f[1].as_str(), "suffix" | "head" | "prefix"),
            "data/org_words.tsv:{n}: role {:?}",
            f[1]
        );
        assert!(
            newsie::gazetteer::org_word(&f[0]).is_some(),
            "data/org_words.tsv:{n}"
        );
    }
}

#[test]
fn organisations() {
    const KINDS: &[&str] = &[
        "government",
        "intergovernmental",
        "armed-group",
        "company",
        "media",
        "party",
        "sports",
        "ngo",
        "education",
        "religious",
        "other",
    ];
    let mut names = BTreeSet::new();
    for (n, _, f) in check_shape("organisations.tsv", 4) {
        assert!(
            names.insert(f[0].clone()),
            "data/organisations.tsv:{n}: duplicate {:?}",
            f[0]
        );
        assert!(
            KINDS.contains(&f[2].as_str()),
            "data/organisations.tsv:{n}: kind {:?}",
            f[2]
        );
        assert!(
            f[3].is_empty() || is_country_code(&f[3]),
            "data/organisations.tsv:{n}: country {:?}",
            f[3]
        );
        for a in f[1].split('|').filter(|a| !a.is_empty()) {
            assert_eq!(
                a.trim(),
                a,
                "data/organisations.tsv:{n}: alias {a:?} untrimmed"
            );
            assert_ne!(
                a, f[0],
                "data/organisations.tsv:{n}: alias repeats the name"
            );
        }
        assert!(
            newsie::gazetteer::organisation(&f[0]).is_some(),
            "data/organisations.tsv:{n}: {:?} not found in the compiled table",
            f[0]
        );
    }
}

#[test]
fn demonyms() {
    for (n, _, f) in check_shape("demonyms.tsv", 2) {
        assert!(
            is_country_code(&f[1]),
            "data/demonyms.tsv:{n}: country {:?}",
            f[1]
        );
    }
    assert_eq!(newsie::gazetteer::demonym("Iraqi"), Some("IQ"));
}
