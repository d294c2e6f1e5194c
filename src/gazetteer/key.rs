// The lookup key of a name, shared by build.rs (which sorts the tables by it) and the library
// (which looks names up by it): `include!`d by both, so the two can never disagree.

/// The lookup key of a name: lower case, curly quotes and dashes folded, single spaces.
pub fn key(s: &str) -> String {
    if s.is_ascii() {
        return ascii_key(s);
    }
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

/// `key` of an ASCII name: lower case, whitespace runs as one space, none at either end.
fn ascii_key(s: &str) -> String {
    if is_single_spaced(s) {
        // The usual case: lower case is all there is to do.
        return s.to_ascii_lowercase();
    }
    let mut out = Vec::with_capacity(s.len());
    let mut space = false;
    for &c in s.as_bytes() {
        // ASCII whitespace as `char::is_whitespace` has it (vertical tab included).
        if c.is_ascii_whitespace() || c == 0x0b {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(b' ');
            space = false;
        }
        out.push(c.to_ascii_lowercase());
    }
    // ASCII in, ASCII out.
    String::from_utf8(out).unwrap_or_default()
}

/// The leading run of ASCII letters and digits of `b`: "prime" of "prime minister", "gen" of
/// "gen.".
pub fn alnum_head(b: &[u8]) -> &[u8] {
    let n = b
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .unwrap_or(b.len());
    &b[..n]
}

/// True when the only whitespace in `s` is single ASCII spaces between other characters
/// (so folding whitespace leaves `s` as it is).
pub fn is_single_spaced(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    for &c in b {
        let space = c == b' ';
        if (space && prev_space) || matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            return false;
        }
        prev_space = space;
    }
    true
}

/// The hash of a folded key in the static hash indexes (`NAME_INDEX` tables): build.rs places
/// every key by it, and the library probes by it, so the two agree by construction. Eight bytes
/// at a time, multiplicative; the high half of the product is the best mixed.
pub fn key_hash(b: &[u8]) -> u32 {
    hash_and_high_bits(b).0
}

/// `key_hash` of `b`, and the high bits of its bytes OR-ed together (zero when `b` is ASCII),
/// read in the same pass.
#[inline]
pub fn hash_and_high_bits(b: &[u8]) -> (u32, u64) {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (b.len() as u64).wrapping_mul(K);
    let mut bits = 0;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut v = [0u8; 8];
        v.copy_from_slice(c);
        let v = u64::from_le_bytes(v);
        bits |= v;
        h = (h.rotate_left(26) ^ v).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let v = tail_word(rest);
        bits |= v;
        h = (h.rotate_left(26) ^ v).wrapping_mul(K);
    }
    ((h >> 32) as u32, bits & 0x8080_8080_8080_8080)
}

/// Up to seven bytes as a little-endian number, zero-padded: two overlapping loads (of four or
/// two bytes, or one byte) that together cover them, no loop and no copy.
#[inline]
pub(crate) fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    let four = |b: &[u8]| u64::from(u32::from_le_bytes(b.try_into().unwrap_or_default()));
    let two = |b: &[u8]| u64::from(u16::from_le_bytes(b.try_into().unwrap_or_default()));
    if n >= 4 {
        // Bytes `0..4` and `n - 4..n`: where they overlap, both hold the same bytes.
        four(&rest[..4]) | four(&rest[n - 4..]) << (8 * (n - 4))
    } else if n >= 2 {
        two(&rest[..2]) | two(&rest[n - 2..]) << (8 * (n - 2))
    } else {
        rest.first().map_or(0, |&b| u64::from(b))
    }
}
