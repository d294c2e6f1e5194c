//! A user gazetteer: names a user supplies at run time (TSV or JSON Lines), plus a deny list.
//!
//! Input: the text of a TSV file (a header line naming columns; `name` and `kind` required,
//! `aliases` separated by `|`, `country` optional, other columns ignored) or of a JSON Lines
//! file with the same keys, and the text of a deny list (one name a line, `#` comments).
//! Output: a `UserGazetteer` that finds every entry's name or alias in a text (one
//! Aho-Corasick automaton, leftmost-longest, ASCII case-insensitive, token boundaries checked
//! here) and says which names are denied. Does no I/O: the caller reads the files and passes
//! their text and a name for messages.

use crate::names::Kind;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::BTreeSet;

/// One user entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserEntry {
    /// Canonical name, as the record will write it.
    pub name: String,
    /// Person, place or organisation.
    pub kind: Kind,
    /// Other names that mean the same entity.
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-2 code, when given.
    pub country: Option<String>,
}

/// A malformed user gazetteer or deny list: `FILE:LINE: message` on one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}:{line}: {message}")]
pub struct GazetteerError {
    /// The name given for the file (usually its path).
    pub source_name: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Names supplied by the user: entries found wherever they occur, and denied names dropped.
///
/// ```
/// use newsie::gazetteer::UserGazetteer;
/// let g = UserGazetteer::from_tsv("name\tkind\taliases\nAcme Widgets\torganisation\tAcme\n", "my.tsv")
///     .unwrap()
///     .with_deny("Reuters\n");
/// assert_eq!(g.find("Shares of ACME rose.").len(), 1);
/// assert!(g.is_denied("REUTERS"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct UserGazetteer {
    entries: Vec<UserEntry>,
    /// Pattern index → entry index.
    pattern_entry: Vec<usize>,
    matcher: Option<AhoCorasick>,
    deny: BTreeSet<String>,
}

/// A user entry found in a text: byte span and entry index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UserMatch {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index into `UserGazetteer::entries`.
    pub entry: usize,
}

fn parse_kind(s: &str) -> Option<Kind> {
    match s.trim().to_ascii_lowercase().as_str() {
        "person" | "per" | "people" => Some(Kind::Person),
        "place" | "loc" | "location" | "places" => Some(Kind::Place),
        "organisation" | "organization" | "org" | "organisations" | "organizations" => {
            Some(Kind::Organisation)
        }
        _ => None,
    }
}

impl UserGazetteer {
    /// An empty gazetteer (finds nothing, denies nothing).
    pub fn new() -> UserGazetteer {
        UserGazetteer::default()
    }

    /// Parses TSV text: a header line naming the columns (`name` and `kind` required,
    /// `aliases` with `|` between aliases, `country` optional, others ignored), then one entry
    /// a line. Blank lines and lines starting with `#` are skipped. `source` names the file
    /// in error messages.
    pub fn from_tsv(text: &str, source: &str) -> Result<UserGazetteer, GazetteerError> {
        let err = |line: usize, message: String| GazetteerError {
            source_name: source.to_string(),
            line,
            message,
        };
        let mut entries = Vec::new();
        let mut columns: Option<(usize, usize, Option<usize>, Option<usize>)> = None;
        for (i, raw) in text.lines().enumerate() {
            let n = i + 1;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let Some((name_col, kind_col, alias_col, country_col)) = columns else {
                let find = |c: &str| fields.iter().position(|f| f.eq_ignore_ascii_case(c));
                let name_col =
                    find("name").ok_or_else(|| err(n, "header has no \"name\" column".into()))?;
                let kind_col =
                    find("kind").ok_or_else(|| err(n, "header has no \"kind\" column".into()))?;
                columns = Some((name_col, kind_col, find("aliases"), find("country")));
                continue;
            };
            let get = |c: usize| fields.get(c).copied().unwrap_or("");
            let name = get(name_col);
            if name.is_empty() {
                return Err(err(n, "empty name".into()));
            }
            let kind = parse_kind(get(kind_col)).ok_or_else(|| {
                err(
                    n,
                    format!(
                        "unknown kind {:?}: expected person, place or organisation",
                        get(kind_col)
                    ),
                )
            })?;
            let aliases = alias_col.map_or(Vec::new(), |c| split_aliases(get(c)));
            let country = country_col.map(get).filter(|c| !c.is_empty());
            entries.push(UserEntry {
                name: name.to_string(),
                kind,
                aliases,
                country: country.map(str::to_string),
            });
        }
        Ok(UserGazetteer::from_entries(entries))
    }

