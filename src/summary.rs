//! The headcount headquarters asks for: "18 participants (9 women) from 12 countries; 6 under 35",
//! and the counts by sex, country and role behind it.

use crate::countries;
use crate::error::Result;
use crate::participant::{Role, Sex};
use crate::workshop;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::BTreeMap;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub total: u32,
    pub women: u32,
    pub men: u32,
    pub another: u32,
    pub not_stated: u32,
    /// Distinct countries among participants with a country.
    pub countries: u32,
    pub youth: u32,
    pub youth_women: u32,
    pub age_unknown: u32,
    pub youth_age_limit: u8,
    pub by_country: Vec<CountryCount>,
    pub by_role: Vec<RoleCount>,
    /// The English line; the UI builds a translated one from the numbers.
    pub headline: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CountryCount {
    pub country: Option<String>,
    pub country_name: Option<&'static str>,
    pub total: u32,
    pub women: u32,
    pub men: u32,
    pub youth: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleCount {
    pub role: Role,
    pub total: u32,
    pub women: u32,
}

fn plural(count: u32, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The line as headquarters writes it; when some ages are not known it says for how many, so
/// that "0 under 35" does not mislead.
pub fn headline(
    total: u32,
    women: u32,
    countries: u32,
    youth: u32,
    limit: u8,
    age_unknown: u32,
) -> String {
    let unknown = if age_unknown > 0 {
        format!(" (age not known for {age_unknown})")
    } else {
        String::new()
    };
    format!(
        "{} ({}) from {}; {youth} under {limit}{unknown}",
        plural(total, "participant", "participants"),
        plural(women, "woman", "women"),
        plural(countries, "country", "countries"),
    )
}

/// Counts over the workshop's registered (not deleted) participants.
pub fn summarize(conn: &Connection, workshop_id: Uuid) -> Result<Summary> {
    let workshop = workshop::age_rule(conn, workshop_id)?;
    let mut statement = conn.prepare_cached(
        "SELECT sex, birth_year, country, role FROM participant
         WHERE workshop_id = ?1 AND deleted_at IS NULL",
    )?;
    let mut summary = Summary {
        total: 0,
        women: 0,
        men: 0,
        another: 0,
        not_stated: 0,
        countries: 0,
        youth: 0,
        youth_women: 0,
        age_unknown: 0,
        youth_age_limit: workshop.youth_age_limit,
        by_country: Vec::new(),
        by_role: Vec::new(),
        headline: String::new(),
    };
    let mut by_country: BTreeMap<Option<String>, CountryCount> = BTreeMap::new();
    let mut by_role: BTreeMap<&'static str, RoleCount> = BTreeMap::new();
    let mut rows = statement.query([workshop_id.to_string()])?;
    while let Some(row) = rows.next()? {
        let sex = Sex::parse(&row.get::<_, String>(0)?).unwrap_or_default();
        let youth = workshop.is_youth(row.get(1)?);
        let country: Option<String> = row.get(2)?;
        let role = Role::parse(&row.get::<_, String>(3)?).unwrap_or_default();
        let (is_woman, is_man, is_youth) =
            (sex == Sex::Woman, sex == Sex::Man, youth == Some(true));

        summary.total += 1;
        match sex {
            Sex::Woman => summary.women += 1,
            Sex::Man => summary.men += 1,
            Sex::Another => summary.another += 1,
            Sex::NotStated => summary.not_stated += 1,
        }
        match youth {
            Some(true) => {
                summary.youth += 1;
                summary.youth_women += u32::from(is_woman);
            }
            Some(false) => {}
            None => summary.age_unknown += 1,
        }
        let entry = by_country
            .entry(country.clone())
            .or_insert_with(|| CountryCount {
                country_name: country
                    .as_deref()
                    .and_then(countries::by_code)
                    .map(|c| c.en),
                country,
                total: 0,
                women: 0,
                men: 0,
                youth: 0,
            });
        entry.total += 1;
        entry.women += u32::from(is_woman);
        entry.men += u32::from(is_man);
        entry.youth += u32::from(is_youth);
        let entry = by_role.entry(role.as_str()).or_insert(RoleCount {
            role,
            total: 0,
            women: 0,
        });
        entry.total += 1;
        entry.women += u32::from(is_woman);
    }
    summary.countries = by_country.keys().filter(|c| c.is_some()).count() as u32;
    summary.by_country = by_country.into_values().collect();
    // Most represented first; "no country" last.
    summary.by_country.sort_by(|a, b| {
        (
            a.country.is_none(),
            std::cmp::Reverse(a.total),
            a.country_name,
        )
            .cmp(&(
                b.country.is_none(),
                std::cmp::Reverse(b.total),
                b.country_name,
            ))
    });
    summary.by_role = Role::ALL
        .iter()
        .filter_map(|role| by_role.remove(role.as_str()))
        .collect();
    summary.headline = headline(
        summary.total,
        summary.women,
        summary.countries,
        summary.youth,
        summary.youth_age_limit,
        summary.age_unknown,
    );
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_reads_as_headquarters_writes_it() {
        assert_eq!(
            headline(18, 9, 12, 6, 35, 0),
            "18 participants (9 women) from 12 countries; 6 under 35"
        );
        assert_eq!(
            headline(1, 1, 1, 0, 25, 0),
            "1 participant (1 woman) from 1 country; 0 under 25"
        );
        assert_eq!(
            headline(3, 2, 3, 0, 35, 3),
            "3 participants (2 women) from 3 countries; 0 under 35 (age not known for 3)"
        );
    }
}
