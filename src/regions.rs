//! Sub-regions, for suggesting working groups: workshops split participants by sub-region, so
//! the app proposes a grouping from each participant's country.
//!
//! The split follows the ILO's regional structure, finest where the workshops are held (Asia and
//! the Pacific, the Arab States) and coarse elsewhere. As the ILO does, Iran is in South Asia;
//! Egypt, Sudan and the Maghreb are in Africa, not the Arab States; the South Caucasus, Türkiye,
//! Israel, Cyprus and Russia are in Europe. Dependent territories go with their geography
//! (Réunion to Africa, Guadeloupe to the Americas, New Caledonia and Guam to the Pacific), and
//! Australia's Indian Ocean territories go with Australia. Antarctica and the uninhabited
//! Antarctic and sub-Antarctic islands (AQ, BV, GS, HM, TF) have no sub-region: nobody comes from
//! there, and a guess would only hide a mistyped code.

/// A sub-region by which working groups are formed.
///
/// Declared in the order groups are listed, so sorting by it puts the Asia-Pacific and Arab
/// States groups first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SubRegion {
    SouthAsia,
    SouthEastAsia,
    EastAsia,
    Pacific,
    CentralAsia,
    ArabStates,
    /// The rest of the world, in coarse groups: few participants come from there.
    Africa,
    Europe,
    Americas,
}

impl SubRegion {
    /// Every sub-region, in declaration order.
    pub const ALL: [SubRegion; 9] = [
        SubRegion::SouthAsia,
        SubRegion::SouthEastAsia,
        SubRegion::EastAsia,
        SubRegion::Pacific,
        SubRegion::CentralAsia,
        SubRegion::ArabStates,
        SubRegion::Africa,
        SubRegion::Europe,
        SubRegion::Americas,
    ];

    /// Stable code used in data ("south_east_asia"), the same as the serialized form.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            SubRegion::SouthAsia => "south_asia",
            SubRegion::SouthEastAsia => "south_east_asia",
            SubRegion::EastAsia => "east_asia",
            SubRegion::Pacific => "pacific",
            SubRegion::CentralAsia => "central_asia",
            SubRegion::ArabStates => "arab_states",
            SubRegion::Africa => "africa",
            SubRegion::Europe => "europe",
            SubRegion::Americas => "americas",
        }
    }

    /// Display name in "en", "fr" or "es", the interface's languages; anything else gets
    /// English. The names are the ILO's usual ones ("South-East Asia", "Asie du Sud-Est",
    /// "Sudeste Asiático").
    #[must_use]
    pub fn name(self, language: &str) -> &'static str {
        let (en, fr, es) = match self {
            SubRegion::SouthAsia => ("South Asia", "Asie du Sud", "Asia Meridional"),
            SubRegion::SouthEastAsia => ("South-East Asia", "Asie du Sud-Est", "Sudeste Asiático"),
            SubRegion::EastAsia => ("East Asia", "Asie de l'Est", "Asia Oriental"),
            SubRegion::Pacific => ("Pacific", "Pacifique", "Pacífico"),
            SubRegion::CentralAsia => ("Central Asia", "Asie centrale", "Asia Central"),
            SubRegion::ArabStates => ("Arab States", "États arabes", "Estados Árabes"),
            SubRegion::Africa => ("Africa", "Afrique", "África"),
            SubRegion::Europe => ("Europe", "Europe", "Europa"),
            SubRegion::Americas => ("Americas", "Amériques", "Américas"),
        };
        match language {
            "fr" => fr,
            "es" => es,
            _ => en,
        }
    }
}

