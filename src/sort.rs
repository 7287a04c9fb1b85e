//! Stable sorting that shares one copy of the standard library's sort.
//!
//! `slice::sort_by` and friends are generic over the element type and the comparison, so every
//! call site gets its own copy of driftsort (2–5 KB of WebAssembly each; 71 KB in all when this
//! module was written, see `docs/web-size.md`). These functions sort a list of indices with one
//! non-generic instance and then move the elements into place, so a call site costs a few
//! hundred bytes. The order is exactly that of the standard library's stable sort with the same
//! comparison: equal elements keep their relative order.

use std::cmp::Ordering;

/// Sorts `v` in ascending order, stably (as `v.sort()`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` stably with a comparison (as `v.sort_by(compare)`).
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_indices(v.len(), &mut |a, b| compare(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` stably by a key (as `v.sort_by_key(key)`; the key is computed for each comparison).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// `0..len` sorted stably by `compare` on indices: the one instance of the standard sort.
#[inline(never)]
fn sorted_indices(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Rearranges `v` so that position `i` holds what was at `order[i]`, following each cycle of
/// the permutation with swaps. `order` is a permutation of `0..v.len()`.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library() {
        // Many lengths and patterns, including runs, duplicates and reversed input.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for len in 0..70 {
            for round in 0..6 {
                let v: Vec<(u8, usize)> = (0..len)
                    .map(|i| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        let key = match round {
                            0 => (seed % 4) as u8,
                            1 => (seed % 251) as u8,
                            2 => (len - i) as u8,
                            3 => i as u8,
                            4 => (i % 5) as u8,
                            _ => 7,
                        };
                        (key, i)
                    })
                    .collect();
                let mut ours = v.clone();
                let mut std = v.clone();
                sort_by_key(&mut ours, |e| e.0);
                std.sort_by_key(|e| e.0);
                assert_eq!(ours, std, "len {len} round {round}");
                let (mut ours, mut std) = (v.clone(), v.clone());
                let odd_first = |a: &(u8, usize), b: &(u8, usize)| (b.0 % 2).cmp(&(a.0 % 2)).then(b.0.cmp(&a.0));
                sort_by(&mut ours, odd_first);
                std.sort_by(odd_first);
                assert_eq!(ours, std, "len {len} round {round}, odd first, descending");
                let (mut ours, mut std) = (v.clone(), v);
                sort(&mut ours);
                std.sort();
                assert_eq!(ours, std);
            }
        }
    }

    #[test]
    fn sorts_strings_and_moves_owned_values() {
        let mut v: Vec<String> = ["pip", "Numpy", "certifi", "numpy", "", "idna"].map(String::from).to_vec();
        sort_by_key(&mut v, |s| s.to_ascii_lowercase());
        assert_eq!(v, ["", "certifi", "idna", "Numpy", "numpy", "pip"]);
        sort(&mut v);
        assert_eq!(v, ["", "Numpy", "certifi", "idna", "numpy", "pip"]);
    }
}