    /// Parses JSON Lines text: one object a line with `name`, `kind`, optional `aliases`
    /// (an array of strings, or one string with `|` between aliases) and `country`; other
    /// keys are ignored.
    pub fn from_jsonl(text: &str, source: &str) -> Result<UserGazetteer, GazetteerError> {
        let err = |line: usize, message: String| GazetteerError {
            source_name: source.to_string(),
            line,
            message,
        };
        let mut entries = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| err(n, format!("invalid JSON: {e}")))?;
            let obj = v
                .as_object()
                .ok_or_else(|| err(n, "expected a JSON object".into()))?;
            let name = obj
                .get("name")
                .and_then(|v| v.as_str())
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .ok_or_else(|| err(n, "missing or empty \"name\"".into()))?;
            let kind_text = obj.get("kind").and_then(|v| v.as_str()).unwrap_or("");
            let kind = parse_kind(kind_text).ok_or_else(|| {
                err(
                    n,
                    format!("unknown kind {kind_text:?}: expected person, place or organisation"),
                )
            })?;
            let aliases = match obj.get("aliases") {
                None | Some(serde_json::Value::Null) => Vec::new(),
                Some(serde_json::Value::String(s)) => split_aliases(s),
                Some(serde_json::Value::Array(a)) => a
                    .iter()
                    .map(|v| {
                        v.as_str()
                            .map(|s| s.trim().to_string())
                            .ok_or_else(|| err(n, "\"aliases\" must hold strings".into()))
                    })
                    .filter(|r| r.as_ref().map_or(true, |s| !s.is_empty()))
                    .collect::<Result<_, _>>()?,
                Some(_) => {
                    return Err(err(
                        n,
                        "\"aliases\" must be a string or an array of strings".into(),
                    ))
                }
            };
            let country = obj
                .get("country")
                .and_then(|v| v.as_str())
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string);
            entries.push(UserEntry {
                name: name.to_string(),
                kind,
                aliases,
                country,
            });
        }
        Ok(UserGazetteer::from_entries(entries))
    }

    /// Parses either format: JSON Lines when the first data line starts with `{`, else TSV.
    pub fn parse(text: &str, source: &str) -> Result<UserGazetteer, GazetteerError> {
        let first = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#'));
        if first.is_some_and(|l| l.starts_with('{')) {
            UserGazetteer::from_jsonl(text, source)
        } else {
            UserGazetteer::from_tsv(text, source)
        }
    }

    /// A gazetteer of these entries.
    pub fn from_entries(entries: Vec<UserEntry>) -> UserGazetteer {
        let mut patterns: Vec<&str> = Vec::new();
        let mut pattern_entry = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for p in std::iter::once(&e.name).chain(&e.aliases) {
                if !p.is_empty() {
                    patterns.push(p);
                    pattern_entry.push(i);
                }
            }
        }
        let matcher = (!patterns.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(&patterns)
                .expect("user gazetteer patterns build")
        });
        UserGazetteer {
            entries,
            pattern_entry,
            matcher,
            deny: BTreeSet::new(),
        }
    }

    /// Adds a deny list: one name a line (blank lines and `#` comments skipped). A denied name
    /// never appears in a record, whatever found it.
    pub fn with_deny(mut self, text: &str) -> UserGazetteer {
        for line in text.lines() {
            let l = line.trim();
            if !l.is_empty() && !l.starts_with('#') {
                self.deny.insert(super::key(l));
            }
        }
        self
    }

    /// The entries, in file order.
    pub fn entries(&self) -> &[UserEntry] {
        &self.entries
    }

    /// True when `name` (any case, quotes and spaces folded) is on the deny list.
    pub fn is_denied(&self, name: &str) -> bool {
        !self.deny.is_empty() && self.deny.contains(&super::key(name))
    }

    /// True when there is nothing to find and nothing to deny.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.deny.is_empty()
    }

    /// Every occurrence of an entry's name or alias in `text`, leftmost-longest, in text order.
    /// A match must stand between token boundaries and, unless written exactly as in the
    /// entry, start with a capital letter or digit ("acme" in prose is a word, not a name).
    pub fn find(&self, text: &str) -> Vec<UserMatch> {
        let Some(ac) = &self.matcher else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for m in ac.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            if !boundary(before) || !boundary(after) {
                continue;
            }
            let entry = self.pattern_entry[m.pattern().as_usize()];
            let found = &text[s..e];
            let e_ref = &self.entries[entry];
            let exact = e_ref.name == found || e_ref.aliases.iter().any(|a| a == found);
            if !exact && !found.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
                continue;
            }
            out.push(UserMatch {
                start: s,
                end: e,
                entry,
            });
        }
        out
    }
}

