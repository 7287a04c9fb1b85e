//! Floats to and from decimal text, with one small exact implementation instead of the
//! standard library's (whose tables are large): correctly rounded parsing, exact digits for
//! fixed precision (`'%.2f'`, `round`) and CPython's shortest `repr`. Everything works on the
//! exact decimal expansion of a double, computed with a tiny big-integer type.

use std::cmp::Ordering;

/// An unsigned big integer, little-endian in base 2^32.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn new(v: u64) -> Big {
        let mut b = Big(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for d in &mut self.0 {
            let t = u64::from(*d) * u64::from(m) + carry;
            *d = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }
    /// Multiplies by 10^n (by 5^n when `five`).
    fn mul_pow(&mut self, mut n: u32, five: bool) {
        let (step, big) = if five { (13, 1_220_703_125) } else { (9, 1_000_000_000) };
        while n > 0 {
            let k = n.min(step);
            let m = if five { 5u32.pow(k) } else { 10u32.pow(k) };
            self.mul_add(if k == step { big } else { m }, 0);
            n -= k;
        }
    }
    fn shl(&mut self, n: usize) {
        let (words, bits) = (n / 32, n % 32);
        if bits > 0 {
            let mut carry = 0;
            for d in &mut self.0 {
                let t = (*d << bits) | carry;
                carry = *d >> (32 - bits);
                *d = t;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, words));
    }
    fn bits(&self) -> usize {
        self.0
            .last()
            .map_or(0, |d| self.0.len() * 32 - d.leading_zeros() as usize)
    }
    fn cmp(&self, o: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&o.0.len())
            .then_with(|| self.0.iter().rev().cmp(o.0.iter().rev()))
    }
    fn sub(&mut self, o: &Big) {
        let mut borrow = 0i64;
        for (i, d) in self.0.iter_mut().enumerate() {
            let t = i64::from(*d) - i64::from(o.0.get(i).copied().unwrap_or(0)) - borrow;
            *d = t as u32;
            borrow = i64::from(t < 0);
        }
        self.trim();
    }
    /// Divides by `d`, returning the remainder.
    fn div_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for x in self.0.iter_mut().rev() {
            let t = (rem << 32) | u64::from(*x);
            *x = (t / u64::from(d)) as u32;
            rem = t % u64::from(d);
        }
        self.trim();
        rem as u32
    }
    /// The bits from `lo` upwards (at most 64) and whether any bit below `lo` is set.
    fn top(&self, lo: usize) -> (u64, bool) {
        let bit = |i: usize| self.0.get(i / 32).is_some_and(|d| d >> (i % 32) & 1 == 1);
        let q = (0..64).fold(0u64, |q, i| q | (u64::from(bit(lo + i)) << i));
        (q, (0..lo).any(bit))
    }
}

/// Decimal digits (ASCII, no leading zero) and the position of the decimal point: the value is
/// `0.DIGITS × 10^dp`.
pub struct Digits {
    /// The significant digits.
    pub d: Vec<u8>,
    /// Where the decimal point goes.
    pub dp: i32,
}

/// The exact decimal expansion of a finite non-negative double.
fn exact(f: f64) -> Digits {
    let bits = f.to_bits();
    let (exp, frac) = ((bits >> 52) as i32 & 0x7ff, bits & ((1 << 52) - 1));
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    let mut n = Big::new(m);
    if e >= 0 {
        n.shl(e as usize);
    } else {
        n.mul_pow((-e) as u32, true);
    }
    let mut chunks = vec![];
    while !n.0.is_empty() {
        chunks.push(n.div_small(1_000_000_000));
    }
    let mut d = vec![];
    for (i, c) in chunks.iter().rev().enumerate() {
        let s = format_u32(*c);
        if i > 0 {
            d.extend(std::iter::repeat_n(b'0', 9 - s.len()));
        }
        d.extend(s.bytes());
    }
    let dp = d.len() as i32 + e.min(0);
    let mut out = Digits { d, dp };
    out.trim();
    out
}

