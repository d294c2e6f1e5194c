//! The command line: what was typed (`Cli`) and what it means (`Config`).
//!
//! Rules that involve more than one flag live only in `into_config`.

use anyhow::{bail, Context, Result};
use clap::{Parser, ValueEnum};
use newsie::Section;
use std::io::IsTerminal;
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Examples:
  newsie < article.txt                         one article, pretty JSON on a terminal
  newsie --date 2024-10-17 article.txt | jq .people
  newsie corpus/ > records.jsonl               a folder, one record per line, all cores
  newsie corpus/ --out-dir records/            one .json per file, mirroring corpus/
  newsie corpus/ --out-dir records/ --skip-existing   resume a stopped batch
  newsie corpus/ --glob '*.txt' --only people,places
  jq -c '{id, text, date}' feed.jsonl | newsie --jsonl | jq -c '.events[0]'
  newsie corpus/ --format tsv | cut -f2,4 | sort | uniq -c | sort -rn | head

Exit status:
  0    every input done
  1    some inputs failed (each named on stderr; the others are still written)
  2    usage error (bad flag, bad --date, unwritable --out-dir)
  130  interrupted (Ctrl-C, SIGTERM): finished records kept, no partial files";

/// Extract people, places, organisations, dates and events from English news text.
///
/// Reads one article from standard input, or every PATH (files, and folders recursively), and
/// writes one JSON record per article: pretty JSON for one record on a terminal, otherwise one
/// compact record per line (JSON Lines).
#[derive(Debug, Parser)]
#[command(
    name = "newsie",
    version,
    after_help = AFTER_HELP,
    after_long_help = AFTER_HELP
)]
pub struct Cli {
    /// Files or folders to read ('-' or none: standard input)
    ///
    /// Folders are walked recursively in sorted order; hidden files and folders and binary files
    /// are skipped.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Read JSON Lines: each line an object with "text" and optional "id", "date", "title"
    ///
    /// One record per input line, in order, streamed. A line's "date" overrides --date; a
    /// missing "id" becomes the line number. Unknown fields are ignored; blank lines skipped.
    #[arg(long)]
    pub jsonl: bool,

    /// Reference date for relative expressions ("on Tuesday"), YYYY-MM-DD
    ///
    /// Without it, a dateline or date line in the article is used; without one, relative
    /// values keep TIMEX3 X placeholders (never today's date).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// Write only these sections (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "SECTIONS")]
    pub only: Vec<SectionArg>,

    /// Output format: json (records) or tsv (one row per mention, date and event)
    ///
    /// TSV columns, with a header line: id, section, type, name, value, start, end, text. Tabs,
    /// newlines and backslashes in values are written \t, \n and \\.
    #[arg(long, value_enum, default_value_t = FormatArg::Json, value_name = "FORMAT")]
    pub format: FormatArg,

    /// Pretty-print JSON even when not writing to a terminal
    #[arg(long, conflicts_with = "compact")]
    pub pretty: bool,

    /// One compact record per line even on a terminal
    #[arg(long)]
    pub compact: bool,

    /// Write one .json file per input into DIR, mirroring the input tree
    ///
    /// "a/b.txt" becomes "DIR/a/b.json"; with --jsonl, each line becomes "DIR/<id>.json". Names
    /// never leave DIR: "..", absolute paths, control characters and over-long names are made
    /// safe (with a hash of the original name added). Each file is written to a temporary file
    /// and renamed, so no half-written record can exist. Standard output then carries only the
    /// error records of failed inputs.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// With --out-dir: leave inputs whose .json already exists untouched (resume a batch)
    #[arg(long, requires = "out_dir")]
    pub skip_existing: bool,

    /// In folders, read only files whose path matches GLOB (repeatable; e.g. '*.txt')
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,

    /// Add to every mention the rule that found it
    #[arg(long)]
    pub explain: bool,

