//! What the demo workshop's working groups produced: groups by sub-region (the ASEAN group
//! joined by Jordan, as in the Kathmandu report), one SWOT board per group on the same question,
//! with votes and a few merged near-duplicates, national plans for several countries and a
//! regional plan whose actions answer the notes. Built with the same functions the facilitator
//! uses, then taken off the undo stack: opening the demo is not something to undo.

use crate::board::{self, BoardInput, Quadrant, RaisedBy};
use crate::db::Database;
use crate::error::Result;
use crate::groups::{self, GroupDraft};
use crate::plans::{self, ActionInput, PlanInput, Scope, Status};
use crate::{edit, participant};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::collections::HashMap;
use uuid::Uuid;

pub const QUESTION: &str = "Implementing the memorandum of understanding among ATUC, SARTUC and ArabTUC on labour migration";

/// Which group each roster country works in on day 2.
const GROUPS: &[(&str, &[&str])] = &[
    ("South Asia", &["NP", "BD", "IN", "LK"]),
    ("Mekong and Myanmar", &["VN", "KH", "LA", "MM", "TH", "CN"]),
    ("ASEAN and Jordan", &["ID", "MY", "PH", "JO"]),
];

/// Each group's board: (quadrant, note, votes). Notes marked `MERGE` are merged into the note
/// before them, as the room found them to say the same.
const MERGE: i64 = -1;
const NOTES: &[&[(Quadrant, &str, i64)]] = &[
    &[
        (
            Quadrant::Strengths,
            "SARTUC's migrant desks in Nepal, India and Sri Lanka",
            4,
        ),
        (
            Quadrant::Strengths,
            "GEFONT and NTUC already run pre-departure orientation",
            2,
        ),
        (
            Quadrant::Weaknesses,
            "No follow-up once workers reach the Gulf",
            5,
        ),
        (
            Quadrant::Weaknesses,
            "Unions lose contact with members abroad",
            MERGE,
        ),
        (
            Quadrant::Opportunities,
            "Nepal–Jordan bilateral agreement under review",
            3,
        ),
        (
            Quadrant::Opportunities,
            "The Global Compact for Migration reviews in 2026",
            1,
        ),
        (
            Quadrant::Threats,
            "Recruitment fees charged to workers despite the law",
            6,
        ),
        (
            Quadrant::Threats,
            "Wage theft when companies close in destination countries",
            2,
        ),
    ],
    &[
        (
            Quadrant::Strengths,
            "Memoranda between VGCL and the Malaysian TUC",
            3,
        ),
        (
            Quadrant::Strengths,
            "Young organisers in the garment sector",
            1,
        ),
        (
            Quadrant::Weaknesses,
            "Few women in union leadership on migration",
            4,
        ),
        (
            Quadrant::Weaknesses,
            "No shared database of migrant members",
            2,
        ),
        (
            Quadrant::Opportunities,
            "ASEAN Consensus on migrant workers' rights",
            3,
        ),
        (
            Quadrant::Opportunities,
            "Regional ASEAN labour forum each year",
            MERGE,
        ),
        (
            Quadrant::Threats,
            "Informal brokers across the Mekong borders",
            5,
        ),
    ],
    &[
        (
            Quadrant::Strengths,
            "Jordan's domestic workers' union, first in the Arab States",
            4,
        ),
        (Quadrant::Strengths, "KSBSI legal aid desk in Jakarta", 2),
        (
            Quadrant::Weaknesses,
            "Migrant domestic workers hard to reach",
            5,
        ),
        (
            Quadrant::Opportunities,
            "Reform of the sponsorship system discussed in Jordan",
            3,
        ),
        (
            Quadrant::Threats,
            "The kafala system ties workers to one employer",
            6,
        ),
        (Quadrant::Threats, "Passports kept by employers", MERGE),
    ],
];

/// (scope, country, title, [(description, responsible, status, themes, due in days, group
/// board index and note index it answers)]).
type Planned = (
    Scope,
    Option<&'static str>,
    &'static str,
    &'static [(
        &'static str,
        &'static str,
        Status,
        &'static [&'static str],
        i64,
        (usize, usize),
    )],
);

