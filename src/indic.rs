//! Latin transliteration of names in the Brahmic scripts of South Asia that share Unicode's
//! ISCII-derived layout (Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu,
//! Kannada, Malayalam): each consonant carries an inherent "a" unless a vowel sign or a virama
//! follows, and in the northern scripts that "a" is silent at the end of a word and between a
//! vowel and a consonant-with-vowel ("कमला" is Kamla, "नासरिन" Nasrin), as names are spelt in
//! Latin letters.

/// The first code point of each script block whose layout follows Devanagari's.
const BLOCKS: &[(u32, bool)] = &[
    // (block start, drops the inherent vowel as Hindi, Nepali and Bengali do)
    (0x0900, true),  // Devanagari
    (0x0980, true),  // Bengali
    (0x0A00, true),  // Gurmukhi
    (0x0A80, true),  // Gujarati
    (0x0B00, false), // Oriya
    (0x0B80, false), // Tamil
    (0x0C00, false), // Telugu
    (0x0C80, false), // Kannada
    (0x0D00, false), // Malayalam
];

/// Where a code point sits in its block, and whether its script drops inherent vowels.
fn offset(c: char) -> Option<(u32, bool)> {
    let code = u32::from(c);
    BLOCKS
        .iter()
        .find(|(start, _)| (*start..start + 0x80).contains(&code))
        .map(|(start, drop)| (code - start, *drop))
}

/// True if the text has a letter of one of these scripts.
pub(crate) fn is_indic(text: &str) -> bool {
    text.chars()
        .any(|c| offset(c).is_some_and(|(o, _)| (0x05..=0x61).contains(&o)))
}

fn consonant(offset: u32) -> Option<&'static str> {
    const TABLE: [&str; 37] = [
        "k", "kh", "g", "gh", "ng", "ch", "chh", "j", "jh", "ny", // 0x15–0x1E
        "t", "th", "d", "dh", "n", "t", "th", "d", "dh", "n", // 0x1F–0x28
        "n", "p", "ph", "b", "bh", "m", "y", "r", "r", "l", // 0x29–0x32
        "l", "l", "v", "sh", "sh", "s", "h", // 0x33–0x39
    ];
    match offset {
        0x15..=0x39 => Some(TABLE[(offset - 0x15) as usize]),
        0x58 => Some("q"),
        0x59 => Some("kh"),
        0x5A => Some("g"),
        0x5B => Some("z"),
        0x5C | 0x5D => Some("r"),
        0x5E => Some("f"),
        0x5F => Some("y"),
        0x4E => Some("t"), // Bengali khanda ta
        0x7A..=0x7F => Some(["n", "n", "r", "l", "l", "k"][(offset - 0x7A) as usize]), // Malayalam chillu
        _ => None,
    }
}

fn vowel(offset: u32) -> Option<&'static str> {
    match offset {
        0x05 | 0x06 | 0x3E => Some("a"),
        0x07 | 0x08 | 0x3F | 0x40 => Some("i"),
        0x09 | 0x0A | 0x41 | 0x42 => Some("u"),
        0x0B | 0x43 | 0x44 | 0x60 => Some("ri"),
        0x0C | 0x61 => Some("li"),
        0x0D..=0x0F | 0x45..=0x47 => Some("e"),
        0x10 | 0x48 => Some("ai"),
        0x11..=0x13 | 0x49..=0x4B => Some("o"),
        0x14 | 0x4C | 0x57 => Some("au"),
        _ => None,
    }
}

fn is_vowel_sign(offset: u32) -> bool {
    matches!(offset, 0x3E..=0x4C | 0x57 | 0x62 | 0x63)
}

const VIRAMA: u32 = 0x4D;
const NUKTA: u32 = 0x3C;

#[derive(Debug)]
enum Unit {
    /// A consonant, with its vowel sign if it has one, or `None` for the inherent vowel.
    Consonant {
        latin: String,
        vowel: Option<&'static str>,
        virama: bool,
    },
    Vowel(&'static str),
    /// Anusvara or candrabindu: a nasal whose sound follows the next consonant.
    Nasal,
    Other(String),
}

fn units(word: &str) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for c in word.chars() {
        let Some((o, _)) = offset(c) else {
            units.push(Unit::Other(c.to_string()));
            continue;
        };
        if let Some(latin) = consonant(o) {
            // ज्ञ is read "gy" in names (Gyan), not "jny".
            if latin == "ny"
                && let Some(Unit::Consonant {
                    latin: previous,
                    virama: true,
                    ..
                }) = units.last_mut()
                && previous == "j"
            {
                *previous = "g".into();
                units.push(Unit::Consonant {
                    latin: "y".into(),
                    vowel: None,
                    virama: false,
                });
                continue;
            }
            units.push(Unit::Consonant {
                latin: latin.into(),
                vowel: None,
                virama: false,
            });
        } else if o == NUKTA {
            if let Some(Unit::Consonant { latin, .. }) = units.last_mut() {
                *latin = match latin.as_str() {
                    "k" => "q",
                    "kh" => "kh",
                    "g" => "g",
                    "j" => "z",
                    "d" | "dh" => "r",
                    "ph" => "f",
                    "y" => "y",
                    other => other,
                }
                .to_string();
            }
        } else if o == VIRAMA {
            if let Some(Unit::Consonant { virama, .. }) = units.last_mut() {
                *virama = true;
            }
        } else if is_vowel_sign(o) {
            match (units.last_mut(), vowel(o)) {
                (
                    Some(Unit::Consonant {
                        vowel: slot @ None,
                        virama: false,
                        ..
                    }),
                    Some(v),
                ) => *slot = Some(v),
                (_, Some(v)) => units.push(Unit::Vowel(v)),
                _ => {}
            }
        } else if let Some(v) = vowel(o) {
            units.push(Unit::Vowel(v));
        } else if matches!(o, 0x01 | 0x02) {
            units.push(Unit::Nasal);
        } else if o == 0x03 {
            units.push(Unit::Other("h".into()));
        } else if (0x66..=0x6F).contains(&o) {
            units.push(Unit::Other(char::from(b'0' + (o - 0x66) as u8).to_string()));
        }
        // Avagraha, stress marks and the like are left out.
    }
    units
}

