//! Participants (one row each, every field) and the countries and organisations they come from.

use super::{
    Context, choice_at, country_name, push_deleted, streamed, sub_region, text_at, time_at,
};
use crate::error::Result;
use crate::workbook::checksum::Cell;
use crate::workbook::format::{self, ORIGIN, ROLE, SEX};
use crate::workbook::table::SheetJob;
use std::collections::BTreeMap;

/// What the "Contact details" column says.
pub(crate) const CONTACT_INCLUDED: &str = "Included: consented to be contacted";
pub(crate) const CONTACT_WITHHELD: &str = "Withheld: no consent to be contacted";
pub(crate) const CONTACT_FULL: &str = "Included (full transfer)";

pub(crate) fn participants<'a>(ctx: &'a Context<'_>) -> Result<SheetJob<'a>> {
    let rule = ctx.workshop.age_rule();
    streamed(
        &format::PARTICIPANTS,
        ctx,
        "id, full_name, name_latin, sex, birth_year, country, organisation, position, role,
         email, phone, consent_contact, consent_photos, notes, badge_code, registered_by,
         reviewed_at, created_at, updated_at, deleted_at",
        &format!(
            "FROM participant WHERE workshop_id = ?1 AND {}",
            ctx.live("deleted_at IS NULL")
        ),
        "name_latin COLLATE NOCASE, full_name, id",
        move |row| {
            let birth_year: Option<i32> = row.get(4)?;
            let country: Option<String> = row.get(5)?;
            let consent_contact: bool = row.get(11)?;
            let (email, phone, contact) = if ctx.full {
                (text_at(row, 9)?, text_at(row, 10)?, CONTACT_FULL)
            } else if consent_contact {
                (text_at(row, 9)?, text_at(row, 10)?, CONTACT_INCLUDED)
            } else {
                (Cell::Empty, Cell::Empty, CONTACT_WITHHELD)
            };
            let mut cells = vec![
                text_at(row, 1)?,
                text_at(row, 2)?,
                choice_at(row, 3, &SEX)?,
                Cell::optional_integer(birth_year.map(i64::from)),
                Cell::optional_integer(birth_year.map(|year| i64::from(rule.age_of(year)))),
                Cell::optional_bool(rule.is_youth(birth_year)),
                country_name(country.as_deref()),
                Cell::optional_text(country.clone()),
                sub_region(country.as_deref()),
                text_at(row, 6)?,
                text_at(row, 7)?,
                choice_at(row, 8, &ROLE)?,
                email,
                phone,
                Cell::text(contact),
                Cell::Bool(consent_contact),
                Cell::Bool(row.get(12)?),
                text_at(row, 13)?,
                text_at(row, 14)?,
                choice_at(row, 15, &ORIGIN)?,
                time_at(row, 16)?,
                text_at(row, 0)?,
                time_at(row, 17)?,
                time_at(row, 18)?,
            ];
            push_deleted(ctx, &mut cells, row, 19)?;
            Ok(cells)
        },
    )
}

/// One row per country and organisation: how many came, of them women, men and young people.
#[derive(Debug, Default)]
struct Delegation {
    participants: i64,
    women: i64,
    men: i64,
    youth: i64,
    updated_at: String,
}

/// No country last, the country's name, the organisation folded, then as written.
type DelegationKey = (bool, String, String, String);

pub(crate) fn countries<'a>(ctx: &'a Context<'_>) -> Result<SheetJob<'a>> {
    let rule = ctx.workshop.age_rule();
    let mut statement = ctx.conn.prepare(
        "SELECT country, organisation, sex, birth_year, updated_at FROM participant
         WHERE workshop_id = ?1 AND deleted_at IS NULL",
    )?;
    let mut rows = statement.query([ctx.workshop_key()])?;
    // Sorted by country name (no country last), then organisation ignoring case.
    let mut delegations: BTreeMap<DelegationKey, (Option<String>, String, Delegation)> =
        BTreeMap::new();
    while let Some(row) = rows.next()? {
        let country: Option<String> = row.get(0)?;
        let organisation: String = row.get(1)?;
        let sex: String = row.get(2)?;
        let birth_year: Option<i32> = row.get(3)?;
        let updated_at: String = row.get(4)?;
        let name = country
            .as_deref()
            .and_then(crate::countries::by_code)
            .map_or_else(String::new, |c| c.en.to_string());
        let key = (
            country.is_none(),
            name,
            organisation.to_lowercase(),
            organisation.clone(),
        );
        let (_, _, d) = delegations
            .entry(key)
            .or_insert_with(|| (country.clone(), organisation.clone(), Delegation::default()));
        d.participants += 1;
        d.women += i64::from(sex == "woman");
        d.men += i64::from(sex == "man");
        d.youth += i64::from(rule.is_youth(birth_year) == Some(true));
        if updated_at > d.updated_at {
            d.updated_at = updated_at;
        }
    }
    let rows = delegations
        .into_values()
        .map(|(country, organisation, d)| {
            vec![
                country_name(country.as_deref()),
                Cell::optional_text(country.clone()),
                sub_region(country.as_deref()),
                Cell::text(organisation),
                Cell::Integer(d.participants),
                Cell::Integer(d.women),
                Cell::Integer(d.men),
                Cell::Integer(d.youth),
                Cell::timestamp(&d.updated_at),
            ]
        })
        .collect();
    Ok(SheetJob::ready(&format::COUNTRIES, ctx, rows))
}