const PLANS: &[Planned] = &[
    (
        Scope::Regional,
        None,
        "Regional plan: ATUC, SARTUC and ArabTUC on labour migration",
        &[
            (
                "Joint inter-regional helpline for migrant workers in the Gulf",
                "SARTUC secretariat",
                Status::InProgress,
                &["organising migrant workers", "social dialogue"],
                120,
                (0, 2),
            ),
            (
                "Campaign for the ratification of C189 and C190",
                "ATUC",
                Status::Planned,
                &["ratification campaign", "gender equality"],
                240,
                (2, 4),
            ),
            (
                "Shared online register of migrant members",
                "ArabTUC",
                Status::Planned,
                &["digital transformation", "organising migrant workers"],
                300,
                (1, 3),
            ),
        ],
    ),
    (
        Scope::National,
        Some("NP"),
        "Nepal: zero recruitment fees",
        &[
            (
                "Monitor recruitment agencies with the Department of Foreign Employment",
                "GEFONT migrant desk",
                Status::InProgress,
                &["fair recruitment"],
                60,
                (0, 6),
            ),
            (
                "Pre-departure sessions on union contacts abroad",
                "NTUC",
                Status::Done,
                &["organising migrant workers"],
                30,
                (0, 1),
            ),
        ],
    ),
    (
        Scope::National,
        Some("VN"),
        "Viet Nam: women leaders on migration",
        &[(
            "Mentoring programme for young women organisers",
            "VGCL women's committee",
            Status::Planned,
            &["gender equality", "youth"],
            150,
            (1, 2),
        )],
    ),
    (
        Scope::National,
        Some("JO"),
        "Jordan: domestic workers organised",
        &[
            (
                "Outreach to domestic workers on their day off",
                "GFJTU",
                Status::InProgress,
                &["organising migrant workers", "informal economy"],
                90,
                (2, 2),
            ),
            (
                "Submit proposals on the sponsorship reform",
                "GFJTU legal department",
                Status::Dropped,
                &["social dialogue", "forced and child labour"],
                45,
                (2, 3),
            ),
        ],
    ),
    (
        Scope::National,
        Some("ID"),
        "Indonesia: legal aid for returnees",
        &[(
            "Legal clinic for returnees with unpaid wages",
            "KSBSI",
            Status::Planned,
            &["social protection"],
            180,
            (2, 1),
        )],
    ),
];