    /// Your own names: a TSV (or JSON Lines) file of people, places and organisations
    ///
    /// TSV with a header line naming its columns: `name` and `kind` (`person`, `place` or
    /// `organisation`) are required; `aliases` (separated by `|`) and `country` (ISO code) are
    /// optional; other columns are ignored. JSON Lines objects with the same keys also work.
    /// Every entry is found wherever its name or an alias occurs, and its kind overrides the
    /// rules. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,

    /// Names never to report: one name a line ('#' comments). Repeatable
    #[arg(long, value_name = "FILE")]
    pub deny: Vec<PathBuf>,

    /// Print the JSON Schema of the record and exit
    #[arg(long)]
    pub schema: bool,

    /// Threads for folders and JSON Lines (default: all cores)
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,

    /// Largest input (file or JSON line) in bytes; larger ones fail with an error
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_bytes: u64,

    /// Print nothing on standard error but errors (no progress bar, no skip notices)
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Print a shell completion script or the man page, and exit
    #[arg(long, value_enum, value_name = "KIND", hide = true)]
    pub generate: Option<Generate>,
}

/// The output format on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// JSON records (pretty on a terminal for one input, else JSON Lines)
    Json,
    /// Tab-separated rows with a header
    Tsv,
}

/// What `--generate` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generate {
    /// bash completions
    Bash,
    /// zsh completions
    Zsh,
    /// fish completions
    Fish,
    /// elvish completions
    Elvish,
    /// PowerShell completions
    Powershell,
    /// roff man page
    Man,
}

/// Writes the completion script or man page `kind` for the command line defined here.
pub fn generate(kind: Generate, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    use clap::CommandFactory;
    use clap_complete::Shell;
    let mut cmd = Cli::command();
    let shell = match kind {
        Generate::Bash => Shell::Bash,
        Generate::Zsh => Shell::Zsh,
        Generate::Fish => Shell::Fish,
        Generate::Elvish => Shell::Elvish,
        Generate::Powershell => Shell::PowerShell,
        Generate::Man => return clap_mangen::Man::new(cmd).render(w),
    };
    clap_complete::generate(shell, &mut cmd, "newsie", w);
    Ok(())
}

/// A section name on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SectionArg {
    People,
    Places,
    #[value(alias = "organizations")]
    Organisations,
    Dates,
    Events,
}

impl From<SectionArg> for Section {
    fn from(s: SectionArg) -> Section {
        match s {
            SectionArg::People => Section::People,
            SectionArg::Places => Section::Places,
            SectionArg::Organisations => Section::Organisations,
            SectionArg::Dates => Section::Dates,
            SectionArg::Events => Section::Events,
        }
    }
}

/// What to do, resolved from the command line.
#[derive(Debug)]
pub struct Config {
    /// Inputs; empty means standard input.
    pub paths: Vec<PathBuf>,
    /// JSON Lines input.
    pub jsonl: bool,
    /// Extraction options.
    pub options: newsie::Options,
    /// Output format to stdout.
    pub format: newsie::output::Format,
    /// Output folder.
    pub out_dir: Option<PathBuf>,
    /// Path filter for folders.
    pub glob: Option<globset::GlobSet>,
    /// Worker threads.
    pub jobs: usize,
    /// Input size limit.
    pub max_bytes: u64,
    /// Print the schema and stop.
    pub schema: bool,
    /// No progress or notices.
    pub quiet: bool,
    /// Draw a progress bar on stderr (a terminal, not --quiet).
    pub progress: bool,
    /// Leave existing output files alone.
    pub skip_existing: bool,
    /// Print a completion script or man page and stop.
    pub generate: Option<Generate>,
}

