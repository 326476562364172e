//! ISO 3166-1 countries: the static list the app offers, and lookup by code, name or alias.
//!
//! The tables below were generated once from pycountry's ISO 3166-1 data and its French and
//! Spanish (fr/es) gettext translations, with light hand edits: short everyday English names
//! (pycountry's `common_name` where it has one, "Republic of Korea", "Lao PDR"), French and
//! Spanish names in natural order ("République de Corée", not "Corée, République de"), a few
//! spelling fixes, and extra aliases (ISO, official and common names in all three languages,
//! plus forms facilitators type: "Vietnam", "Laos", "South Korea", "Burma", "UK", "USA", ...).
//! Edit the tables by hand from now on.
//!
//! Matching folds text with [`any_ascii`] and lowercases it, drops apostrophes and full stops,
//! reads `&` as "and", turns other punctuation into spaces, squeezes spaces and drops a leading
//! "the": "Côte d’Ivoire", "cote d'ivoire" and "COTE DIVOIRE" all fold to "cote divoire", and
//! "The Gambia" to "gambia".

use std::sync::LazyLock;

/// A country or territory of ISO 3166-1, with its display names in the app's languages.
#[derive(Debug, Clone, Copy, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, upper case ("VN").
    pub code: &'static str,
    /// English display name.
    pub en: &'static str,
    /// French display name.
    pub fr: &'static str,
    /// Spanish display name.
    pub es: &'static str,
}

/// The alpha-3 code and the other names a country is known by.
#[derive(Debug)]
struct Extra {
    code: &'static str,
    alpha3: &'static str,
    /// ISO and common names, their translations, and everyday forms; found and searched.
    aliases: &'static [&'static str],
    /// Official long names ("Swiss Confederation"); found by [`find`] but left out of
    /// [`search`], where their "Republic of" and "State of" would only add noise.
    formal: &'static [&'static str],
}

impl Country {
    /// The name in `language` ("en", "fr", "es"; anything else: English).
    pub fn name(&self, language: &str) -> &'static str {
        match language {
            "fr" => self.fr,
            "es" => self.es,
            _ => self.en,
        }
    }
}

const fn c(code: &'static str, en: &'static str, fr: &'static str, es: &'static str) -> Country {
    Country { code, en, fr, es }
}

const fn x(
    code: &'static str,
    alpha3: &'static str,
    aliases: &'static [&'static str],
    formal: &'static [&'static str],
) -> Extra {
    Extra {
        code,
        alpha3,
        aliases,
        formal,
    }
}

/// A country with its alpha-3 code and the other names it is known by, so that a picker in the
/// interface matches what [`find`] and [`search`] match ("Vietnam", "Laos", "South Korea").
#[derive(Debug, Clone, Copy, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CountryEntry {
    #[serde(flatten)]
    pub country: Country,
    pub alpha3: &'static str,
    pub aliases: &'static [&'static str],
}

/// Every country with its aliases, in the order of [`COUNTRIES`].
pub fn entries() -> Vec<CountryEntry> {
    COUNTRIES
        .iter()
        .zip(EXTRAS)
        .map(|(country, extra)| CountryEntry {
            country: *country,
            alpha3: extra.alpha3,
            aliases: extra.aliases,
        })
        .collect()
}

/// Looks a country up by its alpha-2 code, ignoring case and surrounding spaces.
#[must_use]
pub fn by_code(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    COUNTRIES
        .iter()
        .find(|country| country.code.eq_ignore_ascii_case(code))
}

/// Resolves an alpha-2 or alpha-3 code, or a name in English, French or Spanish, or a known
/// alias, to a country. The comparison is exact after folding (see the module documentation):
/// no prefixes, no fuzzy matching.
#[must_use]
pub fn find(text: &str) -> Option<&'static Country> {
    let key = fold(text);
    if key.is_empty() {
        return None;
    }
    let index = &INDEX.keys;
    let at = index.partition_point(|entry| entry.folded.as_str() < key.as_str());
    index
        .get(at)
        .filter(|entry| entry.folded == key)
        .and_then(|entry| COUNTRIES.get(entry.country))
}

/// Countries for a typeahead, best first, at most `limit` of them.
///
/// Countries whose English name starts with the folded query come first, then those with
/// another name, alias or code starting with it, then those with a word of a name or alias
/// starting with it, then those with a name or alias containing it; within each group, in the
/// order of [`COUNTRIES`] (English name). Codes only match as prefixes, official long names
/// not at all. An empty query lists the countries in that order.
#[must_use]
pub fn search(prefix: &str, limit: usize) -> Vec<&'static Country> {
    let query = fold(prefix);
    if query.is_empty() {
        return COUNTRIES.iter().take(limit).collect();
    }
    let word_start = format!(" {query}");
    let mut best: Vec<Option<u8>> = vec![None; COUNTRIES.len()];
    for entry in &INDEX.keys {
        let rank = if entry.kind == Kind::Formal {
            None
        } else if entry.folded.starts_with(query.as_str()) {
            Some(if entry.kind == Kind::English { 0 } else { 1 })
        } else if entry.kind == Kind::Code {
            None
        } else if entry.folded.contains(word_start.as_str()) {
            Some(2)
        } else if entry.folded.contains(query.as_str()) {
            Some(3)
        } else {
            None
        };
        if let (Some(rank), Some(slot)) = (rank, best.get_mut(entry.country))
            && slot.is_none_or(|old| rank < old)
        {
            *slot = Some(rank);
        }
    }
    let mut found: Vec<(u8, usize)> = best
        .iter()
        .enumerate()
        .filter_map(|(country, rank)| rank.map(|rank| (rank, country)))
        .collect();
    found.sort_unstable();
    found
        .into_iter()
        .filter_map(|(_, country)| COUNTRIES.get(country))
        .take(limit)
        .collect()
}

