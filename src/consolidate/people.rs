//! Returning participants: the records of one person in several workshops, recognised as
//! registration recognises a duplicate (`participant::possible_duplicates`): the same email
//! address (ignoring case), or the same name key (`names::name_key`: any script, word order,
//! accents, spelt vowels). Two records of the same workshop are never one person: the
//! facilitator registered both, having been warned.

use crate::names;
use std::collections::HashMap;

/// One participant record, as matching sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Record<'a> {
    /// Which workshop the record is of (any number that is the same for the same workshop).
    pub workshop: usize,
    pub name: &'a str,
    pub email: &'a str,
}

/// The people found among the records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct People {
    /// For each record, its person: the index of that person's first record.
    pub person_of: Vec<usize>,
    /// How many distinct people.
    pub count: usize,
    /// People with records in more than one workshop.
    pub returning: usize,
}

/// Sets of records with the workshops each set spans.
#[derive(Debug)]
struct Sets {
    parent: Vec<usize>,
    /// Of a set's root: its workshops, sorted.
    workshops: Vec<Vec<usize>>,
}

impl Sets {
    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins the sets of `a` and `b` unless they share a workshop (or are one already); the
    /// lower index stays the root, so a person's root is their first record.
    fn join(&mut self, a: usize, b: usize) -> bool {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return true;
        }
        if shares(&self.workshops[a], &self.workshops[b]) {
            return false;
        }
        let (root, child) = if a < b { (a, b) } else { (b, a) };
        let moved = std::mem::take(&mut self.workshops[child]);
        let mut merged = std::mem::take(&mut self.workshops[root]);
        merged.extend(moved);
        merged.sort_unstable();
        self.workshops[root] = merged;
        self.parent[child] = root;
        true
    }
}

/// Whether two sorted lists have an element in common.
fn shares(a: &[usize], b: &[usize]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// The key an email is compared by: trimmed, lower case; none when empty.
fn email_key(email: &str) -> Option<String> {
    let key = email.trim().to_lowercase();
    (!key.is_empty()).then_some(key)
}

/// Recognises the people among `records` (in the order given, which decides whose record
/// comes first). Emails are matched first, then names, each record joining the first earlier
/// record with the same key whose person has not come to its workshop.
pub(crate) fn recognise(records: &[Record<'_>]) -> People {
    let mut sets = Sets {
        parent: (0..records.len()).collect(),
        workshops: records.iter().map(|r| vec![r.workshop]).collect(),
    };
    let by_email = group(records, |r| email_key(r.email));
    let by_name = group(records, |r| {
        let key = names::name_key(r.name);
        (!key.is_empty()).then_some(key)
    });
    for groups in [by_email, by_name] {
        for members in groups {
            for (n, &record) in members.iter().enumerate() {
                for &earlier in &members[..n] {
                    if sets.join(earlier, record) {
                        break;
                    }
                }
            }
        }
    }
    let person_of: Vec<usize> = (0..records.len()).map(|i| sets.find(i)).collect();
    let mut count = 0;
    let mut returning = 0;
    for (i, &root) in person_of.iter().enumerate() {
        if root == i {
            count += 1;
            returning += usize::from(sets.workshops[i].len() > 1);
        }
    }
    People {
        person_of,
        count,
        returning,
    }
}

/// The records sharing each key, in order of their first record; keys with one record left out.
fn group<'a>(
    records: &[Record<'a>],
    key: impl Fn(&Record<'a>) -> Option<String>,
) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, record) in records.iter().enumerate() {
        if let Some(key) = key(record) {
            let at = *index.entry(key).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[at].push(i);
        }
    }
    groups.retain(|members| members.len() > 1);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record<'a>(workshop: usize, name: &'a str, email: &'a str) -> Record<'a> {
        Record {
            workshop,
            name,
            email,
        }
    }

    #[test]
    fn the_same_email_in_two_workshops_is_one_person_whatever_the_name() {
        let people = recognise(&[
            record(0, "Sita Sharma", "sita@gefont.org"),
            record(1, "S. Sharma-Koirala", " SITA@GEFONT.ORG "),
            record(1, "Ram Bahadur", "ram@gefont.org"),
        ]);
        assert_eq!(people.person_of, vec![0, 0, 2]);
        assert_eq!((people.count, people.returning), (2, 1));
    }

    #[test]
    fn the_same_name_in_another_script_order_or_spacing_is_one_person() {
        let people = recognise(&[
            record(0, "सीता शर्मा", ""),
            record(1, "  Sharma   Sita ", ""),
            record(2, "Nguyễn Văn An", ""),
            record(3, "An Nguyen Van", ""),
            record(3, "Sita Sharma", ""),
        ]);
        assert_eq!(
            people.person_of[1], 0,
            "Devanagari and Latin, words swapped"
        );
        assert_eq!(people.person_of[3], 2, "accents and word order");
        assert_eq!(
            people.person_of[4], 0,
            "a third workshop of the same person joins her"
        );
        assert_eq!((people.count, people.returning), (2, 2));
    }

    #[test]
    fn different_people_and_empty_keys_are_kept_apart() {
        let people = recognise(&[
            record(0, "Sita Sharma", ""),
            record(1, "Gita Sharma", ""),
            record(0, "", ""),
            record(1, "", ""),
            record(0, "---", ""),
            record(1, "---", ""),
        ]);
        assert_eq!(people.person_of, vec![0, 1, 2, 3, 4, 5]);
        assert_eq!((people.count, people.returning), (6, 0));
    }

    #[test]
    fn two_records_of_one_workshop_are_never_one_person() {
        // Two people called Mohammed Ali registered at the same workshop (the facilitator was
        // warned and kept both), and one of them comes to a second workshop.
        let people = recognise(&[
            record(0, "Mohammed Ali", "m.ali@bfawu.org"),
            record(0, "Mohammed Ali", ""),
            record(1, "Mohammed Ali", ""),
            record(1, "Mohammad Aly", ""),
        ]);
        assert_ne!(people.person_of[0], people.person_of[1]);
        assert_ne!(people.person_of[2], people.person_of[3]);
        assert_eq!(
            people.person_of[2], 0,
            "the first earlier record free in workshop 1"
        );
        assert_eq!(people.person_of[3], 1, "the other joins the second");
        assert_eq!((people.count, people.returning), (2, 2));
        // A shared email does not merge two records of one workshop either, even through a
        // third record.
        let shared = recognise(&[
            record(0, "Ana Lopez", "info@union.org"),
            record(0, "Juan Perez", "info@union.org"),
            record(1, "Ana López", "info@union.org"),
        ]);
        assert_ne!(shared.person_of[0], shared.person_of[1]);
        assert_eq!(shared.person_of[2], 0);
        assert_eq!(shared.count, 2);
    }

    #[test]
    fn an_email_match_comes_before_a_name_match() {
        // The record in workshop 1 shares a name with the first and an email with the second
        // (both in workshop 0): the email decides.
        let people = recognise(&[
            record(0, "Maria Santos", ""),
            record(0, "Maria dos Santos Lima", "maria.lima@cut.org.br"),
            record(1, "Maria Santos", "maria.lima@cut.org.br"),
        ]);
        assert_eq!(people.person_of[2], 1);
        assert_eq!(people.person_of[0], 0);
        assert_eq!((people.count, people.returning), (2, 1));
    }
}