/// The sub-region of an ISO 3166-1 alpha-2 country code, ignoring case and surrounding spaces
/// as [`crate::countries::by_code`] does; `None` for an unknown code and for the uninhabited
/// Antarctic codes (see the module documentation).
#[must_use]
pub fn of_country(code: &str) -> Option<SubRegion> {
    use SubRegion::*;
    let region = match code.trim().to_ascii_uppercase().as_str() {
        "AF" | "BD" | "BT" | "IN" | "IR" | "LK" | "MV" | "NP" | "PK" => SouthAsia,
        "BN" | "ID" | "KH" | "LA" | "MM" | "MY" | "PH" | "SG" | "TH" | "TL" | "VN" => SouthEastAsia,
        "CN" | "HK" | "JP" | "KP" | "KR" | "MN" | "MO" | "TW" => EastAsia,
        // Australia's Indian Ocean territories (CX, CC) and Norfolk Island go with Australia;
        // the US Minor Outlying Islands are nearly all in the Pacific.
        "AS" | "AU" | "CC" | "CK" | "CX" | "FJ" | "FM" | "GU" | "KI" | "MH" | "MP" | "NC"
        | "NF" | "NR" | "NU" | "NZ" | "PF" | "PG" | "PN" | "PW" | "SB" | "TK" | "TO" | "TV"
        | "UM" | "VU" | "WF" | "WS" => Pacific,
        "KG" | "KZ" | "TJ" | "TM" | "UZ" => CentralAsia,
        "AE" | "BH" | "IQ" | "JO" | "KW" | "LB" | "OM" | "PS" | "QA" | "SA" | "SY" | "YE" => {
            ArabStates
        }
        // North Africa with the rest of the continent, as the ILO does; also the Indian Ocean
        // islands (RE, YT, and IO with Mauritius, which claims it) and Saint Helena.
        "AO" | "BF" | "BI" | "BJ" | "BW" | "CD" | "CF" | "CG" | "CI" | "CM" | "CV" | "DJ"
        | "DZ" | "EG" | "EH" | "ER" | "ET" | "GA" | "GH" | "GM" | "GN" | "GQ" | "GW" | "IO"
        | "KE" | "KM" | "LR" | "LS" | "LY" | "MA" | "MG" | "ML" | "MR" | "MU" | "MW" | "MZ"
        | "NA" | "NE" | "NG" | "RE" | "RW" | "SC" | "SD" | "SH" | "SL" | "SN" | "SO" | "SS"
        | "ST" | "SZ" | "TD" | "TG" | "TN" | "TZ" | "UG" | "YT" | "ZA" | "ZM" | "ZW" => Africa,
        // With the South Caucasus, Türkiye, Israel, Cyprus and Russia, as the ILO does.
        "AD" | "AL" | "AM" | "AT" | "AX" | "AZ" | "BA" | "BE" | "BG" | "BY" | "CH" | "CY"
        | "CZ" | "DE" | "DK" | "EE" | "ES" | "FI" | "FO" | "FR" | "GB" | "GE" | "GG" | "GI"
        | "GR" | "HR" | "HU" | "IE" | "IL" | "IM" | "IS" | "IT" | "JE" | "LI" | "LT" | "LU"
        | "LV" | "MC" | "MD" | "ME" | "MK" | "MT" | "NL" | "NO" | "PL" | "PT" | "RO" | "RS"
        | "RU" | "SE" | "SI" | "SJ" | "SK" | "SM" | "TR" | "UA" | "VA" => Europe,
        // North, Central and South America and the Caribbean; Greenland by geography.
        "AG" | "AI" | "AR" | "AW" | "BB" | "BL" | "BM" | "BO" | "BQ" | "BR" | "BS" | "BZ"
        | "CA" | "CL" | "CO" | "CR" | "CU" | "CW" | "DM" | "DO" | "EC" | "FK" | "GD" | "GF"
        | "GL" | "GP" | "GT" | "GY" | "HN" | "HT" | "JM" | "KN" | "KY" | "LC" | "MF" | "MQ"
        | "MS" | "MX" | "NI" | "PA" | "PE" | "PM" | "PR" | "PY" | "SR" | "SV" | "SX" | "TC"
        | "TT" | "US" | "UY" | "VC" | "VE" | "VG" | "VI" => Americas,
        _ => return None,
    };
    Some(region)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::countries;

    /// The codes deliberately left without a sub-region: Antarctica and uninhabited islands.
    const UNGROUPED: [&str; 5] = ["AQ", "BV", "GS", "HM", "TF"];

    #[test]
    fn every_country_has_a_sub_region_but_the_uninhabited_ones() {
        let entries = countries::entries();
        assert_eq!(entries.len(), 249);
        for entry in entries {
            let code = entry.country.code;
            let region = of_country(code);
            if UNGROUPED.contains(&code) {
                assert_eq!(region, None, "{code} should have no sub-region");
            } else {
                assert!(
                    region.is_some(),
                    "{code} ({}) has no sub-region",
                    entry.country.en
                );
            }
        }
        for code in UNGROUPED {
            assert!(
                countries::by_code(code).is_some(),
                "{code} is not an ISO code"
            );
        }
    }

    #[test]
    fn every_sub_region_has_countries() {
        for region in SubRegion::ALL {
            assert!(
                countries::COUNTRIES
                    .iter()
                    .any(|country| of_country(country.code) == Some(region)),
                "{region:?} is empty"
            );
        }
    }

    #[test]
    fn spot_checks() {
        assert_eq!(of_country("NP"), Some(SubRegion::SouthAsia));
        assert_eq!(of_country("IR"), Some(SubRegion::SouthAsia));
        assert_eq!(of_country("vn"), Some(SubRegion::SouthEastAsia));
        assert_eq!(of_country(" Tl "), Some(SubRegion::SouthEastAsia));
        assert_eq!(of_country("JO"), Some(SubRegion::ArabStates));
        assert_eq!(of_country("PS"), Some(SubRegion::ArabStates));
        assert_eq!(of_country("EG"), Some(SubRegion::Africa));
        assert_eq!(of_country("MA"), Some(SubRegion::Africa));
        assert_eq!(of_country("FJ"), Some(SubRegion::Pacific));
        assert_eq!(of_country("KR"), Some(SubRegion::EastAsia));
        assert_eq!(of_country("HK"), Some(SubRegion::EastAsia));
        assert_eq!(of_country("UZ"), Some(SubRegion::CentralAsia));
        assert_eq!(of_country("GE"), Some(SubRegion::Europe));
        assert_eq!(of_country("TR"), Some(SubRegion::Europe));
        assert_eq!(of_country("BR"), Some(SubRegion::Americas));
    }

    #[test]
    fn unknown_codes_have_none() {
        for code in ["XX", "", "V", "VNM", "Viet Nam", "ÉÉ"] {
            assert_eq!(of_country(code), None, "{code:?}");
        }
    }

    #[test]
    fn codes_are_unique_and_match_serde() {
        let mut codes: Vec<_> = SubRegion::ALL.iter().map(|r| r.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), SubRegion::ALL.len());
        for region in SubRegion::ALL {
            assert_eq!(
                serde_json::to_string(&region).ok(),
                Some(format!("\"{}\"", region.code()))
            );
        }
    }

    #[test]
    fn names_in_three_languages() {
        let r = SubRegion::SouthEastAsia;
        assert_eq!(r.name("en"), "South-East Asia");
        assert_eq!(r.name("fr"), "Asie du Sud-Est");
        assert_eq!(r.name("es"), "Sudeste Asiático");
        assert_eq!(r.name("de"), "South-East Asia");
        assert_eq!(r.name(""), "South-East Asia");
        for language in ["en", "fr", "es"] {
            let mut names: Vec<_> = SubRegion::ALL.iter().map(|r| r.name(language)).collect();
            assert!(names.iter().all(|name| !name.is_empty()));
            names.sort_unstable();
            names.dedup();
            assert_eq!(
                names.len(),
                SubRegion::ALL.len(),
                "duplicate {language} name"
            );
        }
        // Only "Europe" is spelt the same in English and French.
        for region in SubRegion::ALL {
            assert_ne!(region.name("en"), region.name("es"), "{region:?}");
            assert_ne!(region.name("fr"), region.name("es"), "{region:?}");
            if region != SubRegion::Europe {
                assert_ne!(region.name("en"), region.name("fr"), "{region:?}");
            }
        }
    }
}