fn split_aliases(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_with_extra_columns_and_aliases() {
        let g = UserGazetteer::from_tsv(
            "# my names\nid\tname\tkind\taliases\tcountry\n1\tJane Roe\tperson\tJ. Roe|Janie\tGB\n2\tZorvia\tplace\t\t\n",
            "u.tsv",
        )
        .unwrap();
        assert_eq!(g.entries().len(), 2);
        assert_eq!(g.entries()[0].aliases, ["J. Roe", "Janie"]);
        assert_eq!(g.entries()[0].country.as_deref(), Some("GB"));
        assert_eq!(g.entries()[1].kind, Kind::Place);
        assert_eq!(g.entries()[1].country, None);
    }

    #[test]
    fn tsv_errors_name_file_and_line() {
        let e = UserGazetteer::from_tsv("name\tkind\nAcme\tcompany\n", "u.tsv").unwrap_err();
        assert_eq!(
            e.to_string(),
            "u.tsv:2: unknown kind \"company\": expected person, place or organisation"
        );
        let e = UserGazetteer::from_tsv("\nlabel\tkind\n", "x.tsv").unwrap_err();
        assert_eq!(e.to_string(), "x.tsv:2: header has no \"name\" column");
        assert!(!e.to_string().contains('\n'));
    }

    #[test]
    fn jsonl_entries_and_errors() {
        let g = UserGazetteer::parse(
            "{\"name\":\"Acme\",\"kind\":\"organisation\",\"aliases\":[\"ACME Corp\"],\"x\":1}\n{\"name\":\"Zorvia\",\"kind\":\"place\",\"aliases\":\"Zor|Zv\"}\n",
            "u.jsonl",
        )
        .unwrap();
        assert_eq!(g.entries()[0].aliases, ["ACME Corp"]);
        assert_eq!(g.entries()[1].aliases, ["Zor", "Zv"]);
        let e =
            UserGazetteer::from_jsonl("{\"name\":\"A\",\"kind\":\"person\"}\n{oops\n", "u.jsonl")
                .unwrap_err();
        assert_eq!((e.source_name.as_str(), e.line), ("u.jsonl", 2));
        assert!(e.to_string().starts_with("u.jsonl:2: invalid JSON"));
    }

    #[test]
    fn find_checks_boundaries_case_and_prefers_longest() {
        let g = UserGazetteer::from_tsv(
            "name\tkind\taliases\nAcme\torganisation\t\nAcme Widgets\torganisation\tAW\n",
            "u.tsv",
        )
        .unwrap();
        let text = "Acme Widgets and ACME, not Acmeville or acme, nor AWOL; AW said.";
        let found: Vec<&str> = g.find(text).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(found, ["Acme Widgets", "ACME", "AW"]);
        assert_eq!(g.find(text)[0].entry, 1);
    }

    #[test]
    fn deny_list_folds_case() {
        let g = UserGazetteer::new().with_deny("# noise\nReuters\n  Staff Writer \n");
        assert!(g.is_denied("REUTERS"));
        assert!(g.is_denied("staff  writer"));
        assert!(!g.is_denied("Reuter"));
        assert!(g.find("Reuters").is_empty());
    }
}
