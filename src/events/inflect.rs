// Regular inflections of a trigger lemma, shared by build.rs (which compiles
// data/event_triggers.tsv into the trigger table) and the tests: `include!`d by build.rs and a
// test-only module of the library.

/// Regular inflections of a lemma, the lemma first: "kill" → kills, killed, killing; "injure"
/// → injured; "deny" → denies, denied. A noun (`verb` false) takes only its plural.
pub fn inflect(lemma: &str, verb: bool) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let b = lemma.as_bytes();
    let last = b.last().copied().unwrap_or(b' ');
    let before = if b.len() > 1 { b[b.len() - 2] } else { b' ' };
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let plural = if last == b'y' && !vowel(before) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else if matches!(last, b's' | b'x' | b'z') || lemma.ends_with("ch") || lemma.ends_with("sh") {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    out.push(plural);
    if verb {
        if last == b'e' {
            let stem = &lemma[..lemma.len() - 1];
            out.push(format!("{lemma}d"));
            out.push(format!("{stem}ing"));
        } else if last == b'y' && !vowel(before) {
            let stem = &lemma[..lemma.len() - 1];
            out.push(format!("{stem}ied"));
            out.push(format!("{lemma}ing"));
        } else {
            out.push(format!("{lemma}ed"));
            out.push(format!("{lemma}ing"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::inflect;

    #[test]
    fn inflections() {
        assert_eq!(
            inflect("injure", true),
            ["injure", "injures", "injured", "injuring"]
        );
        assert_eq!(
            inflect("deny", true),
            ["deny", "denies", "denied", "denying"]
        );
        assert_eq!(inflect("attack", false), ["attack", "attacks"]);
        assert_eq!(inflect("clash", false), ["clash", "clashes"]);
    }
}
