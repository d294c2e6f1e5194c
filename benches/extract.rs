//! Per-article extraction speed over the fixture articles (`cargo bench`).
//!
//! Measures the library alone (no process start, no I/O): every fixture article through the
//! whole pipeline, and each section on its own, reported per article and as bytes per second.
//! Whole-process throughput, start-up and memory are measured by `scripts/bench.sh`.

use newsie::{Article, Extractor, Options, Section};
use std::path::Path;

fn main() {
    divan::main();
}

fn fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("fixtures/articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("fixture is UTF-8");
            (p.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect();
    out.sort();
    out
}

fn run(bencher: divan::Bencher, sections: &[Section]) {
    let articles = fixtures();
    let bytes: usize = articles.iter().map(|(_, t)| t.len()).sum();
    let ex = Extractor::new(
        Options::default()
            .with_date("2024-10-17")
            .expect("valid date")
            .with_sections(sections),
    );
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            for (id, text) in &articles {
                divan::black_box(ex.extract(&Article::new(id, text)));
            }
        });
}

/// Every section, every fixture article.
#[divan::bench]
fn all_sections(bencher: divan::Bencher) {
    run(bencher, &Section::ALL);
}

/// One section at a time (events also run the names and dates they need).
#[divan::bench(args = ["people", "places", "organisations", "dates", "events"])]
fn one_section(bencher: divan::Bencher, section: &str) {
    let s: Section = section.parse().expect("known section");
    run(bencher, &[s]);
}

/// The text layer alone: tokens, sentences, paragraphs.
#[divan::bench]
fn text_layer(bencher: divan::Bencher) {
    let articles = fixtures();
    let bytes: usize = articles.iter().map(|(_, t)| t.len()).sum();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            for (_, text) in &articles {
                divan::black_box(newsie::text::Doc::new(text));
            }
        });
}
