//! TIMEX3 values written digit by digit.
//!
//! Input: the numbers of a value (year, month, day, quarter, count). Output: the value as the
//! record writes it, exactly as `format!` would (`{y:04}-{m:02}-{d:02}`), without the
//! formatting machinery: a text's dates are many, and each value is a few bytes (years, months
//! and days are copied two digits at a time from a table).

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

/// The two digits of every number below 100, in order ("00", "01", ... "99").
const PAIRS: &str = {
    const BYTES: [u8; 200] = {
        let mut b = [0u8; 200];
        let mut n = 0;
        while n < 100 {
            b[2 * n] = b'0' + (n / 10) as u8;
            b[2 * n + 1] = b'0' + (n % 10) as u8;
            n += 1;
        }
        b
    };
    match std::str::from_utf8(&BYTES) {
        Ok(s) => s,
        Err(_) => panic!("digits are ASCII"),
    }
};

/// Appends `n` as `format!("{n:02}")` writes it: below 100, a two-byte copy from `PAIRS`
/// with no per-character encoding.
fn push_two(out: &mut String, n: u32) {
    if n < 100 {
        let k = 2 * n as usize;
        out.push_str(&PAIRS[k..k + 2]);
    } else {
        push_num(out, i64::from(n), 2);
    }
}

/// Appends a year as `format!("{y:04}")` writes it: from 0 to 9999, two pairs of digits.
fn push_year(out: &mut String, y: i64) {
    match u32::try_from(y) {
        Ok(y) if y <= 9999 => {
            push_two(out, y / 100);
            push_two(out, y % 100);
        }
        _ => push_num(out, y, 4),
    }
}

/// A year: `format!("{y:04}")`.
pub fn year(y: i64) -> String {
    let mut v = String::with_capacity(5);
    push_year(&mut v, y);
    v
}

/// A month: `format!("{y:04}-{m:02}")`.
pub fn month(y: i64, m: u32) -> String {
    let mut v = String::with_capacity(8);
    push_year(&mut v, y);
    v.push('-');
    push_two(&mut v, m);
    v
}

/// A day: `format!("{y:04}-{m:02}-{d:02}")`.
pub fn day(y: i64, m: u32, d: u32) -> String {
    let mut v = String::with_capacity(11);
    push_year(&mut v, y);
    v.push('-');
    push_two(&mut v, m);
    v.push('-');
    push_two(&mut v, d);
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
