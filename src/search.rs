//! Search as you type over a workshop's participants, from an in-memory copy of their folded
//! search text. SQLite would have to evaluate and sort every row for each keystroke (about 7 ms
//! on 10,000 participants); scanning folded strings in name order and stopping at the first
//! page of matches takes a fraction of that. The copy is rebuilt after any write.

use crate::error::Result;
use crate::names::{self, QueryWord};
use rusqlite::Connection;
use std::collections::HashMap;
use uuid::Uuid;

/// One participant as search sees them.
#[derive(Debug)]
struct Entry {
    id: String,
    search_text: String,
    /// The name key with a leading space, so that a skeleton matches at a word's start.
    name_key: String,
}

/// Cached entries of registered participants per workshop, tagged with the database's write
/// generation at the time they were read.
#[derive(Debug, Default)]
pub(crate) struct SearchIndex {
    workshops: HashMap<Uuid, (u64, Vec<Entry>)>,
}

fn load(conn: &Connection, workshop_id: Uuid, deleted: bool) -> Result<Vec<Entry>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT id, search_text, name_key FROM participant
         WHERE workshop_id = ?1 AND deleted_at IS {}
         ORDER BY name_latin COLLATE NOCASE, full_name",
        if deleted { "NOT NULL" } else { "NULL" }
    ))?;
    let rows = statement.query_map([workshop_id.to_string()], |row| {
        Ok(Entry {
            id: row.get(0)?,
            search_text: row.get(1)?,
            name_key: format!(" {}", row.get::<_, String>(2)?),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

impl SearchIndex {
    /// The IDs of the participants matching `query`, literal matches first, each group in
    /// name order; at most `limit`.
    pub(crate) fn search(
        &mut self,
        conn: &Connection,
        generation: u64,
        workshop_id: Uuid,
        deleted: bool,
        query: &str,
        limit: usize,
    ) -> Result<Vec<String>> {
        let words = names::query_words(query);
        if deleted {
            // Deleted participants are few and rarely searched: no cache.
            return Ok(matching(&load(conn, workshop_id, true)?, &words, limit));
        }
        let entries = self.registered(conn, generation, workshop_id)?;
        Ok(matching(entries, &words, limit))
    }

    /// Reads a workshop's registered participants now if a write made their entries stale.
    pub(crate) fn prepare(
        &mut self,
        conn: &Connection,
        generation: u64,
        workshop_id: Uuid,
    ) -> Result<()> {
        self.registered(conn, generation, workshop_id).map(drop)
    }

    /// Whether the entries of a workshop were read after the last write.
    #[cfg(test)]
    pub(crate) fn is_ready(&self, generation: u64, workshop_id: Uuid) -> bool {
        matches!(self.workshops.get(&workshop_id), Some((g, _)) if *g == generation)
    }

    /// The registered participants' entries, read again if a write came after them.
    fn registered(
        &mut self,
        conn: &Connection,
        generation: u64,
        workshop_id: Uuid,
    ) -> Result<&[Entry]> {
        let fresh = matches!(self.workshops.get(&workshop_id), Some((g, _)) if *g == generation);
        if !fresh {
            let entries = load(conn, workshop_id, false)?;
            self.workshops.insert(workshop_id, (generation, entries));
        }
        Ok(self
            .workshops
            .get(&workshop_id)
            .map_or(&[][..], |(_, e)| e.as_slice()))
    }
}

/// Every word must match: literally (as typed, or transliterated), or for longer words by the
/// skeleton of a name word ("sharma" finds "शर्मा", stored as "srm").
fn matching(entries: &[Entry], words: &[QueryWord], limit: usize) -> Vec<String> {
    let mut literal = Vec::new();
    let mut by_sound = Vec::new();
    // A skeleton must match at a word's start: " srm" in " srm st".
    let at_word_start: Vec<String> = words.iter().map(|w| format!(" {}", w.skeleton)).collect();
    for entry in entries {
        let mut all_literal = true;
        let mut all_match = true;
        for (word, skeleton) in words.iter().zip(&at_word_start) {
            let literally = entry.search_text.contains(&word.native)
                || entry.search_text.contains(&word.folded);
            all_literal &= literally;
            let sounds = !word.skeleton.is_empty() && entry.name_key.contains(skeleton.as_str());
            if !literally && !sounds {
                all_match = false;
                break;
            }
        }
        if all_literal && all_match {
            literal.push(entry.id.clone());
            if literal.len() == limit {
                break;
            }
        } else if all_match && by_sound.len() < limit {
            by_sound.push(entry.id.clone());
        }
    }
    literal.extend(by_sound);
    literal.truncate(limit);
    literal
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, name: &str) -> Entry {
        Entry {
            id: id.into(),
            search_text: format!("{}\u{1f}{}", name.to_lowercase(), names::fold(name)),
            name_key: format!(" {}", names::name_key(name)),
        }
    }

    #[test]
    fn literal_matches_come_before_matches_by_sound() {
        let entries = [
            entry("1", "सीता शर्मा"),
            entry("2", "Sharma Gita"),
            entry("3", "Wang Fang"),
        ];
        let found = matching(&entries, &names::query_words("sharma"), 10);
        assert_eq!(found, ["2", "1"]);
    }

    #[test]
    fn the_first_page_is_enough() {
        let entries: Vec<Entry> = (0..100)
            .map(|i| entry(&i.to_string(), &format!("Siti {i}")))
            .collect();
        assert_eq!(matching(&entries, &names::query_words("siti"), 8).len(), 8);
    }
}
