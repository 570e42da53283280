//! Lookups of short texts (region names, vocabulary spellings, levels) for record parsing: a
//! few dozen keys fixed by the plan, looked up once per field of every record, where hashing
//! costs more than comparing a couple of equal-length candidates.

/// A lookup of short texts by exact bytes: the keys of each byte length in a short list, so a
/// lookup is one index and a few comparisons of equal-length bytes, without hashing. Record
/// vocabularies have a few dozen spellings, and most lengths hold one or two.
#[derive(Debug, Clone, Default)]
pub(crate) struct ShortMap<V: Copy> {
    by_len: Vec<Vec<(Box<[u8]>, V)>>,
}

impl<V: Copy> ShortMap<V> {
    /// Adds `key` unless it is already there (the first value given wins).
    pub fn insert_first(&mut self, key: &str, value: V) {
        let n = key.len();
        if self.by_len.len() <= n {
            self.by_len.resize_with(n + 1, Vec::new);
        }
        if !self.by_len[n].iter().any(|(k, _)| **k == *key.as_bytes()) {
            self.by_len[n].push((key.as_bytes().into(), value));
        }
    }

    #[inline]
    pub fn get(&self, key: &str) -> Option<V> {
        self.by_len.get(key.len())?.iter().find(|(k, _)| **k == *key.as_bytes()).map(|(_, v)| *v)
    }
}