/// Whether the unit ends in a spoken vowel once inherent vowels are decided.
fn sounds_a_vowel(unit: &Unit, inherent: bool) -> bool {
    match unit {
        Unit::Vowel(_) => true,
        Unit::Consonant { vowel: Some(_), .. } => true,
        Unit::Consonant {
            vowel: None,
            virama: false,
            ..
        } => inherent,
        _ => false,
    }
}

/// Transliterates one word (no spaces) of an Indic script, in lower case.
pub(crate) fn word(word: &str) -> String {
    let drops_schwa = word.chars().find_map(offset).is_some_and(|(_, drop)| drop);
    let units = units(word);
    let count = units.len();
    // Decide the inherent vowels: kept by default, then dropped at the end of the word
    // (unless after a conjunct, as in श्रेष्ठ, Shrestha) and in V C _ C V (कमला, Kamla).
    let mut inherent: Vec<bool> = units
        .iter()
        .map(|u| {
            matches!(
                u,
                Unit::Consonant {
                    vowel: None,
                    virama: false,
                    ..
                }
            )
        })
        .collect();
    if drops_schwa {
        let last = (0..count)
            .rev()
            .find(|&i| matches!(units[i], Unit::Consonant { .. } | Unit::Vowel(_)));
        if let Some(last) = last
            && inherent[last]
        {
            let after_conjunct =
                last > 0 && matches!(units[last - 1], Unit::Consonant { virama: true, .. });
            if !after_conjunct {
                inherent[last] = false;
            }
        }
        for i in 1..count.saturating_sub(1) {
            if !inherent[i] {
                continue;
            }
            let before = sounds_a_vowel(&units[i - 1], inherent[i - 1]);
            let next_is_cv = matches!(units[i + 1], Unit::Consonant { virama: false, .. })
                && sounds_a_vowel(&units[i + 1], inherent[i + 1]);
            if before && next_is_cv {
                inherent[i] = false;
            }
        }
    }
    // Tamil writes voiced and voiceless stops alike: க is "g" between vowels (Murugan), and ச
    // alone is "s" (Sunil, Selvi).
    let tamil = word
        .chars()
        .any(|c| (0x0B80..0x0C00).contains(&u32::from(c)));
    let mut out = String::new();
    for (i, unit) in units.iter().enumerate() {
        match unit {
            Unit::Consonant {
                latin,
                vowel,
                virama,
            } => {
                let between_vowels = i > 0
                    && sounds_a_vowel(&units[i - 1], inherent[i - 1])
                    && (vowel.is_some() || inherent[i]);
                let latin = match latin.as_str() {
                    "k" if tamil && between_vowels => "g",
                    "ch" if tamil && !*virama && !out.ends_with("ch") => "s",
                    other => other,
                };
                out.push_str(latin);
                if let Some(v) = vowel {
                    out.push_str(v);
                } else if inherent[i] {
                    out.push('a');
                }
            }
            Unit::Vowel(v) => out.push_str(v),
            Unit::Nasal => {
                let next = units.get(i + 1).and_then(|u| match u {
                    Unit::Consonant { latin, .. } => latin.chars().next(),
                    _ => None,
                });
                out.push_str(match next {
                    Some('p' | 'b' | 'm') => "m",
                    Some('h' | 'k' | 'g') => "ng",
                    _ => "n",
                });
            }
            Unit::Other(text) => out.push_str(text),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn names_read_as_they_are_spelt_in_latin_letters() {
        for (native, latin) in [
            ("सीता", "sita"),
            ("शर्मा", "sharma"),
            ("लक्ष्मण", "lakshman"),
            ("बस्नेत", "basnet"),
            ("श्रेष्ठ", "shreshtha"),
            ("ज्ञान", "gyan"),
            ("बहादुर", "bahadur"),
            ("कमला", "kamla"),
            ("राजेश", "rajesh"),
            ("कुमार", "kumar"),
            ("सिंह", "singh"),
            ("गुरुङ", "gurung"),
            ("दीपक", "dipak"),
            ("विजय", "vijay"),
            ("प्रिया", "priya"),
            ("अनीता", "anita"),
            ("वर्मा", "varma"),
            ("थापा", "thapa"),
            ("आयेशा", "ayesha"),
            ("আয়েশা", "ayesha"),
            ("আক্তার", "aktar"),
            ("রহিম", "rahim"),
            ("নাসরিন", "nasrin"),
            ("ফাতেমা", "phatema"),
            ("হোসেন", "hosen"),
            ("কামাল", "kamal"),
            ("ইসলাম", "islam"),
            ("জাহিদ", "jahid"),
            ("முருகன்", "murugan"),
            ("சுனில்", "sunil"),
        ] {
            assert_eq!(word(native), latin, "{native}");
        }
    }
}