fn format_u32(mut v: u32) -> String {
    let mut s = vec![];
    loop {
        s.push(b'0' + (v % 10) as u8);
        v /= 10;
        if v == 0 {
            break;
        }
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

impl Digits {
    fn trim(&mut self) {
        while self.d.last() == Some(&b'0') {
            self.d.pop();
        }
        let lead = self.d.iter().take_while(|c| **c == b'0').count();
        self.d.drain(..lead);
        self.dp -= lead as i32;
        if self.d.is_empty() {
            self.dp = 0;
        }
    }
    /// Rounds half to even, keeping `keep` digits from the first.
    fn round(&mut self, keep: i32) {
        if keep >= self.d.len() as i32 {
            return;
        }
        if keep < 0 {
            self.d.clear();
            self.dp = 0;
            return;
        }
        let k = keep as usize;
        let next = self.d[k];
        let odd = k > 0 && (self.d[k - 1] - b'0') % 2 == 1;
        let up = next > b'5' || (next == b'5' && (self.d.len() > k + 1 || odd));
        self.d.truncate(k);
        if up {
            let mut i = k;
            loop {
                if i == 0 {
                    self.d.insert(0, b'1');
                    self.dp += 1;
                    break;
                }
                i -= 1;
                if self.d[i] == b'9' {
                    self.d[i] = b'0';
                } else {
                    self.d[i] += 1;
                    break;
                }
            }
        }
        self.trim();
    }
    /// The nearest double (ties to even).
    fn to_f64(&self) -> f64 {
        if self.d.is_empty() || self.dp < -342 {
            return 0.0;
        }
        if self.dp > 310 {
            return f64::INFINITY;
        }
        let k = self.dp - self.d.len() as i32;
        if self.d.len() <= 15 && k.abs() <= 22 {
            let n = self.d.iter().fold(0u64, |n, c| n * 10 + u64::from(c - b'0')) as f64;
            let p = (0..k.abs()).fold(1.0f64, |p, _| p * 10.0);
            return if k < 0 { n / p } else { n * p };
        }
        let mut n = Big::new(0);
        for c in &self.d {
            n.mul_add(10, u32::from(c - b'0'));
        }
        if k >= 0 {
            n.mul_pow(k as u32, false);
            let lo = n.bits().saturating_sub(64);
            let (q, sticky) = n.top(lo);
            return assemble(q, lo as i32, sticky);
        }
        let mut m = Big::new(1);
        m.mul_pow((-k) as u32, false);
        let s = 63 + m.bits() as i64 - n.bits() as i64;
        if s >= 0 {
            n.shl(s as usize);
        } else {
            m.shl((-s) as usize);
        }
        let mut q = 0u64;
        for i in (0..64).rev() {
            let mut t = m.clone();
            t.shl(i);
            if n.cmp(&t) != Ordering::Less {
                n.sub(&t);
                q |= 1 << i;
            }
        }
        assemble(q, -s as i32, !n.0.is_empty())
    }
}

/// The double nearest `a / b` (`b` is not 0), correctly rounded: the 64 leading bits of the
/// quotient by long division, with a sticky bit for any remainder.
pub fn ratio(a: u128, b: u128) -> f64 {
    if a == 0 {
        return 0.0;
    }
    let (mut q, mut r) = (a / b, a % b);
    let mut e2 = 0i32;
    if q >= 1 << 64 {
        let shift = 64 - q.leading_zeros();
        let sticky = r != 0 || q & ((1 << shift) - 1) != 0;
        return assemble((q >> shift) as u64, shift as i32, sticky);
    }
    while q < 1 << 63 {
        // r < b <= 2^127, so doubling it cannot overflow.
        r <<= 1;
        q <<= 1;
        if r >= b {
            r -= b;
            q |= 1;
        }
        e2 -= 1;
    }
    assemble(q as u64, e2, r != 0)
}

/// The double nearest `q × 2^e2` (plus a little more when `sticky`).
fn assemble(q: u64, e2: i32, sticky: bool) -> f64 {
    if q == 0 {
        return 0.0;
    }
    let top = e2 + 63 - q.leading_zeros() as i32;
    let mut lsb = (top - 52).max(-1074);
    let drop = lsb - e2;
    let mut mant = if drop <= 0 {
        q << (-drop)
    } else if drop >= 64 {
        u64::from(drop == 64 && q > 1 << 63 || (drop == 64 && q == 1 << 63 && sticky))
    } else {
        let half = 1u64 << (drop - 1);
        let rem = q & ((half << 1) - 1);
        let m = q >> drop;
        m + u64::from(rem > half || (rem == half && (sticky || m & 1 == 1)))
    };
    if mant == 1 << 53 {
        mant >>= 1;
        lsb += 1;
    }
    if lsb == -1074 && mant < 1 << 52 {
        return f64::from_bits(mant);
    }
    let biased = lsb + 1075;
    if biased >= 2047 {
        return f64::INFINITY;
    }
    f64::from_bits(((biased as u64) << 52) | (mant & ((1 << 52) - 1)))
}

/// Parses decimal text (`1.5`, `.5`, `1e-3`, optional sign) exactly as `float()` rounds it.
pub fn parse(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (mant, exp) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let ok = |t: &str| t.bytes().all(|c| c.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !ok(int) || !ok(frac) {
        return None;
    }
    let mut e: i32 = 0;
    if let Some(x) = exp {
        let (eneg, xd) = match x.as_bytes().first() {
            Some(b'-') => (true, &x[1..]),
            Some(b'+') => (false, &x[1..]),
            _ => (false, x),
        };
        if xd.is_empty() || !ok(xd) {
            return None;
        }
        for c in xd.bytes() {
            e = (e * 10 + i32::from(c - b'0')).min(100_000);
        }
        if eneg {
            e = -e;
        }
    }
    let mut d = Digits {
        d: int.bytes().chain(frac.bytes()).collect(),
        dp: int.len() as i32 + e,
    };
    d.trim();
    let v = d.to_f64();
    Some(if neg { -v } else { v })
}

/// The digits of `a` (finite, non-negative) rounded to `prec` places after the point, as
/// `'%.{prec}f'` prints them.
pub fn fixed(a: f64, prec: usize) -> String {
    let mut d = exact(a);
    d.round(d.dp + prec as i32);
    let mut out = String::new();
    if d.dp <= 0 {
        out.push('0');
    }
    for i in 0..d.dp.max(0) {
        out.push(char::from(*d.d.get(i as usize).unwrap_or(&b'0')));
    }
    if prec > 0 {
        out.push('.');
        for i in 0..prec as i32 {
            let at = d.dp + i;
            let c = if at < 0 { b'0' } else { *d.d.get(at as usize).unwrap_or(&b'0') };
            out.push(char::from(c));
        }
    }
    out
}

/// `a` (finite, non-negative) rounded to `sig` significant digits: the digits (at least one)
/// and the decimal exponent of the first.
pub fn sig_digits(a: f64, sig: usize) -> (Vec<u8>, i32) {
    let mut d = exact(a);
    d.round(sig as i32);
    if d.d.is_empty() {
        return (vec![b'0'], 0);
    }
    (d.d, d.dp - 1)
}

/// The shortest digits that read back as `a` (finite, positive), and the decimal exponent of
/// the first, as CPython's `repr` chooses them.
pub fn shortest(a: f64) -> (Vec<u8>, i32) {
    let full = exact(a);
    for n in 1..=17 {
        let mut d = Digits {
            d: full.d.clone(),
            dp: full.dp,
        };
        d.round(n);
        if d.to_f64() == a {
            return (d.d, d.dp - 1);
        }
    }
    (full.d, full.dp - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_like_the_standard_library() {
        let samples = [
            0.1, 0.5, 1.0, 2.675, 1e22, 1e23, 123456789.125, 0.30000000000000004, 5e-324,
            2.2250738585072014e-308, 1.7976931348623157e308, 9007199254740993.0, 1e-300, 0.3,
            6.02214e23, 299792458.0, 1.5e300, 4.35, 0.07,
        ];
        for f in samples {
            let text = format!("{f:e}");
            assert_eq!(parse(&text), Some(f), "{text}");
            assert_eq!(parse(&format!("{f:?}")), text.parse().ok());
            let (d, e) = shortest(f);
            let ours = format!("{}e{e}", String::from_utf8(d).unwrap());
            let theirs = format!("{f:e}").replace('.', "");
            assert_eq!(ours, theirs, "{f}");
            for p in [0, 1, 2, 5, 17] {
                assert_eq!(fixed(f, p), format!("{f:.p$}"), "{f} {p}");
            }
        }
        for s in ["1e400", "1e-400", "123456789012345678901234567890", "0.000001e-310", "2.4703282292062328e-324", "2.4703282292062327e-324"] {
            assert_eq!(parse(s), s.parse().ok(), "{s}");
        }
        let mut x = 0x1234_5678_9abc_def0u64;
        for _ in 0..3000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let f = f64::from_bits(x >> 1);
            if !f.is_finite() {
                continue;
            }
            let (d, e) = shortest(f);
            let ours = format!("{}e{e}", String::from_utf8(d).unwrap());
            assert_eq!(ours, format!("{f:e}").replace('.', ""));
            assert_eq!(parse(&format!("{f:.3e}")), format!("{f:.3e}").parse().ok());
            if f < 1e30 {
                assert_eq!(fixed(f, 3), format!("{f:.3}"));
            }
        }
        assert_eq!(parse("1."), Some(1.0));
        assert_eq!(parse(".5"), Some(0.5));
        assert_eq!(parse("1e"), None);
        assert_eq!(parse("."), None);
    }
}