/// Adds the groups, boards and plans to the demo workshop; `roster` are its curated
/// participants (the generated ones of a large demo are left out of the groups).
pub(super) fn add(
    db: &mut Database,
    workshop_id: Uuid,
    roster: &[Uuid],
    start: NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    let people = roster
        .iter()
        .map(|id| participant::get(db.conn(), *id))
        .collect::<Result<Vec<_>>>()?;
    let mut drafts: Vec<GroupDraft> = GROUPS
        .iter()
        .map(|(name, _)| GroupDraft {
            name: (*name).to_owned(),
            participant_ids: Vec::new(),
        })
        .collect();
    for person in &people {
        let country = person.country.as_deref().unwrap_or_default();
        if let Some(i) = GROUPS.iter().position(|(_, cs)| cs.contains(&country)) {
            drafts[i].participant_ids.push(person.id);
        }
    }
    let grouping = groups::create_grouping(db, workshop_id, "By sub-region (day 2)", &drafts, now)?;

    let mut notes: Vec<Vec<Uuid>> = Vec::new();
    for (group, board_notes) in grouping.groups.iter().zip(NOTES) {
        let input = BoardInput {
            question: QUESTION.to_owned(),
            group_id: Some(group.id),
            priority_votes: None,
        };
        let b = board::create(db, workshop_id, &input, now)?;
        let raised_by = RaisedBy {
            group_id: Some(group.id),
            participant_id: None,
        };
        let mut ids: Vec<Uuid> = Vec::new();
        for (quadrant, text, votes) in board_notes.iter() {
            let note = board::add_note(db, b.id, *quadrant, text, raised_by, now)?;
            if *votes == MERGE {
                let kept = *ids.last().unwrap_or(&note.id);
                board::merge_notes(db, kept, note.id, now)?;
                ids.push(kept);
            } else {
                board::set_votes(db, note.id, *votes, now)?;
                ids.push(note.id);
            }
        }
        notes.push(ids);
    }

    let group_of_country: HashMap<&str, Uuid> = GROUPS
        .iter()
        .zip(&grouping.groups)
        .flat_map(|((_, countries), group)| countries.iter().map(move |c| (*c, group.id)))
        .collect();
    for (scope, country, title, actions) in PLANS {
        let plan = plans::create_plan(
            db,
            workshop_id,
            &PlanInput {
                scope: *scope,
                country: country.map(str::to_owned),
                organisation: String::new(),
                title: (*title).to_owned(),
                group_id: country.and_then(|c| group_of_country.get(c).copied()),
            },
            now,
        )?;
        for (description, responsible, status, themes, due_in, (board, note)) in actions.iter() {
            let input = ActionInput {
                description: (*description).to_owned(),
                responsible: (*responsible).to_owned(),
                partners: "ILO-ACTRAV".to_owned(),
                start_date: Some((start + Duration::days(14)).to_string()),
                due_date: Some((start + Duration::days(*due_in)).to_string()),
                status: *status,
                resources: String::new(),
                indicator: String::new(),
                baseline: String::new(),
                target: String::new(),
                themes: themes.iter().map(|t| (*t).to_owned()).collect(),
            };
            let linked: Vec<Uuid> = notes
                .get(*board)
                .and_then(|n| n.get(*note))
                .copied()
                .into_iter()
                .collect();
            plans::add_action(db, plan.id, &input, &linked, now)?;
        }
    }
    edit::forget(db, workshop_id, now)
}

#[cfg(test)]
mod tests {
    use crate::db::Database;
    use crate::{board, edit, groups, plans};
    use chrono::DateTime;

    #[test]
    fn the_demo_carries_groups_boards_and_plans_linked_to_notes_and_nothing_to_undo() {
        let now = DateTime::parse_from_rfc3339("2026-11-25T10:00:00Z")
            .unwrap()
            .to_utc();
        let mut db = Database::open_in_memory(now).unwrap();
        let workshop = super::super::create_default(&mut db, now).unwrap();

        let grouping = &groups::list(db.conn(), workshop.id).unwrap()[0];
        let sizes: Vec<usize> = grouping.groups.iter().map(|g| g.members.len()).collect();
        assert_eq!(
            sizes.iter().sum::<usize>(),
            18,
            "everyone in a group: {sizes:?}"
        );
        assert!(grouping.unassigned.is_empty());

        let boards = board::list(db.conn(), workshop.id).unwrap();
        assert_eq!(boards.len(), 3);
        assert_eq!(
            board::compare(db.conn(), boards[0].id).unwrap().len(),
            3,
            "the same question, one board per group"
        );
        let merged: i64 = db
            .conn()
            .query_row(
                "SELECT count(*) FROM note WHERE merged_into IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(merged, 3);
        assert!(boards.iter().all(|b| b.notes >= 5));

        let all = plans::list(db.conn(), workshop.id).unwrap();
        let national: Vec<_> = all
            .iter()
            .filter(|p| p.scope == plans::Scope::National)
            .collect();
        assert!(national.len() >= 4);
        assert_eq!(all.len() - national.len(), 1, "one regional plan");
        let actions: Vec<_> = all.iter().flat_map(|p| &p.actions).collect();
        assert!(
            actions.iter().all(|a| a.notes.len() == 1),
            "every action answers a note"
        );
        let rollup = plans::rollup(db.conn(), workshop.id).unwrap();
        assert!(
            rollup.by_status.iter().all(|c| c.count > 0),
            "{:?}",
            rollup.by_status
        );
        assert!(rollup.by_theme.len() >= 8);

        assert_eq!(
            edit::state(&db, workshop.id).unwrap(),
            edit::UndoState::default()
        );
    }
}
