//! A map built once and then only read, as a sorted vector: each `HashMap<K, V>` type is a copy of the hash
//! table's code in the Wasm (see ARCHITECTURE.md, "Download size"), and these maps are built from lists
//! whose order already says which entry wins.

use std::cmp::Ordering;

/// Keys to values, the last value given for a key winning, as when a `HashMap` is collected or inserted into.
pub(crate) struct LastByKey<K, V> {
    /// Sorted by key, stably: equal keys in the order they were given.
    entries: Vec<(K, V)>,
}

impl<K: Ord, V> LastByKey<K, V> {
    pub(crate) fn of(entries: impl IntoIterator<Item = (K, V)>) -> Self {
        let mut entries: Vec<(K, V)> = entries.into_iter().collect();
        sidenote_extract::sort_stable_by(&mut entries, |a, b| a.0.cmp(&b.0));
        LastByKey { entries }
    }

    /// The last value given for `key`.
    pub(crate) fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: Ord + ?Sized,
    {
        let after = self.entries.partition_point(|(k, _)| k.borrow().cmp(key) != Ordering::Greater);
        self.entries.get(after.checked_sub(1)?).filter(|(k, _)| k.borrow() == key).map(|(_, v)| v)
    }

    pub(crate) fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: std::borrow::Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.get(key).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn the_last_value_of_a_key_wins_as_in_a_hash_map() {
        let pairs = [("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5), ("b", 6)].map(|(k, v)| (k.to_string(), v));
        let sorted = LastByKey::of(pairs.clone());
        let hashed: HashMap<String, i32> = pairs.into_iter().collect();
        for key in ["a", "b", "c", "d", "", "bb", "A"] {
            assert_eq!(sorted.get(key), hashed.get(key), "{key:?}");
            assert_eq!(sorted.contains_key(key), hashed.contains_key(key));
        }
        assert_eq!(LastByKey::<String, i32>::of([]).get("a"), None);
    }
}
