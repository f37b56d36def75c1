//! One stable sort for the whole program (extractor, annotations and app).
//!
//! Each `sort_by`/`sort_by_key` call with its own closure or element type is its own copy of the standard
//! library's stable sort in the WebAssembly (about 4 KB each). Here the standard sort runs on positions only,
//! with the comparison behind a `dyn`, so it is compiled once; each caller adds just a small permutation step.
//! The order is the one `slice::sort_by` gives: the positions are sorted stably, so equal elements keep their
//! order.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_stable_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    permute(items, &mut order);
}

/// Sorts `items` stably by `key`, as `slice::sort_by_key` does (the key is computed for each comparison).
pub fn sort_stable_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_stable_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts numbers in ascending order with the same single instance of the standard sort (equal numbers cannot be
/// told apart, so this is what `sort_unstable` gives, without a copy of the unstable sort in the Wasm).
pub fn sort_numbers(values: &mut [usize]) {
    sort_positions(values, &mut |a, b| a.cmp(&b));
}

/// The only instance of the standard stable sort: positions compared through one `dyn` comparison.
#[inline(never)]
fn sort_positions(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Moves `items[order[k]]` to position `k` for every `k`, in place, one cycle of the permutation at a time.
/// `order` is used up (each visited position is marked as in place).
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut current = start;
        while order[current] != current {
            let source = order[current];
            order[current] = current;
            if source == start {
                break;
            }
            items.swap(current, source);
            current = source;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Random lists of 0 to 39 elements with many equal keys: the same result as the standard stable sort,
    /// equal keys in their first order included (the payload, the first position, tells them apart).
    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        let mut seed = 7u64;
        for len in 0..40 {
            for _ in 0..50 {
                let items: Vec<(u8, usize)> = (0..len)
                    .map(|i| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        ((seed >> 60) as u8 % 5, i)
                    })
                    .collect();
                let mut expected = items.clone();
                expected.sort_by_key(|p| p.0);
                let mut got = items.clone();
                sort_stable_by_key(&mut got, |p| p.0);
                assert_eq!(got, expected, "from {items:?}");
                let mut reversed = items.clone();
                sort_stable_by(&mut reversed, |a, b| b.0.cmp(&a.0));
                let mut expected_reversed = items.clone();
                expected_reversed.sort_by_key(|p| std::cmp::Reverse(p.0));
                assert_eq!(reversed, expected_reversed, "reversed, from {items:?}");
                let mut numbers: Vec<usize> = items.iter().map(|p| usize::from(p.0) * 1000 + p.1 % 3).collect();
                let mut expected_numbers = numbers.clone();
                expected_numbers.sort_unstable();
                sort_numbers(&mut numbers);
                assert_eq!(numbers, expected_numbers, "numbers, from {items:?}");
            }
        }
    }
}
