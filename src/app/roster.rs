//! The roster import (花名册导入): a plan over the file's checked rows —
//! duplicates inside the file rejected, people already active in this office
//! updated (level, period, phone), people active in another office
//! rejected — and its application in one transaction with one audit event.
//!
//! The plan is pure (unit-tested below); decoding and reading the CSV is
//! the handler's. Depends on `store`; no HTTP.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use entity::participant::Model as Participant;
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    error::{ApiResult, FieldError},
    store::{self, audit, audit::Actor},
};

/// What becomes of one row.
#[derive(Debug)]
pub enum Planned {
    Create(Box<Participant>),
    Update(Box<Participant>),
    Reject(Vec<FieldError>),
}

/// The plan for the file's rows `(line, planned)`, given the active
/// registrations that share an ID number with them (`existing`, by hash) and
/// the importing office: the second row with an ID number is rejected
/// naming the first; an ID number active in this office updates that
/// person; one active in another office is rejected.
pub fn plan(
    mut rows: Vec<(i64, Planned)>,
    existing: &HashMap<String, Participant>,
    office: Uuid,
) -> Vec<(i64, Planned)> {
    let mut first_row: HashMap<String, i64> = HashMap::new();
    for (row, p) in rows.iter_mut() {
        let Planned::Create(m) = p else { continue };
        let Some(h) = m.id_number_hash.clone() else {
            continue;
        };
        if let Some(first) = first_row.get(&h) {
            *p = Planned::Reject(vec![FieldError::new(
                "id_number",
                format!("the same ID number is in row {first}"),
            )]);
            continue;
        }
        first_row.insert(h.clone(), *row);
        if let Some(old) = existing.get(&h) {
            *p = if old.judicial_office_id == Some(office) {
                let mut u = old.clone();
                u.supervision_level = m.supervision_level.clone();
                u.correction_start = m.correction_start;
                u.correction_end = m.correction_end;
                if m.village_committee_id.is_some() {
                    u.village_committee_id = m.village_committee_id;
                }
                if m.phone.is_some() {
                    u.phone = m.phone.clone();
                }
                Planned::Update(Box::new(u))
            } else {
                Planned::Reject(vec![FieldError::new(
                    "id_number",
                    "already has an active registration in another office",
                )])
            };
        }
    }
    rows
}

/// The ID-number hashes of the rows the plan would create (to look up `existing`).
pub fn hashes(rows: &[(i64, Planned)]) -> Vec<String> {
    rows.iter()
        .filter_map(|(_, p)| match p {
            Planned::Create(m) => m.id_number_hash.clone(),
            _ => None,
        })
        .collect()
}

/// One row's result.
pub struct Done {
    pub row: i64,
    /// `Ok(id)` created or updated (`created` says which); `Err` rejected.
    pub result: Result<Uuid, Vec<FieldError>>,
    pub created: bool,
}

/// Writes a plan inside the caller's transaction (the caller commits, or
/// rolls back for a dry run): inserts, updates, and the `participant.import`
/// audit event with the ids created and updated and the rejected count.
pub async fn apply<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    planned: Vec<(i64, Planned)>,
    now: DateTime<Utc>,
) -> ApiResult<Vec<Done>> {
    let mut done = Vec::with_capacity(planned.len());
    let mut inserts = Vec::new();
    let (mut created, mut updated, mut rejected) = (Vec::new(), Vec::new(), 0);
    for (row, p) in planned {
        done.push(match p {
            Planned::Create(m) => {
                created.push(m.id);
                let id = m.id;
                inserts.push(*m);
                Done {
                    row,
                    result: Ok(id),
                    created: true,
                }
            }
            Planned::Update(m) => {
                let id = m.id;
                store::participants::save(txn, *m, now).await?;
                updated.push(id);
                Done {
                    row,
                    result: Ok(id),
                    created: false,
                }
            }
            Planned::Reject(errors) => {
                rejected += 1;
                Done {
                    row,
                    result: Err(errors),
                    created: false,
                }
            }
        });
    }
    store::participants::insert_many(txn, inserts).await?;
    audit::record(
        txn,
        actor,
        "participant.import",
        "participant",
        None,
        json!({"created": created, "updated": updated, "rejected": rejected}),
    )
    .await?;
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(hash: &str, office: Uuid) -> Participant {
        let now = Utc::now();
        Participant {
            id: Uuid::now_v7(),
            kind: "correction_subject".into(),
            code: format!("HG-{hash}"),
            name: "王某".into(),
            id_number_sealed: None,
            id_number_hash: Some(hash.into()),
            id_number_masked: None,
            gender: None,
            birth_date: None,
            minor: false,
            phone: None,
            judicial_office_id: Some(office),
            ngo_id: None,
            correction_type: Some("probation".into()),
            supervision_level: Some("ordinary".into()),
            correction_start: None,
            correction_end: None,
            skills: "[]".into(),
            able_to_work: false,
            medical_needs: false,
            status: "active".into(),
            status_date: None,
            village_committee_id: None,
            status_reason: None,
            created_by: Uuid::nil(),
            version: 1,
            created_at: now,
            updated_at: now,
        }
    }

    fn create(hash: &str, office: Uuid) -> Planned {
        Planned::Create(Box::new(person(hash, office)))
    }

    #[test]
    fn the_plan_dedupes_the_file_merges_this_office_and_rejects_another() {
        let (mine, theirs) = (Uuid::now_v7(), Uuid::now_v7());
        let mut known = person("b", mine);
        known.phone = Some("13800000000".into());
        let mut refreshed = person("b", mine);
        refreshed.supervision_level = Some("strict".into());
        refreshed.phone = Some("13900000000".into());
        let existing = HashMap::from([
            ("b".to_string(), known.clone()),
            ("c".to_string(), person("c", theirs)),
        ]);
        let rows = vec![
            (2, create("a", mine)),
            (3, create("a", mine)),
            (4, Planned::Create(Box::new(refreshed))),
            (5, create("c", mine)),
            (
                6,
                Planned::Reject(vec![FieldError::new("name", "is required")]),
            ),
        ];
        assert_eq!(hashes(&rows), ["a", "a", "b", "c"]);
        let out = plan(rows, &existing, mine);
        assert!(matches!(out[0].1, Planned::Create(_)));
        match &out[1].1 {
            Planned::Reject(e) => assert_eq!(e[0].message, "the same ID number is in row 2"),
            other => panic!("{other:?}"),
        }
        match &out[2].1 {
            Planned::Update(u) => {
                assert_eq!(u.id, known.id, "the registration already there is updated");
                assert_eq!(u.supervision_level.as_deref(), Some("strict"));
                assert_eq!(u.phone.as_deref(), Some("13900000000"));
            }
            other => panic!("{other:?}"),
        }
        match &out[3].1 {
            Planned::Reject(e) => assert_eq!(e[0].field, "id_number"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(out[4].1, Planned::Reject(_)));
    }
}
