//! bash's command hash table: names found on `PATH`, remembered with a hit count.
//!
//! A remembered path is used as is until `hash -r` or an assignment to `PATH` empties the
//! table, even if the file has moved (bash then reports the old path missing). Listing order
//! follows bash's table: 256 buckets by the FNV-1 hash of the name, newest first within a bucket.

/// One remembered command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The command name.
    pub name: String,
    /// The full path found.
    pub path: String,
    /// How many times it was used.
    pub hits: u32,
}

/// The table.
#[derive(Debug, Clone, Default)]
pub struct HashTable {
    entries: Vec<Entry>,
}

/// Most names remembered.
const MAX_ENTRIES: usize = 1000;

impl HashTable {
    /// The remembered path of a name, counting a hit.
    pub fn hit(&mut self, name: &str) -> Option<String> {
        let entry = self.entries.iter_mut().find(|e| e.name == name)?;
        entry.hits = entry.hits.saturating_add(1);
        Some(entry.path.clone())
    }

    /// Remembers a path for a name (replacing an older one) with `hits` uses.
    pub fn insert(&mut self, name: &str, path: &str, hits: u32) {
        self.remove(name);
        if self.entries.len() < MAX_ENTRIES {
            self.entries.push(Entry { name: name.to_string(), path: path.to_string(), hits });
        }
    }

    /// Forgets one name; false if it was not there.
    pub fn remove(&mut self, name: &str) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| e.name != name);
        before != self.entries.len()
    }

    /// Forgets everything (`hash -r`).
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The entries in the order `hash` lists them.
    pub fn listing(&self) -> Vec<&Entry> {
        let mut list: Vec<(usize, &Entry)> = self.entries.iter().enumerate().collect();
        crate::sort::sort_by_key(&mut list, |(i, e)| (bucket(&e.name), usize::MAX - i));
        list.into_iter().map(|(_, e)| e).collect()
    }
}

/// bash's bucket for a name: FNV-1 (32-bit) of its bytes, modulo 256 buckets.
fn bucket(name: &str) -> u32 {
    let mut h: u32 = 2_166_136_261;
    for b in name.bytes() {
        h = h.wrapping_mul(16_777_619);
        h ^= b as u32;
    }
    h & 255
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_in_bash_bucket_order() {
        let mut t = HashTable::default();
        t.insert("foo", "/d/foo", 2);
        t.insert("mv", "/usr/bin/mv", 1);
        let names: Vec<_> = t.listing().iter().map(|e| e.name.clone()).collect();
        assert_eq!(names, ["mv", "foo"]);
        t.insert("ls", "/usr/bin/ls", 1);
        t.insert("chmod", "/usr/bin/chmod", 2);
        let names: Vec<_> = t.listing().iter().map(|e| e.name.clone()).collect();
        assert_eq!(names, ["mv", "foo", "chmod", "ls"]);
    }

    #[test]
    fn hits_count_and_clear() {
        let mut t = HashTable::default();
        t.insert("ls", "/usr/bin/ls", 1);
        assert_eq!(t.hit("ls").as_deref(), Some("/usr/bin/ls"));
        assert_eq!(t.listing()[0].hits, 2);
        t.clear();
        assert!(t.listing().is_empty());
    }
}