/// Reads `--gazetteer` and `--deny` files into one user gazetteer.
fn user_gazetteer(files: &[PathBuf], deny: &[PathBuf]) -> Result<newsie::gazetteer::UserGazetteer> {
    use newsie::gazetteer::UserGazetteer;
    let read = |flag: &str, p: &PathBuf| {
        std::fs::read_to_string(p).with_context(|| format!("{flag} {}", p.display()))
    };
    let mut entries = Vec::new();
    for p in files {
        let g = UserGazetteer::parse(&read("--gazetteer", p)?, &p.display().to_string())
            .map_err(|e| anyhow::anyhow!("--gazetteer {e}"))?;
        entries.extend_from_slice(g.entries());
    }
    let mut g = UserGazetteer::from_entries(entries);
    for p in deny {
        g = g.with_deny(&read("--deny", p)?);
    }
    Ok(g)
}

impl Cli {
    /// Resolves flags into a `Config`.
    pub fn into_config(self) -> Result<Config> {
        let mut options = newsie::Options::default().with_explain(self.explain);
        if let Some(d) = &self.date {
            options = options.with_date(d).context("--date")?;
        }
        if !self.only.is_empty() {
            let sections: Vec<Section> = self.only.iter().map(|&s| s.into()).collect();
            options = options.with_sections(&sections);
        }
        if !self.gazetteer.is_empty() || !self.deny.is_empty() {
            options = options.with_gazetteer(std::sync::Arc::new(user_gazetteer(
                &self.gazetteer,
                &self.deny,
            )?));
        }
        let glob = if self.glob.is_empty() {
            None
        } else {
            let mut b = globset::GlobSetBuilder::new();
            for g in &self.glob {
                b.add(
                    globset::GlobBuilder::new(g)
                        .literal_separator(false)
                        .build()
                        .with_context(|| format!("--glob {g:?}"))?,
                );
            }
            Some(b.build().context("--glob")?)
        };
        let jobs = match self.jobs {
            Some(0) => bail!("--jobs must be at least 1"),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        if self.max_bytes == 0 {
            bail!("--max-bytes must be at least 1");
        }
        if self.pretty && self.format == FormatArg::Tsv {
            bail!("--pretty is for JSON; --format tsv is one row per line");
        }
        if self.out_dir.is_some() && self.format == FormatArg::Tsv {
            bail!("--out-dir writes JSON files; --format tsv writes to standard output");
        }
        let single = !self.jsonl && self.paths.len() <= 1 && self.paths.iter().all(|p| !p.is_dir());
        let pretty = self.pretty || (!self.compact && single && std::io::stdout().is_terminal());
        let format = match self.format {
            FormatArg::Tsv => newsie::output::Format::Tsv,
            FormatArg::Json if pretty => newsie::output::Format::PrettyJson,
            FormatArg::Json => newsie::output::Format::JsonLines,
        };
        let progress = !self.quiet && std::io::stderr().is_terminal();
        Ok(Config {
            paths: self.paths,
            jsonl: self.jsonl,
            options,
            format,
            out_dir: self.out_dir,
            glob,
            jobs,
            max_bytes: self.max_bytes,
            schema: self.schema,
            quiet: self.quiet,
            progress,
            skip_existing: self.skip_existing,
            generate: self.generate,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_generator_writes_something() {
        for kind in Generate::value_variants() {
            let mut buf = Vec::new();
            generate(*kind, &mut buf).unwrap();
            let s = String::from_utf8(buf).unwrap();
            assert!(s.contains("newsie"), "{kind:?}");
            assert!(s.contains("jsonl"), "{kind:?} lists --jsonl");
        }
    }

    #[test]
    fn tsv_and_out_dir_conflict() {
        let cli = Cli::parse_from(["newsie", "--format", "tsv", "--out-dir", "x"]);
        assert!(cli.into_config().is_err());
    }

    #[test]
    fn bad_date_is_an_error() {
        let cli = Cli::parse_from(["newsie", "--date", "2024-13-01"]);
        let err = cli.into_config().unwrap_err();
        assert!(format!("{err:#}").contains("--date"));
    }
}
