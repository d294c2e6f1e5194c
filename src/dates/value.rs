//! TIMEX3 values written digit by digit.
//!
//! Input: the numbers of a value (year, month, day, quarter, count). Output: the value as the
//! record writes it, exactly as `format!` would (`{y:04}-{m:02}-{d:02}`), without the
//! formatting machinery: a text's dates are many, and each value is a few bytes.

/// Appends `n` to `out` as `format!("{n:0width$}")` writes it: zero-padded to `width`
/// characters, a minus sign counting as one.
pub fn push_num(out: &mut String, n: i64, width: usize) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut v = n.unsigned_abs();
    loop {
        k -= 1;
        digits[k] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    if n < 0 {
        out.push('-');
    }
    let len = digits.len() - k + usize::from(n < 0);
    for _ in len..width {
        out.push('0');
    }
    out.extend(digits[k..].iter().map(|&d| char::from(d)));
}

/// A year: `format!("{y:04}")`.
pub fn year(y: i64) -> String {
    let mut v = String::with_capacity(4);
    push_num(&mut v, y, 4);
    v
}

/// A month: `format!("{y:04}-{m:02}")`.
pub fn month(y: i64, m: u32) -> String {
    let mut v = String::with_capacity(7);
    push_num(&mut v, y, 4);
    v.push('-');
    push_num(&mut v, i64::from(m), 2);
    v
}

/// A day: `format!("{y:04}-{m:02}-{d:02}")`.
pub fn day(y: i64, m: u32, d: u32) -> String {
    let mut v = String::with_capacity(10);
    push_num(&mut v, y, 4);
    v.push('-');
    push_num(&mut v, i64::from(m), 2);
    v.push('-');
    push_num(&mut v, i64::from(d), 2);
    v
}

/// A quarter: `format!("{y:04}-Q{q}")`.
pub fn quarter(y: i64, q: u32) -> String {
    let mut v = String::with_capacity(7);
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
        assert_eq!(year(-5), format!("{:04}", -5));
        assert_eq!(month(1987, 2), "1987-02");
        assert_eq!(day(987, 2, 26), "0987-02-26");
        assert_eq!(quarter(2024, 3), "2024-Q3");
    }
}
