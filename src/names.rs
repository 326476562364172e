//! Names in every script: how they are stored, transliterated, compared and searched.
//!
//! A name is stored exactly as the person writes it (only Unicode-normalised to NFC and trimmed).
//! Everything else here is derived and never shown as the person's name:
//! - a suggested Latin transliteration (editable by the facilitator),
//! - a *name key* that ignores case, accents, word order and script, for duplicate warnings,
//! - folded text for search as you type.

use unicode_normalization::UnicodeNormalization;

/// NFC, trimmed: the canonical stored form of any text a person types. Nothing else is altered.
pub fn normalize(text: &str) -> String {
    let text = text.trim();
    // Most text is already NFC (ASCII always is): skip the decomposition and recomposition.
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        return text.to_string();
    }
    text.nfc().collect()
}

fn is_latin_or_common(c: char) -> bool {
    // Basic Latin, Latin-1, Latin Extended A/B and Additional (Vietnamese), and combining marks.
    c.is_ascii()
        || ('\u{00C0}'..='\u{024F}').contains(&c)
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
        || ('\u{0300}'..='\u{036F}').contains(&c)
        || c.is_whitespace()
        || !c.is_alphabetic()
}

/// The Latin transliteration to suggest for a name: "Nguyễn Văn An" → "Nguyen Van An",
/// "王芳" → "Wang Fang", "सीता शर्मा" → "Sita Sharma" (the facilitator may correct it).
/// South Asian scripts get their own rules (inherent vowels, see `indic`); the others go through
/// `any_ascii`.
pub fn transliterate(name: &str) -> String {
    let name = normalize(name);
    let latin_already = name.chars().all(is_latin_or_common);
    let words = name.split_whitespace().map(|word| {
        if crate::indic::is_indic(word) {
            crate::indic::word(word)
        } else {
            split_syllables(&any_ascii::any_ascii(word).replace('`', "'"), latin_already)
        }
    });
    let words: Vec<String> = words
        .flat_map(|w| w.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect();
    if latin_already {
        return words.join(" ");
    }
    words
        .iter()
        .map(|w| title_case(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// CJK and Hangul come back from `any_ascii` as run-together capitalised syllables
/// ("WangFang"): split them into words.
fn split_syllables(ascii: &str, latin_already: bool) -> String {
    let mut spaced = String::with_capacity(ascii.len() + 4);
    let mut previous: Option<char> = None;
    for c in ascii.chars() {
        if let Some(p) = previous
            && p.is_ascii_lowercase()
            && c.is_ascii_uppercase()
            && !latin_already
        {
            spaced.push(' ');
        }
        spaced.push(c);
        previous = Some(c);
    }
    spaced
}

fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// Lower-case ASCII folding for search and comparison: accents and scripts are transliterated.
pub fn fold(text: &str) -> String {
    any_ascii::any_ascii(&normalize(text)).to_lowercase()
}

/// The words of a name as ASCII, CJK syllables split apart.
fn ascii_words(name: &str) -> Vec<String> {
    transliterate(name)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// A consonant skeleton of one word that survives the usual differences between
/// transliterations: dropped inherent vowels ("srma"/"sharma"), vowel length ("siitaa"/"sita"),
/// aspiration ("th"/"t"), doubled letters and w/v, ph/f.
pub fn skeleton(word: &str) -> String {
    let word = word
        .to_ascii_lowercase()
        .replace("ph", "f")
        .replace('w', "v");
    let mut letters = word.chars().filter(char::is_ascii_alphanumeric);
    let mut out = String::new();
    if let Some(first) = letters.next() {
        out.push(first);
    }
    for c in letters {
        if "aeiouyh".contains(c) || out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// The key under which two spellings of the same person's name meet: skeletons of the words,
/// sorted, so that "Nguyễn Văn An", "Nguyen Van An" and "An Nguyen Van" share one key, and so do
/// "सीता शर्मा" and "Sita Sharma".
pub fn name_key(name: &str) -> String {
    let mut words: Vec<String> = ascii_words(name).iter().map(|w| skeleton(w)).collect();
    words.retain(|w| !w.is_empty());
    words.sort();
    words.dedup();
    words.join(" ")
}

/// Whether two names are probably the same person's.
pub fn same_person(a: &str, b: &str) -> bool {
    let (a, b) = (name_key(a), name_key(b));
    !a.is_empty() && a == b
}

/// The folded form of a search query, word by word: each word as typed (lower case, for a
/// query in the name's own script), transliterated, and as a skeleton for Latin spellings of
/// names in other scripts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    pub native: String,
    pub folded: String,
    pub skeleton: String,
}

pub fn query_words(query: &str) -> Vec<QueryWord> {
    normalize(query)
        .split_whitespace()
        .map(|word| {
            let native = word.to_lowercase();
            let folded = fold(word);
            // A skeleton of one or two letters matches too much to be useful.
            let skeleton = if folded.chars().count() >= 3 {
                skeleton(&folded)
            } else {
                String::new()
            };
            let skeleton = if skeleton.len() >= 2 {
                skeleton
            } else {
                String::new()
            };
            QueryWord {
                native,
                folded,
                skeleton,
            }
        })
        .collect()
}

/// True if the text has a control character (a tab or line break in a name, a NUL …).
pub fn has_control_characters(text: &str) -> bool {
    text.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_keeps_the_spelling_and_only_normalises_to_nfc() {
        let decomposed = "Nguye\u{0302}\u{0303}n"; // e + combining circumflex + tilde
        assert_eq!(normalize(decomposed), "Nguyễn");
        assert_eq!(normalize("  =SUM(A1)  "), "=SUM(A1)");
        assert_eq!(normalize("O'Brien \u{1F600}"), "O'Brien \u{1F600}");
    }

    #[test]
    fn transliteration_suggestions_read_like_names() {
        assert_eq!(transliterate("Nguyễn Văn An"), "Nguyen Van An");
        assert_eq!(transliterate("王芳"), "Wang Fang");
        assert_eq!(transliterate("김민준"), "Gim Min Jun");
        assert_eq!(transliterate("सीता शर्मा"), "Sita Sharma");
        assert_eq!(transliterate("ज्ञान बहादुर श्रेष्ठ"), "Gyan Bahadur Shreshtha");
        assert_eq!(transliterate("আয়েশা আক্তার"), "Ayesha Aktar");
        assert_eq!(
            transliterate("McDonald"),
            "McDonald",
            "Latin names keep their capitals"
        );
        assert!(!transliterate("محمد مازن المعايطة").is_empty());
        assert!(transliterate("สมชาย ใจดี").is_ascii());
    }

    #[test]
    fn the_same_person_is_recognised_across_accents_word_order_and_script() {
        assert!(same_person("Nguyễn Văn An", "Nguyen Van An"));
        assert!(same_person("Nguyễn Văn An", "An Nguyen Van"));
        assert!(same_person("सीता शर्मा", "Sita Sharma"));
        assert!(same_person("王芳", "Wang Fang"));
        assert!(same_person("王芳", "Fang Wang"));
        assert!(same_person("LAXMAN BASNET", "Laxman Basnet"));
        assert!(same_person("Mohammad Al-Maaitah", "Muhammad Al Maaitah"));
    }

    #[test]
    fn different_people_are_kept_apart() {
        assert!(!same_person("Sita Sharma", "Gita Sharma"));
        assert!(!same_person("Nguyen Van An", "Nguyen Van Binh"));
        assert!(!same_person("王芳", "李娜"));
        assert!(!same_person("", ""), "empty names are nobody");
        assert!(!same_person("Sita Sharma", "Sita"));
    }

    #[test]
    fn query_words_fold_each_word_three_ways() {
        let words = query_words("Sharma NGUYỄN");
        assert_eq!(
            words[0],
            QueryWord {
                native: "sharma".into(),
                folded: "sharma".into(),
                skeleton: "srm".into()
            }
        );
        assert_eq!(words[1].native, "nguyễn");
        assert_eq!(words[1].folded, "nguyen");
        assert!(
            query_words("an")[0].skeleton.is_empty(),
            "short words match literally only"
        );
    }

    #[test]
    fn control_characters_are_spotted() {
        assert!(has_control_characters("Sita\tSharma"));
        assert!(has_control_characters("Sita\u{0}"));
        assert!(!has_control_characters("सीता शर्मा 🙂 \"quoted\""));
    }
}
