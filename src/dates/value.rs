//! TIMEX3 values written digit by digit.
//!
//! Input: the numbers of a value (year, month, day, quarter, count). Output: the value as the
//! record writes it, exactly as `format!` would (`{y:04}-{m:02}-{d:02}`), without the
//! formatting machinery: a text's dates are many, and each value is a few bytes.

/// Appends `n` to `out` as `format!("{n:0width$}")` writes it: zero-padded to `width`
/// characters (at most 23), a minus sign counting as one.
pub fn push_num(out: &mut String, n: i64, width: usize) {
    debug_assert!(width < 24);
    // Digits right-aligned in a buffer of zeros, then the sign in front of the padding.
    let mut buf = [b'0'; 24];
    let mut k = buf.len();
    let mut v = n.unsigned_abs();
    loop {
        k -= 1;
        buf[k] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let len = (buf.len() - k + usize::from(n < 0)).max(width);
    let start = buf.len() - len;
    if n < 0 {
        buf[start] = b'-';
    }
    out.extend(buf[start..].iter().map(|&c| char::from(c)));
}

/// The ASCII digit of `n` (below ten).
fn digit(n: u32) -> u8 {
    b'0' + n as u8
}

/// The four digits of a year from 0 to 9999.
fn four(y: i64) -> Option<[u8; 4]> {
    let y = u32::try_from(y).ok().filter(|&y| y <= 9999)?;
    Some([
        digit(y / 1000),
        digit(y / 100 % 10),
        digit(y / 10 % 10),
        digit(y % 10),
    ])
}

/// The two digits of a month or a day (below 100).
fn two(n: u32) -> Option<[u8; 2]> {
    (n < 100).then(|| [digit(n / 10), digit(n % 10)])
}

/// A value written as its ASCII bytes (a byte to a character, cheaper than validating them
/// as UTF-8 for so few).
fn text(b: &[u8]) -> String {
    let mut v = String::with_capacity(b.len());
    v.extend(b.iter().map(|&c| char::from(c)));
    v
}

/// A year: `format!("{y:04}")`.
pub fn year(y: i64) -> String {
    if let Some(y) = four(y) {
        return text(&y);
    }
    let mut v = String::with_capacity(5);
    push_num(&mut v, y, 4);
    v
}

/// A month: `format!("{y:04}-{m:02}")`.
pub fn month(y: i64, m: u32) -> String {
    if let (Some(y), Some(m)) = (four(y), two(m)) {
        return text(&[y[0], y[1], y[2], y[3], b'-', m[0], m[1]]);
    }
    let mut v = String::with_capacity(8);
    push_num(&mut v, y, 4);
    v.push('-');
    push_num(&mut v, i64::from(m), 2);
    v
}

/// A day: `format!("{y:04}-{m:02}-{d:02}")`.
pub fn day(y: i64, m: u32, d: u32) -> String {
    if let (Some(y), Some(m), Some(d)) = (four(y), two(m), two(d)) {
        return text(&[y[0], y[1], y[2], y[3], b'-', m[0], m[1], b'-', d[0], d[1]]);
    }
    let mut v = String::with_capacity(11);
    push_num(&mut v, y, 4);
    v.push('-');
    push_num(&mut v, i64::from(m), 2);
    v.push('-');
    push_num(&mut v, i64::from(d), 2);
    v
}

/// A quarter: `format!("{y:04}-Q{q}")`.
pub fn quarter(y: i64, q: u32) -> String {
    let mut v = String::with_capacity(8);
    push_num(&mut v, y, 4);
    v.push_str("-Q");
    push_num(&mut v, i64::from(q), 0);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_as_format_writes() {
        for n in [
            0i64,
            7,
            -7,
            42,
            -42,
            999,
            1987,
            -1987,
            10000,
            i64::MIN,
            i64::MAX,
        ] {
            for width in [0, 1, 2, 3, 4] {
                let mut v = String::new();
                push_num(&mut v, n, width);
                assert_eq!(v, format!("{n:0width$}"));
            }
        }
        for y in [-10000i64, -5, 0, 7, 987, 1987, 9999, 10000] {
            assert_eq!(year(y), format!("{y:04}"));
            for m in [1u32, 12, 123] {
                assert_eq!(month(y, m), format!("{y:04}-{m:02}"));
                assert_eq!(day(y, m, 7), format!("{y:04}-{m:02}-07"));
            }
        }
        assert_eq!(quarter(2024, 3), "2024-Q3");
    }
}
