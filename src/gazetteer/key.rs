// The lookup key of a name, shared by build.rs (which sorts the tables by it) and the library
// (which looks names up by it): `include!`d by both, so the two can never disagree.

/// The lookup key of a name: lower case, curly quotes and dashes folded, single spaces.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '’' | '‘' | 'ʼ' => out.push('\''),
            '‐' | '‑' | '–' | '—' => out.push('-'),
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ')
                }
            }
            c => out.extend(c.to_lowercase()),
        }
    }
    let t = out.trim();
    if t.len() == out.len() {
        out
    } else {
        t.to_string()
    }
}
