//! Whole-article behaviour over the fixture articles: snapshots of every record (read, not just
//! accepted), the offset invariant for every mention, and the schema for every record.

mod common;

use common::{assert_offsets, assert_schema, extract_fixture};

#[test]
fn articles() {
    insta::glob!("../fixtures/articles", "*.txt", |path| {
        let (text, rec) = extract_fixture(path);
        assert_offsets(&text, &rec);
        assert_schema(&rec);
        insta::with_settings!({ omit_expression => true, prepend_module_to_snapshot => false }, {
            insta::assert_json_snapshot!(rec);
        });
    });
}

#[test]
fn every_fixture_has_a_source_row() {
    let dir = common::articles_dir();
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            let d = common::fixture_date(&p.file_name().unwrap().to_string_lossy());
            assert!(
                newsie::extract::parse_date(&d).is_ok(),
                "{}: bad date {d}",
                p.display()
            );
            n += 1;
        }
    }
    assert!(
        n >= 40,
        "expected the corpus articles in fixtures/articles, found {n}"
    );
}

#[test]
fn schema_snapshot() {
    insta::with_settings!({ omit_expression => true, prepend_module_to_snapshot => false }, {
        insta::assert_json_snapshot!("schema", newsie::record::json_schema());
    });
}
