//! A small map from strings to values, kept in a `Vec`.
//!
//! The widget's maps hold a page's worth of entries (articles, comment-count endpoints, ids):
//! tens, rarely hundreds. A linear scan over that is as fast as hashing, and unlike `HashMap`
//! it adds almost no code to the bundle per value type.

#[derive(Clone, Debug, PartialEq)]
pub struct Table<V>(Vec<(String, V)>);

impl<V> Default for Table<V> {
    fn default() -> Self {
        Table::new()
    }
}

impl<V> Table<V> {
    pub const fn new() -> Self {
        Table(Vec::new())
    }

    fn position(&self, key: &str) -> Option<usize> {
        self.0.iter().position(|(k, _)| k == key)
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.0.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    /// Sets `key` to `value`, replacing any value it had.
    pub fn insert(&mut self, key: String, value: V) {
        match self.get_mut(&key) {
            Some(slot) => *slot = value,
            None => self.0.push((key, value)),
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        let i = self.position(key)?;
        Some(self.0.swap_remove(i).1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<V> Extend<(String, V)> for Table<V> {
    fn extend<I: IntoIterator<Item = (String, V)>>(&mut self, items: I) {
        for (key, value) in items {
            self.insert(key, value);
        }
    }
}

impl<V> IntoIterator for Table<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<V> FromIterator<(String, V)> for Table<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(items: I) -> Self {
        let mut table = Table::new();
        table.extend(items);
        table
    }
}

/// A JSON object as a table; with a repeated key the last value wins, as in `JSON.parse`.
impl<'de, V: serde::Deserialize<'de>> serde::Deserialize<'de> for Table<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries<V>(std::marker::PhantomData<V>);
        impl<'de, V: serde::Deserialize<'de>> serde::de::Visitor<'de> for Entries<V> {
            type Value = Table<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Table<V>, A::Error> {
                let mut table = Table::new();
                while let Some((key, value)) = map.next_entry()? {
                    table.insert(key, value);
                }
                Ok(table)
            }
        }
        d.deserialize_map(Entries(std::marker::PhantomData))
    }
}
