//! A small, fast hasher for the lookup tables of record parsing (region names, vocabulary
//! spellings, levels): short keys from a fixed, plan-defined set, where SipHash's protection
//! against crafted collisions buys nothing and costs a tenth of the time of counting a record.

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a over 8-byte words, with a final mix.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0 ^ 0xcbf2_9ce4_8422_2325;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h ^ word).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(23);
        }
        for &b in chunks.remainder() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z ^ (z >> 31)
    }
}

/// A `HashMap` with [`WordHasher`].
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<WordHasher>>;

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