/// Folds text for comparison: ASCII transliteration, lower case, no apostrophes or full stops,
/// `&` read as "and", other punctuation as spaces, single spaces, no leading "the".
fn fold(text: &str) -> String {
    let ascii = any_ascii::any_ascii(text);
    let mut out = String::with_capacity(ascii.len());
    let mut space = false;
    for ch in ascii.chars() {
        if ch.is_ascii_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(ch.to_ascii_lowercase());
        } else if ch == '&' {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str("and");
            space = true;
        } else if ch != '\'' && ch != '.' {
            space = true;
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => out,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    English,
    Name,
    Code,
    Formal,
}

#[derive(Debug)]
struct Key {
    folded: String,
    country: usize,
    kind: Kind,
}

#[derive(Debug)]
struct Index {
    /// Folded keys sorted by key; for a key claimed by several countries (there are none in
    /// the tables, a test checks it) the first country in [`COUNTRIES`] order wins.
    keys: Vec<Key>,
}

static INDEX: LazyLock<Index> = LazyLock::new(build_index);

fn build_index() -> Index {
    let mut keys = Vec::with_capacity(COUNTRIES.len() * 8);
    for (country, (entry, extra)) in COUNTRIES.iter().zip(EXTRAS).enumerate() {
        let mut add = |text: &str, kind: Kind| {
            let key = fold(text);
            if !key.is_empty() {
                keys.push(Key {
                    folded: key,
                    country,
                    kind,
                });
            }
        };
        add(entry.en, Kind::English);
        add(entry.code, Kind::Code);
        add(entry.fr, Kind::Name);
        add(entry.es, Kind::Name);
        // The tables are parallel (a test checks it): never give one country another's names.
        debug_assert_eq!(entry.code, extra.code);
        if entry.code == extra.code {
            add(extra.alpha3, Kind::Code);
            for alias in extra.aliases {
                add(alias, Kind::Name);
            }
            for name in extra.formal {
                add(name, Kind::Formal);
            }
        }
    }
    // Sort by key, then country, then the strongest kind, and keep one entry per key.
    keys.sort_by(|a, b| (&a.folded, a.country, a.kind).cmp(&(&b.folded, b.country, b.kind)));
    keys.dedup_by(|later, earlier| later.folded == earlier.folded);
    Index { keys }
}

/// The 249 entries of ISO 3166-1 (countries and territories), sorted by English name with
/// accents folded ("Åland Islands" after "Afghanistan", "Côte d'Ivoire" after "Costa Rica").
pub static COUNTRIES: &[Country] = &[
    c("AF", "Afghanistan", "Afghanistan", "Afganistán"),
    c("AX", "Åland Islands", "Îles Åland", "Islas Åland"),
    c("AL", "Albania", "Albanie", "Albania"),
    c("DZ", "Algeria", "Algérie", "Algeria"),
    c(
        "AS",
        "American Samoa",
        "Samoa américaines",
        "Samoa Estadounidense",
    ),
    c("AD", "Andorra", "Andorre", "Andorra"),
    c("AO", "Angola", "Angola", "Angola"),
    c("AI", "Anguilla", "Anguilla", "Anguila"),
    c("AQ", "Antarctica", "Antarctique", "Antártida"),
    c(
        "AG",
        "Antigua and Barbuda",
        "Antigua-et-Barbuda",
        "Antigua y Barbuda",
    ),
    c("AR", "Argentina", "Argentine", "Argentina"),
    c("AM", "Armenia", "Arménie", "Armenia"),
    c("AW", "Aruba", "Aruba", "Aruba"),
    c("AU", "Australia", "Australie", "Australia"),
    c("AT", "Austria", "Autriche", "Austria"),
    c("AZ", "Azerbaijan", "Azerbaïdjan", "Azerbaiyán"),
    c("BS", "Bahamas", "Bahamas", "Bahamas"),
    c("BH", "Bahrain", "Bahreïn", "Baréin"),
    c("BD", "Bangladesh", "Bangladesh", "Bangladés"),
    c("BB", "Barbados", "Barbade", "Barbados"),
    c("BY", "Belarus", "Bélarus", "Bielorrusia"),
    c("BE", "Belgium", "Belgique", "Bélgica"),
    c("BZ", "Belize", "Belize", "Belice"),
    c("BJ", "Benin", "Bénin", "Benín"),
    c("BM", "Bermuda", "Bermudes", "Islas Bermudas"),
    c("BT", "Bhutan", "Bhoutan", "Bután"),
    c("BO", "Bolivia", "Bolivie", "Bolivia"),
    c(
        "BQ",
        "Bonaire, Sint Eustatius and Saba",
        "Bonaire, Saint-Eustache et Saba",
        "Bonaire, San Eustaquio y Saba",
    ),
    c(
        "BA",
        "Bosnia and Herzegovina",
        "Bosnie-Herzégovine",
        "Bosnia y Herzegovina",
    ),
    c("BW", "Botswana", "Botswana", "Botsuana"),
    c("BV", "Bouvet Island", "Île Bouvet", "Isla Bouvet"),
    c("BR", "Brazil", "Brésil", "Brasil"),
    c(
        "IO",
        "British Indian Ocean Territory",
        "Territoire britannique de l'océan Indien",
        "Territorio Británico del Océano Índico",
    ),
    c(
        "VG",
        "British Virgin Islands",
        "Îles Vierges britanniques",
        "Islas Vírgenes Británicas",
    ),
    c(
        "BN",
        "Brunei Darussalam",
        "Brunéi Darussalam",
        "Brunei Darussalam",
    ),
    c("BG", "Bulgaria", "Bulgarie", "Bulgaria"),
    c("BF", "Burkina Faso", "Burkina Faso", "Burquina Faso"),
    c("BI", "Burundi", "Burundi", "Burundi"),
    c("CV", "Cabo Verde", "Cap-Vert", "Cabo Verde"),
    c("KH", "Cambodia", "Cambodge", "Camboya"),
    c("CM", "Cameroon", "Cameroun", "Camerún"),
    c("CA", "Canada", "Canada", "Canadá"),
    c("KY", "Cayman Islands", "Îles Caïmans", "Islas Caimán"),
    c(
        "CF",
        "Central African Republic",
        "République centrafricaine",
        "República Centroafricana",
    ),
    c("TD", "Chad", "Tchad", "Chad"),
    c("CL", "Chile", "Chili", "Chile"),
    c("CN", "China", "Chine", "China"),
    c("CX", "Christmas Island", "Île Christmas", "Isla de Navidad"),
    c(
        "CC",
        "Cocos (Keeling) Islands",
        "Îles Cocos (Keeling)",
        "Islas Cocos (Keeling)",
    ),
    c("CO", "Colombia", "Colombie", "Colombia"),
    c("KM", "Comoros", "Comores", "Comoras"),
    c("CG", "Congo", "République du Congo", "Congo"),
    c("CK", "Cook Islands", "Îles Cook", "Islas Cook"),
    c("CR", "Costa Rica", "Costa Rica", "Costa Rica"),
    c("CI", "Côte d'Ivoire", "Côte d'Ivoire", "Costa de Marfil"),
    c("HR", "Croatia", "Croatie", "Croacia"),
    c("CU", "Cuba", "Cuba", "Cuba"),
    c("CW", "Curaçao", "Curaçao", "Curazao"),
    c("CY", "Cyprus", "Chypre", "Chipre"),
    c("CZ", "Czechia", "Tchéquie", "Chequia"),
    c(
        "KP",
        "Democratic People's Republic of Korea",
        "République populaire démocratique de Corée",
        "República Popular Democrática de Corea",
    ),
    c(
        "CD",
        "Democratic Republic of the Congo",
        "République démocratique du Congo",
        "República Democrática del Congo",
    ),
    c("DK", "Denmark", "Danemark", "Dinamarca"),
    c("DJ", "Djibouti", "Djibouti", "Yibuti"),
    c("DM", "Dominica", "Dominique", "Dominica"),
    c(
        "DO",
        "Dominican Republic",
        "République dominicaine",
        "República Dominicana",
    ),
    c("EC", "Ecuador", "Équateur", "Ecuador"),
    c("EG", "Egypt", "Égypte", "Egipto"),
    c("SV", "El Salvador", "Salvador", "El Salvador"),
    c(
        "GQ",
        "Equatorial Guinea",
        "Guinée équatoriale",
        "Guinea Ecuatorial",
    ),
    c("ER", "Eritrea", "Érythrée", "Eritrea"),
    c("EE", "Estonia", "Estonie", "Estonia"),
    c("SZ", "Eswatini", "Eswatini", "Esuatini"),
    c("ET", "Ethiopia", "Éthiopie", "Etiopía"),
    c(
        "FK",
        "Falkland Islands (Malvinas)",
        "Îles Malouines (Falkland)",
        "Islas Falkland (Malvinas)",
    ),
    c("FO", "Faroe Islands", "Îles Féroé", "Islas Feroe"),
    c("FJ", "Fiji", "Fidji", "Fiyi"),
    c("FI", "Finland", "Finlande", "Finlandia"),
    c("FR", "France", "France", "Francia"),
    c(
        "GF",
        "French Guiana",
        "Guyane française",
        "Guayana Francesa",
    ),
    c(
        "PF",
        "French Polynesia",
        "Polynésie française",
        "Polinesia Francesa",
    ),
    c(
        "TF",
        "French Southern Territories",
        "Terres australes françaises",
        "Territorios Franceses del Sur",
    ),
    c("GA", "Gabon", "Gabon", "Gabón"),
    c("GM", "Gambia", "Gambie", "Gambia"),
    c("GE", "Georgia", "Géorgie", "Georgia"),
    c("DE", "Germany", "Allemagne", "Alemania"),
    c("GH", "Ghana", "Ghana", "Ghana"),
    c("GI", "Gibraltar", "Gibraltar", "Gibraltar"),
    c("GR", "Greece", "Grèce", "Grecia"),
    c("GL", "Greenland", "Groënland", "Groenlandia"),
    c("GD", "Grenada", "Grenade", "Granada"),
    c("GP", "Guadeloupe", "Guadeloupe", "Guadalupe"),
    c("GU", "Guam", "Guam", "Guam"),
    c("GT", "Guatemala", "Guatemala", "Guatemala"),
    c("GG", "Guernsey", "Guernesey", "Guernsey"),
    c("GN", "Guinea", "Guinée", "Guinea"),
    c("GW", "Guinea-Bissau", "Guinée-Bissau", "Guinea-Bisáu"),
    c("GY", "Guyana", "Guyana", "Guyana"),
    c("HT", "Haiti", "Haïti", "Haití"),
    c(
        "HM",
        "Heard Island and McDonald Islands",
        "Îles Heard-et-MacDonald",
        "Isla Heard e Islas McDonald",
    ),
    c("VA", "Holy See", "Saint-Siège", "Santa Sede"),
    c("HN", "Honduras", "Honduras", "Honduras"),
    c("HK", "Hong Kong", "Hong Kong", "Hong Kong"),
    c("HU", "Hungary", "Hongrie", "Hungría"),
    c("IS", "Iceland", "Islande", "Islandia"),
    c("IN", "India", "Inde", "India"),
    c("ID", "Indonesia", "Indonésie", "Indonesia"),
    c("IR", "Iran", "Iran", "Irán"),
    c("IQ", "Iraq", "Irak", "Irak"),
    c("IE", "Ireland", "Irlande", "Irlanda"),
    c("IM", "Isle of Man", "Île de Man", "Isla de Man"),
    c("IL", "Israel", "Israël", "Israel"),
    c("IT", "Italy", "Italie", "Italia"),
    c("JM", "Jamaica", "Jamaïque", "Jamaica"),
    c("JP", "Japan", "Japon", "Japón"),
    c("JE", "Jersey", "Jersey", "Jersey"),
    c("JO", "Jordan", "Jordanie", "Jordania"),
    c("KZ", "Kazakhstan", "Kazakhstan", "Kazajistán"),
    c("KE", "Kenya", "Kenya", "Kenia"),
    c("KI", "Kiribati", "Kiribati", "Kiribati"),
    c("KW", "Kuwait", "Koweït", "Kuwait"),
    c("KG", "Kyrgyzstan", "Kirghizistan", "Kirguistán"),
    c("LA", "Lao PDR", "RDP lao", "RDP Lao"),
    c("LV", "Latvia", "Lettonie", "Letonia"),
    c("LB", "Lebanon", "Liban", "Líbano"),
    c("LS", "Lesotho", "Lesotho", "Lesoto"),
    c("LR", "Liberia", "Libéria", "Liberia"),
    c("LY", "Libya", "Libye", "Libia"),
    c("LI", "Liechtenstein", "Liechtenstein", "Liechtenstein"),
    c("LT", "Lithuania", "Lituanie", "Lituania"),
    c("LU", "Luxembourg", "Luxembourg", "Luxemburgo"),
    c("MO", "Macao", "Macau", "Macao"),
    c("MG", "Madagascar", "Madagascar", "Madagascar"),
    c("MW", "Malawi", "Malawi", "Malaui"),
    c("MY", "Malaysia", "Malaisie", "Malasia"),
    c("MV", "Maldives", "Maldives", "Islas Maldivas"),
    c("ML", "Mali", "Mali", "Malí"),
    c("MT", "Malta", "Malte", "Malta"),
    c("MH", "Marshall Islands", "Îles Marshall", "Islas Marshall"),
    c("MQ", "Martinique", "Martinique", "Martinica"),
    c("MR", "Mauritania", "Mauritanie", "Mauritania"),
    c("MU", "Mauritius", "Maurice", "Mauricio"),
    c("YT", "Mayotte", "Mayotte", "Mayotte"),
    c("MX", "Mexico", "Mexique", "México"),
    c("FM", "Micronesia", "Micronésie", "Micronesia"),
    c("MD", "Moldova", "Moldavie", "Moldavia"),
    c("MC", "Monaco", "Monaco", "Mónaco"),
    c("MN", "Mongolia", "Mongolie", "Mongolia"),
    c("ME", "Montenegro", "Monténégro", "Montenegro"),
    c("MS", "Montserrat", "Montserrat", "Montserrat"),
    c("MA", "Morocco", "Maroc", "Marruecos"),
    c("MZ", "Mozambique", "Mozambique", "Mozambique"),
    c("MM", "Myanmar", "Birmanie", "Birmania"),
    c("NA", "Namibia", "Namibie", "Namibia"),
    c("NR", "Nauru", "Nauru", "Nauru"),
    c("NP", "Nepal", "Népal", "Nepal"),
    c("NL", "Netherlands", "Pays-Bas", "Países Bajos"),
    c(
        "NC",
        "New Caledonia",
        "Nouvelle-Calédonie",
        "Nueva Caledonia",
    ),
    c("NZ", "New Zealand", "Nouvelle-Zélande", "Nueva Zelanda"),
    c("NI", "Nicaragua", "Nicaragua", "Nicaragua"),
    c("NE", "Niger", "Niger", "Niger"),
    c("NG", "Nigeria", "Nigeria", "Nigeria"),
    c("NU", "Niue", "Nioue", "Niue"),
    c("NF", "Norfolk Island", "Île Norfolk", "Isla Norfolk"),
    c(
        "MK",
        "North Macedonia",
        "Macédoine du Nord",
        "Macedonia del Norte",
    ),
    c(
        "MP",
        "Northern Mariana Islands",
        "Îles Mariannes du Nord",
        "Islas Marianas del Norte",
    ),
    c("NO", "Norway", "Norvège", "Noruega"),
    c("OM", "Oman", "Oman", "Omán"),
    c("PK", "Pakistan", "Pakistan", "Pakistán"),
    c("PW", "Palau", "Palaos", "Palaos"),
    c("PS", "Palestine", "Palestine", "Palestina"),
    c("PA", "Panama", "Panama", "Panamá"),
    c(
        "PG",
        "Papua New Guinea",
        "Papouasie-Nouvelle-Guinée",
        "Papúa Nueva Guinea",
    ),
    c("PY", "Paraguay", "Paraguay", "Paraguay"),
    c("PE", "Peru", "Pérou", "Perú"),
    c("PH", "Philippines", "Philippines", "Filipinas"),
    c("PN", "Pitcairn", "Îles Pitcairn", "Pitcairn"),
    c("PL", "Poland", "Pologne", "Polonia"),
    c("PT", "Portugal", "Portugal", "Portugal"),
    c("PR", "Puerto Rico", "Porto Rico", "Puerto Rico"),
    c("QA", "Qatar", "Qatar", "Catar"),
    c(
        "KR",
        "Republic of Korea",
        "République de Corée",
        "República de Corea",
    ),
    c("RE", "Réunion", "La Réunion", "Reunión"),
    c("RO", "Romania", "Roumanie", "Rumanía"),
    c(
        "RU",
        "Russian Federation",
        "Fédération de Russie",
        "Federación Rusa",
    ),
    c("RW", "Rwanda", "Rwanda", "Ruanda"),
    c(
        "BL",
        "Saint Barthélemy",
        "Saint-Barthélemy",
        "San Bartolomé",
    ),
    c(
        "SH",
        "Saint Helena, Ascension and Tristan da Cunha",
        "Sainte-Hélène, Ascension et Tristan da Cunha",
        "Santa Elena, Ascensión y Tristán de Acuña",
    ),
    c(
        "KN",
        "Saint Kitts and Nevis",
        "Saint-Christophe-et-Niévès",
        "San Cristóbal y Nieves",
    ),
    c("LC", "Saint Lucia", "Sainte-Lucie", "Santa Lucía"),
    c(
        "MF",
        "Saint Martin (French part)",
        "Saint-Martin (partie française)",
        "San Martín (zona francesa)",
    ),
    c(
        "PM",
        "Saint Pierre and Miquelon",
        "Saint-Pierre-et-Miquelon",
        "San Pedro y Miquelon",
    ),
    c(
        "VC",
        "Saint Vincent and the Grenadines",
        "Saint-Vincent-et-les-Grenadines",
        "San Vicente y las Granadinas",
    ),
    c("WS", "Samoa", "Samoa", "Samoa"),
    c("SM", "San Marino", "Saint-Marin", "San Marino"),
    c(
        "ST",
        "Sao Tome and Principe",
        "Sao Tomé-et-Principe",
        "Santo Tomé y Príncipe",
    ),
    c("SA", "Saudi Arabia", "Arabie saoudite", "Arabia Saudí"),
    c("SN", "Senegal", "Sénégal", "Senegal"),
    c("RS", "Serbia", "Serbie", "Serbia"),
    c("SC", "Seychelles", "Seychelles", "Seychelles"),
    c("SL", "Sierra Leone", "Sierra Leone", "Sierra Leona"),
    c("SG", "Singapore", "Singapour", "Singapur"),
    c(
        "SX",
        "Sint Maarten (Dutch part)",
        "Saint-Martin (partie néerlandaise)",
        "Isla de San Martín (zona holandesa)",
    ),
    c("SK", "Slovakia", "Slovaquie", "Eslovaquia"),
    c("SI", "Slovenia", "Slovénie", "Eslovenia"),
    c("SB", "Solomon Islands", "Îles Salomon", "Islas Salomón"),
    c("SO", "Somalia", "Somalie", "Somalia"),
    c("ZA", "South Africa", "Afrique du Sud", "Sudáfrica"),
    c(
        "GS",
        "South Georgia and the South Sandwich Islands",
        "Géorgie du Sud et les îles Sandwich du Sud",
        "Islas Georgias del Sur y Sándwich del Sur",
    ),
    c("SS", "South Sudan", "Soudan du Sud", "Sudán del Sur"),
    c("ES", "Spain", "Espagne", "España"),
    c("LK", "Sri Lanka", "Sri Lanka", "Sri Lanka"),
    c("SD", "Sudan", "Soudan", "Sudán"),
    c("SR", "Suriname", "Surinam", "Surinam"),
    c(
        "SJ",
        "Svalbard and Jan Mayen",
        "Svalbard et île Jan Mayen",
        "Svalbard y Jan Mayen",
    ),
    c("SE", "Sweden", "Suède", "Suecia"),
    c("CH", "Switzerland", "Suisse", "Suiza"),
    c("SY", "Syria", "Syrie", "Siria"),
    c("TW", "Taiwan, China", "Taïwan, Chine", "Taiwán, China"),
    c("TJ", "Tajikistan", "Tadjikistan", "Tayikistán"),
    c("TZ", "Tanzania", "Tanzanie", "Tanzania"),
    c("TH", "Thailand", "Thaïlande", "Tailandia"),
    c("TL", "Timor-Leste", "Timor oriental", "Timor Oriental"),
    c("TG", "Togo", "Togo", "Togo"),
    c("TK", "Tokelau", "Tokelau", "Tokelau"),
    c("TO", "Tonga", "Tonga", "Tonga"),
    c(
        "TT",
        "Trinidad and Tobago",
        "Trinité-et-Tobago",
        "Trinidad y Tobago",
    ),
    c("TN", "Tunisia", "Tunisie", "Túnez"),
    c("TR", "Türkiye", "Turquie", "Turquía"),
    c("TM", "Turkmenistan", "Turkménistan", "Turkmenistán"),
    c(
        "TC",
        "Turks and Caicos Islands",
        "Îles Turques-et-Caïques",
        "Islas Turcas y Caicos",
    ),
    c("TV", "Tuvalu", "Tuvalu", "Tuvalu"),
    c("UG", "Uganda", "Ouganda", "Uganda"),
    c("UA", "Ukraine", "Ukraine", "Ucrania"),
    c(
        "AE",
        "United Arab Emirates",
        "Émirats arabes unis",
        "Emiratos Árabes Unidos",
    ),
    c("GB", "United Kingdom", "Royaume-Uni", "Reino Unido"),
    c("US", "United States", "États-Unis", "Estados Unidos"),
    c(
        "UM",
        "United States Minor Outlying Islands",
        "Îles mineures éloignées des États-Unis",
        "Islas Ultramarinas Menores de Estados Unidos",
    ),
    c("UY", "Uruguay", "Uruguay", "Uruguay"),
    c(
        "VI",
        "U.S. Virgin Islands",
        "Îles Vierges des États-Unis",
        "Islas Vírgenes de los Estados Unidos",
    ),
    c("UZ", "Uzbekistan", "Ouzbékistan", "Uzbekistán"),
    c("VU", "Vanuatu", "Vanuatu", "Vanuatu"),
    c("VE", "Venezuela", "Venezuela", "Venezuela"),
    c("VN", "Viet Nam", "Viêt Nam", "Vietnam"),
    c(
        "WF",
        "Wallis and Futuna",
        "Wallis et Futuna",
        "Wallis y Futuna",
    ),
    c(
        "EH",
        "Western Sahara",
        "Sahara occidental",
        "Sahara Occidental",
    ),
    c("YE", "Yemen", "Yémen", "Yemen"),
    c("ZM", "Zambia", "Zambie", "Zambia"),
    c("ZW", "Zimbabwe", "Zimbabwe", "Zimbabue"),
];

/// The alpha-3 code and other names of each entry of [`COUNTRIES`], in the same order.
static EXTRAS: &[Extra] = &[
    x(
        "AF",
        "AFG",
        &[],
        &[
            "Islamic Republic of Afghanistan",
            "République islamique d'Afghanistan",
            "República Islámica de Afganistán",
        ],
    ),
    x("AX", "ALA", &["Åland, Îles"], &[]),
    x(
        "AL",
        "ALB",
        &[],
        &[
            "Republic of Albania",
            "République d'Albanie",
            "República de Albania",
        ],
    ),
    x(
        "DZ",
        "DZA",
        &[],
        &[
            "People's Democratic Republic of Algeria",
            "République algérienne démocratique et populaire",
            "República Democrática Popular de Argelia",
        ],
    ),
    x("AS", "ASM", &[], &[]),
    x(
        "AD",
        "AND",
        &[],
        &[
            "Principality of Andorra",
            "Principauté d'Andorre",
            "Principado de Andorra",
        ],
    ),
    x(
        "AO",
        "AGO",
        &[],
        &[
            "Republic of Angola",
            "République d'Angola",
            "República de Angola",
        ],
    ),
    x("AI", "AIA", &[], &[]),
    x("AQ", "ATA", &[], &[]),
    x("AG", "ATG", &[], &[]),
    x(
        "AR",
        "ARG",
        &[],
        &[
            "Argentine Republic",
            "République d'Argentine",
            "República Argentina",
        ],
    ),
    x(
        "AM",
        "ARM",
        &[],
        &[
            "Republic of Armenia",
            "République d'Arménie",
            "República de Armenia",
        ],
    ),
    x("AW", "ABW", &[], &[]),
    x("AU", "AUS", &[], &[]),
    x(
        "AT",
        "AUT",
        &[],
        &[
            "Republic of Austria",
            "République d'Autriche",
            "República de Austria",
        ],
    ),
    x(
        "AZ",
        "AZE",
        &[],
        &[
            "Republic of Azerbaijan",
            "République d'Azerbaïdjan",
            "República de Azerbaiyán",
        ],
    ),
    x(
        "BS",
        "BHS",
        &[],
        &[
            "Commonwealth of the Bahamas",
            "Commonwealth des Bahamas",
            "Commonwealth de las Bahamas",
        ],
    ),
    x(
        "BH",
        "BHR",
        &[],
        &[
            "Kingdom of Bahrain",
            "Royaume de Bahreïn",
            "Reino de Baréin",
        ],
    ),
    x(
        "BD",
        "BGD",
        &[],
        &[
            "People's Republic of Bangladesh",
            "République populaire du Bengladesh",
            "República Popular de Bangladés",
        ],
    ),
    x("BB", "BRB", &[], &[]),
    x(
        "BY",
        "BLR",
        &[],
        &[
            "Republic of Belarus",
            "République du Bélarus",
            "República de Bielorrusia",
        ],
    ),
    x(
        "BE",
        "BEL",
        &[],
        &[
            "Kingdom of Belgium",
            "Royaume de Belgique",
            "Reino de Bélgica",
        ],
    ),
    x("BZ", "BLZ", &[], &[]),
    x(
        "BJ",
        "BEN",
        &[],
        &[
            "Republic of Benin",
            "République du Bénin",
            "República de Benín",
        ],
    ),
    x("BM", "BMU", &[], &[]),
    x(
        "BT",
        "BTN",
        &[],
        &["Kingdom of Bhutan", "Royaume du Bouthan", "Reino de Bután"],
    ),
    x(
        "BO",
        "BOL",
        &[
            "Bolivia, Plurinational State of",
            "Bolivie, état plurinational de",
            "Bolivia, Estado plurinacional de",
        ],
        &[
            "Plurinational State of Bolivia",
            "État plurinational de Bolivie",
            "Estado plurinacional de Bolivia",
        ],
    ),
    x("BQ", "BES", &["Islas BES (Caribe Neerlandés)"], &[]),
    x(
        "BA",
        "BIH",
        &[],
        &[
            "Republic of Bosnia and Herzegovina",
            "République de Bosnie et Herzégovine",
            "República de Bosnia y Hercegovina",
        ],
    ),
    x(
        "BW",
        "BWA",
        &[],
        &[
            "Republic of Botswana",
            "République du Botswana",
            "República de Botsuana",
        ],
    ),
    x("BV", "BVT", &[], &[]),
    x(
        "BR",
        "BRA",
        &[],
        &[
            "Federative Republic of Brazil",
            "République fédérale du Brésil",
            "República Federativa de Brasil",
        ],
    ),
    x("IO", "IOT", &[], &[]),
    x("VG", "VGB", &["Virgin Islands, British", "BVI"], &[]),
    x("BN", "BRN", &["Brunei"], &[]),
    x(
        "BG",
        "BGR",
        &[],
        &[
            "Republic of Bulgaria",
            "République de Bulgarie",
            "República de Bulgaria",
        ],
    ),
    x("BF", "BFA", &[], &[]),
    x(
        "BI",
        "BDI",
        &[],
        &[
            "Republic of Burundi",
            "République du Burundi",
            "República de Burundi",
        ],
    ),
    x(
        "CV",
        "CPV",
        &["Cape Verde"],
        &[
            "Republic of Cabo Verde",
            "République du Cap-Vert",
            "República de Cabo Verde",
        ],
    ),
    x(
        "KH",
        "KHM",
        &[],
        &[
            "Kingdom of Cambodia",
            "Royaume du Cambodge",
            "Reino de Camboya",
        ],
    ),
    x(
        "CM",
        "CMR",
        &[],
        &[
            "Republic of Cameroon",
            "République du Cameroun",
            "República del Camerún",
        ],
    ),
    x("CA", "CAN", &[], &[]),
    x("KY", "CYM", &[], &[]),
    x("CF", "CAF", &[], &[]),
    x(
        "TD",
        "TCD",
        &[],
        &[
            "Republic of Chad",
            "République du Tchad",
            "República del Chad",
        ],
    ),
    x(
        "CL",
        "CHL",
        &[],
        &[
            "Republic of Chile",
            "République du Chili",
            "República de Chile",
        ],
    ),
    x(
        "CN",
        "CHN",
        &[
            "PRC",
            "People's Republic of China",
            "Chinese mainland",
            "Mainland China",
        ],
        &["République populaire de Chine", "República Popular China"],
    ),
    x("CX", "CXR", &["Christmas, Île"], &[]),
    x("CC", "CCK", &["Cocos (Keeling), Îles"], &[]),
    x(
        "CO",
        "COL",
        &[],
        &[
            "Republic of Colombia",
            "République de Colombie",
            "República de Colombia",
        ],
    ),
    x(
        "KM",
        "COM",
        &["Comores, Islas"],
        &[
            "Union of the Comoros",
            "Union des Comores",
            "Unión de las Comores",
        ],
    ),
    x(
        "CG",
        "COG",
        &[
            "Republic of the Congo",
            "Congo-Brazzaville",
            "Congo Republic",
        ],
        &["República del Congo"],
    ),
    x("CK", "COK", &[], &[]),
    x(
        "CR",
        "CRI",
        &[],
        &[
            "Republic of Costa Rica",
            "République du Costa Rica",
            "República de Costa Rica",
        ],
    ),
    x(
        "CI",
        "CIV",
        &["Ivory Coast"],
        &[
            "Republic of Côte d'Ivoire",
            "République de Côte d'Ivoire",
            "República de Costa de Marfíl",
        ],
    ),
    x(
        "HR",
        "HRV",
        &[],
        &[
            "Republic of Croatia",
            "République de Croatie",
            "República de Croacia",
        ],
    ),
    x(
        "CU",
        "CUB",
        &[],
        &[
            "Republic of Cuba",
            "République de Cuba",
            "República de Cuba",
        ],
    ),
    x("CW", "CUW", &[], &[]),
    x(
        "CY",
        "CYP",
        &[],
        &[
            "Republic of Cyprus",
            "République de Chypre",
            "República de Chipre",
        ],
    ),
    x(
        "CZ",
        "CZE",
        &["Czech Republic", "République tchèque", "República Checa"],
        &[],
    ),
    x(
        "KP",
        "PRK",
        &[
            "Korea, Democratic People's Republic of",
            "Corée, République populaire démocratique de",
            "Corea, República Democrática Popular de",
            "North Korea",
            "Corée du Nord",
            "Corea del Norte",
            "DPRK",
            "DPR Korea",
            "Korea, DPR",
            "Korea (North)",
        ],
        &["République démocratique populaire de Corée"],
    ),
    x(
        "CD",
        "COD",
        &[
            "Congo, The Democratic Republic of the",
            "Congo, República Democrática del",
            "DR Congo",
            "DRC",
            "Congo-Kinshasa",
            "Democratic Republic of Congo",
            "Congo, Democratic Republic of the",
            "RD Congo",
            "RDC",
        ],
        &[],
    ),
    x(
        "DK",
        "DNK",
        &[],
        &[
            "Kingdom of Denmark",
            "Royaume du Danemark",
            "Reino de Dinamarca",
        ],
    ),
    x(
        "DJ",
        "DJI",
        &[],
        &[
            "Republic of Djibouti",
            "République de Djibouti",
            "República de Yibuti",
        ],
    ),
    x(
        "DM",
        "DMA",
        &[],
        &[
            "Commonwealth of Dominica",
            "Commonwealth de la Dominique",
            "Commonwealth de Dominica",
        ],
    ),
    x("DO", "DOM", &[], &[]),
    x(
        "EC",
        "ECU",
        &[],
        &[
            "Republic of Ecuador",
            "République d'Équateur",
            "República del Ecuador",
        ],
    ),
    x(
        "EG",
        "EGY",
        &[],
        &[
            "Arab Republic of Egypt",
            "République arabe d'Égypte",
            "República Árabe de Egipto",
        ],
    ),
    x(
        "SV",
        "SLV",
        &[],
        &[
            "Republic of El Salvador",
            "République d'El Salvador",
            "República de El Salvador",
        ],
    ),
    x(
        "GQ",
        "GNQ",
        &[],
        &[
            "Republic of Equatorial Guinea",
            "République de Guinée Équatoriale",
            "República de Guinea Ecuatorial",
        ],
    ),
    x(
        "ER",
        "ERI",
        &[],
        &[
            "the State of Eritrea",
            "L'État d'Érythrée",
            "Estado de Eritrea",
        ],
    ),
    x(
        "EE",
        "EST",
        &[],
        &[
            "Republic of Estonia",
            "République d'Estonie",
            "República de Estonia",
        ],
    ),
    x(
        "SZ",
        "SWZ",
        &["Swaziland"],
        &[
            "Kingdom of Eswatini",
            "Royaume d’Eswatini",
            "Reino de Esuatini",
        ],
    ),
    x(
        "ET",
        "ETH",
        &[],
        &[
            "Federal Democratic Republic of Ethiopia",
            "République fédérale démocratique d'Éthiopie",
            "República Federal Democrática de Etiopía",
        ],
    ),
    x("FK", "FLK", &["Malouines, Îles (Falkland)"], &[]),
    x("FO", "FRO", &[], &[]),
    x(
        "FJ",
        "FJI",
        &[],
        &[
            "Republic of Fiji",
            "République des Fidji",
            "República de Fiyi",
        ],
    ),
    x(
        "FI",
        "FIN",
        &[],
        &[
            "Republic of Finland",
            "République de Finlande",
            "República de Finlandia",
        ],
    ),
    x(
        "FR",
        "FRA",
        &[],
        &[
            "French Republic",
            "République française",
            "República Francesa",
        ],
    ),
    x("GF", "GUF", &[], &[]),
    x("PF", "PYF", &[], &[]),
    x("TF", "ATF", &[], &[]),
    x(
        "GA",
        "GAB",
        &[],
        &[
            "Gabonese Republic",
            "République gabonaise",
            "República Gabonesa",
        ],
    ),
    x(
        "GM",
        "GMB",
        &[],
        &[
            "Republic of the Gambia",
            "République de Gambie",
            "República de Gambia",
        ],
    ),
    x("GE", "GEO", &[], &[]),
    x(
        "DE",
        "DEU",
        &[],
        &[
            "Federal Republic of Germany",
            "République fédérale d'Allemagne",
            "República Federal de Alemania",
        ],
    ),
    x(
        "GH",
        "GHA",
        &[],
        &[
            "Republic of Ghana",
            "République du Ghana",
            "República de Ghana",
        ],
    ),
    x("GI", "GIB", &[], &[]),
    x(
        "GR",
        "GRC",
        &[],
        &[
            "Hellenic Republic",
            "République grecque",
            "República Helénica",
        ],
    ),
    x("GL", "GRL", &[], &[]),
    x("GD", "GRD", &[], &[]),
    x("GP", "GLP", &[], &[]),
    x("GU", "GUM", &[], &[]),
    x(
        "GT",
        "GTM",
        &[],
        &[
            "Republic of Guatemala",
            "République du Guatemala",
            "República de Guatemala",
        ],
    ),
    x("GG", "GGY", &[], &[]),
    x(
        "GN",
        "GIN",
        &[],
        &[
            "Republic of Guinea",
            "République de Guinée",
            "República de Guinea",
        ],
    ),
    x(
        "GW",
        "GNB",
        &[],
        &[
            "Republic of Guinea-Bissau",
            "République de Guinée-Bissau",
            "República de Guinea-Bissau",
        ],
    ),
    x(
        "GY",
        "GUY",
        &[],
        &[
            "Republic of Guyana",
            "République de Guyana",
            "República de Guyana",
        ],
    ),
    x(
        "HT",
        "HTI",
        &[],
        &[
            "Republic of Haiti",
            "République de Haïti",
            "República de Haití",
        ],
    ),
    x("HM", "HMD", &[], &[]),
    x(
        "VA",
        "VAT",
        &[
            "Holy See (Vatican City State)",
            "Saint-Siège (état de la cité du Vatican)",
            "Santa Sede (Ciudad Estado del Vaticano)",
            "Vatican",
            "Vatican City",
            "Vatican City State",
        ],
        &[],
    ),
    x(
        "HN",
        "HND",
        &[],
        &[
            "Republic of Honduras",
            "République du Honduras",
            "República de Honduras",
        ],
    ),
    x(
        "HK",
        "HKG",
        &[
            "Hong Kong SAR",
            "Hong Kong, China",
            "Hong Kong SAR, China",
            "Hongkong",
        ],
        &[
            "Hong Kong Special Administrative Region of China",
            "Région spéciale administrative chinoise de Hong-Kong",
            "Región Administrativa Especial China de Hong Kong",
        ],
    ),
    x("HU", "HUN", &[], &[]),
    x(
        "IS",
        "ISL",
        &[],
        &[
            "Republic of Iceland",
            "République d'Islande",
            "República de Islandia",
        ],
    ),
    x(
        "IN",
        "IND",
        &[],
        &[
            "Republic of India",
            "République d'Inde",
            "República de la India",
        ],
    ),
    x(
        "ID",
        "IDN",
        &[],
        &[
            "Republic of Indonesia",
            "République d'Indonésie",
            "República de Indonesia",
        ],
    ),
    x(
        "IR",
        "IRN",
        &[
            "Iran, Islamic Republic of",
            "Iran, République islamique d'",
            "Irán, República islámica de",
            "Islamic Republic of Iran",
        ],
        &["République islamique d'Iran", "República Islámica de Irán"],
    ),
    x(
        "IQ",
        "IRQ",
        &[],
        &["Republic of Iraq", "République d'Iraq", "República de Irak"],
    ),
    x("IE", "IRL", &[], &[]),
    x("IM", "IMN", &[], &[]),
    x(
        "IL",
        "ISR",
        &[],
        &["State of Israel", "État d'Israël", "Estado de Israel"],
    ),
    x(
        "IT",
        "ITA",
        &[],
        &[
            "Italian Republic",
            "République italienne",
            "República Italiana",
        ],
    ),
    x("JM", "JAM", &[], &[]),
    x("JP", "JPN", &[], &[]),
    x("JE", "JEY", &[], &[]),
    x(
        "JO",
        "JOR",
        &[],
        &[
            "Hashemite Kingdom of Jordan",
            "Royaume hachémite de Jordanie",
            "Reino Hachemí de Jordania",
        ],
    ),
    x(
        "KZ",
        "KAZ",
        &[],
        &[
            "Republic of Kazakhstan",
            "République du Kazakhstan",
            "República de Kazajistán",
        ],
    ),
    x(
        "KE",
        "KEN",
        &[],
        &[
            "Republic of Kenya",
            "République du Kenya",
            "República de Kenia",
        ],
    ),
    x(
        "KI",
        "KIR",
        &[],
        &[
            "Republic of Kiribati",
            "République de Kiribati",
            "República de Kiribati",
        ],
    ),
    x(
        "KW",
        "KWT",
        &[],
        &["State of Kuwait", "État du Koweït", "Estado de Kuwait"],
    ),
    x(
        "KG",
        "KGZ",
        &["Kyrgyz Republic"],
        &["République kirghize", "República Kirguiza"],
    ),
    x(
        "LA",
        "LAO",
        &[
            "Lao People's Democratic Republic",
            "Lao, République démocratique populaire",
            "République démocratique populaire lao",
            "República Democrática Popular de Lao",
            "República Democrática Popular Lao",
            "Laos",
        ],
        &[],
    ),
    x(
        "LV",
        "LVA",
        &[],
        &[
            "Republic of Latvia",
            "République de Lettonie",
            "República de Letonia",
        ],
    ),
    x(
        "LB",
        "LBN",
        &[],
        &[
            "Lebanese Republic",
            "République libanaise",
            "República Libanesa",
        ],
    ),
    x(
        "LS",
        "LSO",
        &[],
        &[
            "Kingdom of Lesotho",
            "Royaume du Lesotho",
            "Reino de Lesoto",
        ],
    ),
    x(
        "LR",
        "LBR",
        &[],
        &[
            "Republic of Liberia",
            "République du Libéria",
            "República de Liberia",
        ],
    ),
    x("LY", "LBY", &[], &[]),
    x(
        "LI",
        "LIE",
        &[],
        &[
            "Principality of Liechtenstein",
            "Principauté du Liechtenstein",
            "Principado de Liechtenstein",
        ],
    ),
    x(
        "LT",
        "LTU",
        &[],
        &[
            "Republic of Lithuania",
            "République de Lituanie",
            "República de Lituania",
        ],
    ),
    x(
        "LU",
        "LUX",
        &[],
        &[
            "Grand Duchy of Luxembourg",
            "Grand-duché du Luxembourg",
            "Gran Ducado de Luxemburgo",
        ],
    ),
    x(
        "MO",
        "MAC",
        &["Macao SAR", "Macao, China"],
        &[
            "Macao Special Administrative Region of China",
            "Région spéciale administrative chinoise de Macao",
            "Región Administrativa Especial China de Macao",
        ],
    ),
    x(
        "MG",
        "MDG",
        &[],
        &[
            "Republic of Madagascar",
            "République de Madagascar",
            "República de Madagascar",
        ],
    ),
    x(
        "MW",
        "MWI",
        &[],
        &[
            "Republic of Malawi",
            "République du Malawi",
            "República de Malawi",
        ],
    ),
    x("MY", "MYS", &[], &[]),
    x(
        "MV",
        "MDV",
        &[],
        &[
            "Republic of Maldives",
            "République des Maldives",
            "República de Maldivas",
        ],
    ),
    x(
        "ML",
        "MLI",
        &[],
        &[
            "Republic of Mali",
            "République du Mali",
            "República de Mali",
        ],
    ),
    x(
        "MT",
        "MLT",
        &[],
        &[
            "Republic of Malta",
            "République de Malte",
            "República de Malta",
        ],
    ),
    x(
        "MH",
        "MHL",
        &[],
        &[
            "Republic of the Marshall Islands",
            "République des Îles Marshall",
            "República de las Islas Marshall",
        ],
    ),
    x("MQ", "MTQ", &[], &[]),
    x(
        "MR",
        "MRT",
        &[],
        &[
            "Islamic Republic of Mauritania",
            "République islamique de Mauritanie",
            "República Islámica de Mauritania",
        ],
    ),
    x(
        "MU",
        "MUS",
        &[],
        &[
            "Republic of Mauritius",
            "République de l'Île Maurice",
            "República de Mauricio",
        ],
    ),
    x("YT", "MYT", &[], &[]),
    x(
        "MX",
        "MEX",
        &[],
        &[
            "United Mexican States",
            "États-Unis du Mexique",
            "Estados Unidos Mexicanos",
        ],
    ),
    x(
        "FM",
        "FSM",
        &[
            "Micronesia, Federated States of",
            "Micronésie, États fédérés de",
            "Micronesia, Estados Federados de",
            "Federated States of Micronesia",
        ],
        &[
            "États fédérés de Micronésie",
            "Estados Federados de Micronesia",
        ],
    ),
    x(
        "MD",
        "MDA",
        &[
            "Moldova, Republic of",
            "Moldova, République de",
            "Moldavia, República de",
            "Republic of Moldova",
            "République de Moldova",
            "República de Moldova",
        ],
        &["República de Moldavia"],
    ),
    x(
        "MC",
        "MCO",
        &[],
        &[
            "Principality of Monaco",
            "Principauté de Monaco",
            "Principado de Mónaco",
        ],
    ),
    x("MN", "MNG", &[], &[]),
    x("ME", "MNE", &[], &[]),
    x("MS", "MSR", &[], &[]),
    x(
        "MA",
        "MAR",
        &[],
        &[
            "Kingdom of Morocco",
            "Royaume du Maroc",
            "Reino de Marruecos",
        ],
    ),
    x(
        "MZ",
        "MOZ",
        &[],
        &[
            "Republic of Mozambique",
            "République du Mozambique",
            "República de Mozambique",
        ],
    ),
    x(
        "MM",
        "MMR",
        &["Burma", "Myanmar (Burma)"],
        &[
            "Republic of Myanmar",
            "République de Myanmar",
            "República de la Unión de Myanmar",
        ],
    ),
    x(
        "NA",
        "NAM",
        &[],
        &[
            "Republic of Namibia",
            "République de Namibie",
            "República de Namibia",
        ],
    ),
    x(
        "NR",
        "NRU",
        &[],
        &[
            "Republic of Nauru",
            "République de Nauru",
            "República de Nauru",
        ],
    ),
    x(
        "NP",
        "NPL",
        &[],
        &[
            "Federal Democratic Republic of Nepal",
            "République fédérale démocratique du Népal",
            "República Federal Democrática de Nepal",
        ],
    ),
    x(
        "NL",
        "NLD",
        &[],
        &[
            "Kingdom of the Netherlands",
            "Royaume des Pays-Bas",
            "Reino de los Países Bajos",
        ],
    ),
    x("NC", "NCL", &[], &[]),
    x("NZ", "NZL", &[], &[]),
    x(
        "NI",
        "NIC",
        &[],
        &[
            "Republic of Nicaragua",
            "République du Nicaragua",
            "República de Nicaragua",
        ],
    ),
    x(
        "NE",
        "NER",
        &[],
        &[
            "Republic of the Niger",
            "République du Niger",
            "República del Níger",
        ],
    ),
    x(
        "NG",
        "NGA",
        &[],
        &[
            "Federal Republic of Nigeria",
            "République fédérale du Nigeria",
            "República Federal de Nigeria",
        ],
    ),
    x("NU", "NIU", &[], &[]),
    x("NF", "NFK", &[], &[]),
    x(
        "MK",
        "MKD",
        &["Macedonia"],
        &[
            "Republic of North Macedonia",
            "République de Macédoine du Nord",
            "República de Macedonia del Norte",
        ],
    ),
    x(
        "MP",
        "MNP",
        &[],
        &[
            "Commonwealth of the Northern Mariana Islands",
            "Commonwealth des îles Mariannes du Nord",
            "Commonwealth de las Islas Marianas del Norte",
        ],
    ),
    x(
        "NO",
        "NOR",
        &[],
        &[
            "Kingdom of Norway",
            "Royaume de Norvège",
            "Reino de Noruega",
        ],
    ),
    x(
        "OM",
        "OMN",
        &[],
        &["Sultanate of Oman", "Sultanat d'Oman", "Sultanato de Omán"],
    ),
    x(
        "PK",
        "PAK",
        &[],
        &[
            "Islamic Republic of Pakistan",
            "République islamique du Pakistan",
            "República Islámica de Pakistán",
        ],
    ),
    x(
        "PW",
        "PLW",
        &[],
        &[
            "Republic of Palau",
            "République de Palau",
            "República de Palau",
        ],
    ),
    x(
        "PS",
        "PSE",
        &[
            "Palestine, State of",
            "Palestine, État de",
            "Palestina, Estado de",
            "State of Palestine",
            "Occupied Palestinian Territory",
            "Palestinian Territories",
            "Palestinian Territory",
            "État de Palestine",
            "Estado de Palestina",
        ],
        &["L'État de Palestine"],
    ),
    x(
        "PA",
        "PAN",
        &[],
        &[
            "Republic of Panama",
            "République du Panama",
            "República de Panamá",
        ],
    ),
    x(
        "PG",
        "PNG",
        &[],
        &[
            "Independent State of Papua New Guinea",
            "État indépendant de Papouasie-Nouvelle-Guinée",
            "Estado Independiente de Papúa Nueva Guinea",
        ],
    ),
    x(
        "PY",
        "PRY",
        &[],
        &[
            "Republic of Paraguay",
            "République du Paraguay",
            "República del Paraguay",
        ],
    ),
    x(
        "PE",
        "PER",
        &[],
        &[
            "Republic of Peru",
            "République du Pérou",
            "República del Perú",
        ],
    ),
    x(
        "PH",
        "PHL",
        &[],
        &[
            "Republic of the Philippines",
            "République des Philippines",
            "República de Filipinas",
        ],
    ),
    x("PN", "PCN", &[], &[]),
    x(
        "PL",
        "POL",
        &[],
        &[
            "Republic of Poland",
            "République de Pologne",
            "República de Polonia",
        ],
    ),
    x(
        "PT",
        "PRT",
        &[],
        &[
            "Portuguese Republic",
            "République portugaise",
            "República Portuguesa",
        ],
    ),
    x("PR", "PRI", &[], &[]),
    x(
        "QA",
        "QAT",
        &[],
        &["State of Qatar", "État du Qatar", "Estado de Qatar"],
    ),
    x(
        "KR",
        "KOR",
        &[
            "Korea, Republic of",
            "Corée, République de",
            "Corea, República de",
            "South Korea",
            "Corée du Sud",
            "Corea del Sur",
            "Korea",
            "Korea (South)",
            "ROK",
            "Rep. of Korea",
        ],
        &[],
    ),
    x("RE", "REU", &["Réunion, Île de la"], &[]),
    x("RO", "ROU", &[], &[]),
    x("RU", "RUS", &["Russie, Fédération de", "Russia"], &[]),
    x(
        "RW",
        "RWA",
        &[],
        &[
            "Rwandese Republic",
            "République rwandaise",
            "República de Ruanda",
        ],
    ),
    x("BL", "BLM", &[], &[]),
    x("SH", "SHN", &["Saint Helena", "St Helena"], &[]),
    x(
        "KN",
        "KNA",
        &["St Kitts and Nevis", "Saint Kitts", "St Kitts"],
        &[],
    ),
    x("LC", "LCA", &["St Lucia"], &[]),
    x("MF", "MAF", &[], &[]),
    x("PM", "SPM", &[], &[]),
    x(
        "VC",
        "VCT",
        &[
            "St Vincent and the Grenadines",
            "Saint Vincent",
            "St Vincent",
        ],
        &[],
    ),
    x(
        "WS",
        "WSM",
        &[],
        &[
            "Independent State of Samoa",
            "État indépendant de Samoa",
            "Estado Independiente de Samoa",
        ],
    ),
    x(
        "SM",
        "SMR",
        &[],
        &[
            "Republic of San Marino",
            "République de San Marin",
            "República de San Marino",
        ],
    ),
    x(
        "ST",
        "STP",
        &[],
        &[
            "Democratic Republic of Sao Tome and Principe",
            "République démocratique de Sao Tomé et Principe",
            "República Democrática de Santo Tomé y Príncipe",
        ],
    ),
    x(
        "SA",
        "SAU",
        &["KSA"],
        &[
            "Kingdom of Saudi Arabia",
            "Royaume d'Arabie saoudite",
            "Reino de Arabia Saudí",
        ],
    ),
    x(
        "SN",
        "SEN",
        &[],
        &[
            "Republic of Senegal",
            "République du Sénégal",
            "República del Senegal",
        ],
    ),
    x(
        "RS",
        "SRB",
        &[],
        &[
            "Republic of Serbia",
            "République de Serbie",
            "República de Serbia",
        ],
    ),
    x(
        "SC",
        "SYC",
        &[],
        &[
            "Republic of Seychelles",
            "République des Seychelles",
            "República de las Seychelles",
        ],
    ),
    x(
        "SL",
        "SLE",
        &[],
        &[
            "Republic of Sierra Leone",
            "République de Sierra Leone",
            "República de Sierra Leona",
        ],
    ),
    x(
        "SG",
        "SGP",
        &[],
        &[
            "Republic of Singapore",
            "République de Singapour",
            "República de Singapur",
        ],
    ),
    x("SX", "SXM", &[], &[]),
    x(
        "SK",
        "SVK",
        &[],
        &[
            "Slovak Republic",
            "République slovaque",
            "República Eslovaca",
        ],
    ),
    x(
        "SI",
        "SVN",
        &[],
        &[
            "Republic of Slovenia",
            "République de Slovénie",
            "República de Eslovenia",
        ],
    ),
    x("SB", "SLB", &["Salomon, Îles"], &[]),
    x(
        "SO",
        "SOM",
        &[],
        &[
            "Federal Republic of Somalia",
            "République fédérale de Somalie",
            "República Federal de Somalia",
        ],
    ),
    x(
        "ZA",
        "ZAF",
        &[],
        &[
            "Republic of South Africa",
            "République d'Afrique du Sud",
            "República de Sudáfrica",
        ],
    ),
    x("GS", "SGS", &[], &[]),
    x(
        "SS",
        "SSD",
        &[],
        &[
            "Republic of South Sudan",
            "République du Soudan du Sud",
            "República de Sudán del Sur",
        ],
    ),
    x(
        "ES",
        "ESP",
        &[],
        &["Kingdom of Spain", "Royaume d'Espagne", "Reino de España"],
    ),
    x(
        "LK",
        "LKA",
        &[],
        &[
            "Democratic Socialist Republic of Sri Lanka",
            "République démocratique socialiste de Sri Lanka",
            "República Socialista Democrática de Sri Lanka",
        ],
    ),
    x(
        "SD",
        "SDN",
        &[],
        &[
            "Republic of the Sudan",
            "République du Soudan",
            "República de Sudán",
        ],
    ),
    x(
        "SR",
        "SUR",
        &[],
        &[
            "Republic of Suriname",
            "République du Surinam",
            "República de Surinam",
        ],
    ),
    x("SJ", "SJM", &[], &[]),
    x(
        "SE",
        "SWE",
        &[],
        &["Kingdom of Sweden", "Royaume de Suède", "Reino de Suecia"],
    ),
    x(
        "CH",
        "CHE",
        &[],
        &[
            "Swiss Confederation",
            "Confédération helvétique",
            "Confederación Suiza",
        ],
    ),
    x(
        "SY",
        "SYR",
        &[
            "Syrian Arab Republic",
            "Syrienne, République arabe",
            "República árabe de Siria",
        ],
        &[],
    ),
    x(
        "TW",
        "TWN",
        &[
            "Taiwan, Province of China",
            "Taïwan, province de Chine",
            "Taiwán, Provincia de China",
            "Taiwan",
            "Taïwan",
            "Chinese Taipei",
        ],
        &[],
    ),
    x(
        "TJ",
        "TJK",
        &[],
        &[
            "Republic of Tajikistan",
            "République du Tadjikistan",
            "República de Tayikistán",
        ],
    ),
    x(
        "TZ",
        "TZA",
        &[
            "Tanzania, United Republic of",
            "Tanzanie, République unie de",
            "Tanzania, República unida de",
            "United Republic of Tanzania",
        ],
        &["République unie de Tanzanie", "República Unida de Tanzania"],
    ),
    x(
        "TH",
        "THA",
        &[],
        &[
            "Kingdom of Thailand",
            "Royaume de Thaïlande",
            "Reino de Tailandia",
        ],
    ),
    x(
        "TL",
        "TLS",
        &["East Timor"],
        &[
            "Democratic Republic of Timor-Leste",
            "République démocratique du Timor-Leste",
            "República Democrática de Timor Oriental",
        ],
    ),
    x(
        "TG",
        "TGO",
        &[],
        &[
            "Togolese Republic",
            "République togolaise",
            "República Togolesa",
        ],
    ),
    x("TK", "TKL", &[], &[]),
    x(
        "TO",
        "TON",
        &[],
        &["Kingdom of Tonga", "Royaume des Tonga", "Reino de Tonga"],
    ),
    x(
        "TT",
        "TTO",
        &[],
        &[
            "Republic of Trinidad and Tobago",
            "République de Trinité et Tobago",
            "República de Trinidad y Tobago",
        ],
    ),
    x(
        "TN",
        "TUN",
        &[],
        &[
            "Republic of Tunisia",
            "République de Tunisie",
            "República de Túnez",
        ],
    ),
    x(
        "TR",
        "TUR",
        &["Turkey", "Republic of Türkiye"],
        &["République de Turquie", "República de Turquía"],
    ),
    x("TM", "TKM", &[], &[]),
    x("TC", "TCA", &[], &[]),
    x("TV", "TUV", &[], &[]),
    x(
        "UG",
        "UGA",
        &[],
        &[
            "Republic of Uganda",
            "République d'Ouganda",
            "República de Uganda",
        ],
    ),
    x("UA", "UKR", &[], &[]),
    x("AE", "ARE", &["UAE", "Emirates"], &[]),
    x(
        "GB",
        "GBR",
        &[
            "UK",
            "Great Britain",
            "Britain",
            "United Kingdom of Great Britain and Northern Ireland",
        ],
        &[
            "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
            "Reino Unido de Gran Bretaña e Irlanda del Norte",
        ],
    ),
    x(
        "US",
        "USA",
        &["United States of America"],
        &["États-Unis d'Amérique", "Estados Unidos de América"],
    ),
    x("UM", "UMI", &[], &[]),
    x(
        "UY",
        "URY",
        &[],
        &[
            "Eastern Republic of Uruguay",
            "République orientale d'Uruguay",
            "República Oriental del Uruguay",
        ],
    ),
    x(
        "VI",
        "VIR",
        &[
            "Virgin Islands, U.S.",
            "Îles Vierges, États-Unis",
            "Islas Vírgenes, de EEUU.",
            "United States Virgin Islands",
            "USVI",
        ],
        &[
            "Virgin Islands of the United States",
            "Îles Vierges des États-Unis d'Amérique",
        ],
    ),
    x(
        "UZ",
        "UZB",
        &[],
        &[
            "Republic of Uzbekistan",
            "République d'Ouzbékistan",
            "República de Uzbekistán",
        ],
    ),
    x(
        "VU",
        "VUT",
        &[],
        &[
            "Republic of Vanuatu",
            "République du Vanuatu",
            "República de Vanuatu",
        ],
    ),
    x(
        "VE",
        "VEN",
        &[
            "Venezuela, Bolivarian Republic of",
            "Vénézuela, république bolivarienne du",
            "Venezuela, República Bolivariana de",
            "Bolivarian Republic of Venezuela",
        ],
        &[
            "République bolivarienne du Vénézuela",
            "República Bolivariana de Venezuela",
        ],
    ),
    x(
        "VN",
        "VNM",
        &[],
        &[
            "Socialist Republic of Viet Nam",
            "République socialiste du Viet Nam",
            "República Socialista de Vietnam",
        ],
    ),
    x("WF", "WLF", &[], &[]),
    x("EH", "ESH", &[], &[]),
    x(
        "YE",
        "YEM",
        &[],
        &[
            "Republic of Yemen",
            "République du Yémen",
            "República del Yemen",
        ],
    ),
    x(
        "ZM",
        "ZMB",
        &[],
        &[
            "Republic of Zambia",
            "République de Zambie",
            "República de Zambia",
        ],
    ),
    x(
        "ZW",
        "ZWE",
        &[],
        &[
            "Republic of Zimbabwe",
            "République du Zimbabwe",
            "República de Zimbabue",
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_carry_the_aliases_the_interface_matches_on() {
        let entries = entries();
        assert_eq!(entries.len(), COUNTRIES.len());
        let entry = |code: &str| *entries.iter().find(|e| e.country.code == code).unwrap();
        assert_eq!(entry("VN").alpha3, "VNM");
        assert!(
            entry("LA").aliases.contains(&"Laos"),
            "{:?}",
            entry("LA").aliases
        );
        assert!(
            entry("KR").aliases.contains(&"South Korea"),
            "{:?}",
            entry("KR").aliases
        );
        let json = serde_json::to_value(entry("VN")).unwrap();
        assert_eq!(
            (json["code"].as_str(), json["es"].as_str()),
            (Some("VN"), Some("Vietnam"))
        );
    }
    use std::collections::{HashMap, HashSet};

    fn code_of(text: &str) -> Option<&'static str> {
        find(text).map(|country| country.code)
    }

    #[test]
    fn aliases_resolve() {
        let cases = [
            ("Vietnam", "VN"),
            ("Viet Nam", "VN"),
            ("Lao PDR", "LA"),
            ("Laos", "LA"),
            ("Republic of Korea", "KR"),
            ("South Korea", "KR"),
            ("Korea", "KR"),
            ("North Korea", "KP"),
            ("Iran", "IR"),
            ("Bolivia", "BO"),
            ("Tanzania", "TZ"),
            ("Russia", "RU"),
            ("Syria", "SY"),
            ("Moldova", "MD"),
            ("Palestine", "PS"),
            ("Türkiye", "TR"),
            ("Turkey", "TR"),
            ("Myanmar", "MM"),
            ("Burma", "MM"),
            ("Côte d'Ivoire", "CI"),
            ("Côte d’Ivoire", "CI"),
            ("Cote dIvoire", "CI"),
            ("Ivory Coast", "CI"),
            ("Czechia", "CZ"),
            ("Czech Republic", "CZ"),
            ("United States", "US"),
            ("USA", "US"),
            ("U.S.A.", "US"),
            ("United Kingdom", "GB"),
            ("UK", "GB"),
            ("China", "CN"),
            ("Hong Kong", "HK"),
            ("The Gambia", "GM"),
            ("Trinidad & Tobago", "TT"),
            ("Korea, Republic of", "KR"),
            ("Bolivia, Plurinational State of", "BO"),
            ("Democratic Republic of the Congo", "CD"),
            ("Congo", "CG"),
            ("Swiss Confederation", "CH"),
            ("Republic of India", "IN"),
        ];
        for (text, code) in cases {
            assert_eq!(code_of(text), Some(code), "{text}");
        }
    }

    #[test]
    fn accents_and_case_are_ignored() {
        for text in ["Nepal", "népal", "NÉPAL", "  nepal  ", "Népal."] {
            assert_eq!(code_of(text), Some("NP"), "{text}");
        }
        assert_eq!(code_of("aland islands"), Some("AX"));
        assert_eq!(code_of("turkiye"), Some("TR"));
        assert_eq!(code_of("REUNION"), Some("RE"));
    }

    #[test]
    fn codes_resolve() {
        assert_eq!(code_of("np"), Some("NP"));
        assert_eq!(code_of(" NPL "), Some("NP"));
        assert_eq!(code_of("vnm"), Some("VN"));
        assert_eq!(code_of("KH"), Some("KH"));
        assert_eq!(by_code(" jo ").map(|c| c.en), Some("Jordan"));
        assert_eq!(by_code("Kr").map(|c| c.en), Some("Republic of Korea"));
        assert!(by_code("JOR").is_none());
        assert!(by_code("").is_none());
        assert!(by_code("UK").is_none());
    }

    #[test]
    fn french_and_spanish_names_resolve() {
        assert_eq!(code_of("Jordanie"), Some("JO"));
        assert_eq!(code_of("Camboya"), Some("KH"));
        assert_eq!(code_of("Cambodge"), Some("KH"));
        assert_eq!(code_of("république de corée"), Some("KR"));
        assert_eq!(code_of("Corée du Sud"), Some("KR"));
        assert_eq!(code_of("Émirats arabes unis"), Some("AE"));
        assert_eq!(code_of("Líbano"), Some("LB"));
        assert_eq!(code_of("Estados Unidos"), Some("US"));
    }

    #[test]
    fn unknown_text_is_none() {
        for text in [
            "",
            "   ",
            "--",
            "Atlantis",
            "Nepa",
            "Korea Rep",
            "XX",
            "XYZ",
            "England",
        ] {
            assert_eq!(code_of(text), None, "{text}");
        }
    }

    #[test]
    fn table_is_complete_and_consistent() {
        assert_eq!(COUNTRIES.len(), 249);
        assert_eq!(EXTRAS.len(), COUNTRIES.len());
        let mut codes = HashSet::new();
        let mut alpha3s = HashSet::new();
        for (country, extra) in COUNTRIES.iter().zip(EXTRAS) {
            assert_eq!(country.code, extra.code);
            assert!(codes.insert(country.code), "duplicate {}", country.code);
            assert!(alpha3s.insert(extra.alpha3), "duplicate {}", extra.alpha3);
            assert!(
                country.code.len() == 2 && country.code.bytes().all(|b| b.is_ascii_uppercase())
            );
            assert!(
                extra.alpha3.len() == 3 && extra.alpha3.bytes().all(|b| b.is_ascii_uppercase())
            );
            for name in [country.en, country.fr, country.es] {
                assert!(!name.trim().is_empty(), "{}", country.code);
                assert_eq!(name, name.trim(), "{}", country.code);
            }
            assert!(!fold(country.en).is_empty());
            assert_eq!(by_code(country.code).map(|c| c.code), Some(country.code));
            for text in [country.en, country.fr, country.es, extra.alpha3] {
                assert_eq!(code_of(text), Some(country.code), "{text}");
            }
            for alias in extra.aliases.iter().chain(extra.formal) {
                assert_eq!(code_of(alias), Some(country.code), "{alias}");
            }
        }
    }

    #[test]
    fn sorted_by_english_name() {
        for pair in COUNTRIES.windows(2) {
            if let [a, b] = pair {
                assert!(fold(a.en) < fold(b.en), "{} / {}", a.en, b.en);
            }
        }
    }

    #[test]
    fn no_key_names_two_countries() {
        let mut owners: HashMap<String, &str> = HashMap::new();
        for (country, extra) in COUNTRIES.iter().zip(EXTRAS) {
            let names = [
                country.code,
                extra.alpha3,
                country.en,
                country.fr,
                country.es,
            ];
            let others = extra.aliases.iter().chain(extra.formal).copied();
            for name in names.into_iter().chain(others) {
                let owner = owners.entry(fold(name)).or_insert(country.code);
                assert_eq!(*owner, country.code, "{name:?} names two countries");
            }
        }
    }

    #[test]
    fn display_names_are_short() {
        let en = |code| by_code(code).map(|c| c.en);
        assert_eq!(en("BO"), Some("Bolivia"));
        assert_eq!(en("KR"), Some("Republic of Korea"));
        assert_eq!(en("LA"), Some("Lao PDR"));
        assert_eq!(en("VN"), Some("Viet Nam"));
        assert_eq!(en("TZ"), Some("Tanzania"));
        assert_eq!(
            by_code("LA").map(|c| c.fr),
            Some("RDP lao"),
            "short enough for a table"
        );
        assert_eq!(by_code("KR").map(|c| c.fr), Some("République de Corée"));
        assert_eq!(by_code("KR").map(|c| c.es), Some("República de Corea"));
        for country in COUNTRIES {
            // "Taiwan, China" is the United Nations' and the ILO's usage.
            if !matches!(country.code, "BQ" | "SH" | "TW") {
                assert!(!country.en.contains(','), "{}", country.en);
            }
        }
    }

    #[test]
    fn fold_rules() {
        assert_eq!(fold("  Côte d’Ivoire "), "cote divoire");
        assert_eq!(fold("Guinea-Bissau"), "guinea bissau");
        assert_eq!(fold("U.S.A."), "usa");
        assert_eq!(fold("Bosnia & Herzegovina"), "bosnia and herzegovina");
        assert_eq!(fold("The  Bahamas"), "bahamas");
        assert_eq!(fold("Åland, Îles"), "aland iles");
        assert_eq!(fold("?!"), "");
    }

    #[test]
    fn search_puts_prefix_matches_first() {
        let codes = |query, limit| {
            search(query, limit)
                .iter()
                .map(|c| c.code)
                .collect::<Vec<_>>()
        };
        let ind = codes("ind", 10);
        assert_eq!(ind.get(..2), Some(&["IN", "ID"][..]), "{ind:?}");
        assert_eq!(
            ind,
            ["IN", "ID", "IO"],
            "no official names (Independent State of Samoa)"
        );
        assert_eq!(codes("IND", 2), ["IN", "ID"]);
        assert_eq!(codes("viet", 5), ["VN"]);
        assert_eq!(codes("kor", 3).get(..2), Some(&["KP", "KR"][..]));
        assert_eq!(codes("jord", 5), ["JO"]);
        assert_eq!(codes("népa", 5), ["NP"]);
        assert_eq!(codes("zzzz", 5), Vec::<&str>::new());
        assert_eq!(codes("ind", 0), Vec::<&str>::new());
        assert_eq!(codes("", 3), ["AF", "AX", "AL"]);
        assert_eq!(search("a", 500).len(), search("a", 1000).len());
        assert_eq!(codes("lan", 50), codes("lan", 50), "deterministic");
    }

    #[test]
    fn serializes_in_camel_case() {
        let json = serde_json::to_string(&by_code("JO")).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"code":"JO","en":"Jordan","fr":"Jordanie","es":"Jordania"}"#
        );
    }
}
