//! Participants: the rules of a registration (who registers whom, what a
//! person under correction needs) and the row they make, with the ID number
//! sealed and hashed; listing people with what a list alone cannot filter
//! on — their month's hours status, judged by the rule of `app::hours`.
//!
//! Depends on `domain`, `store` and `app::hours`; no HTTP. Called by the
//! participants and roster handlers and the demo loader.

use chrono::{DateTime, NaiveDate, Utc};
use entity::participant;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use serde_json::json;

use crate::{
    auth::authz::UserCaller,
    domain::{
        collaboration::AgencyType,
        hours::{Month, MonthStatus},
        id_number::{Gender, IdNumber},
        roles::{OrgKind, Role},
        session::{ParticipantAction, ParticipantStatus},
    },
    error::{ApiError, ApiResult, FieldError, stored},
    state::AppState,
    store::{
        self,
        audit::{self, Actor},
        page::{PageRequest, cursor_for},
        participants::{ParticipantFilter, Registry},
    },
};

/// Only people whose `month` is in `status` as of `today`.
#[derive(Clone, Copy, Debug)]
pub struct MonthFilter {
    pub month: Month,
    pub status: MonthStatus,
    pub today: NaiveDate,
}

/// A page of the participants the caller sees, filtered. With a month
/// filter, only persons under correction qualify, and pages of the plain
/// list are judged in turn until this page is full (keyset order and
/// cursors stay those of the plain list).
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    mut filter: ParticipantFilter,
    by_month: Option<MonthFilter>,
    page: &PageRequest<uuid::Uuid>,
) -> Result<(Vec<participant::Model>, Option<String>), ApiError> {
    let Some(want) = by_month else {
        return store::participants::list(conn, caller, filter, page).await;
    };
    filter.kind = Some("correction_subject".into());
    let limit = page.limit as usize;
    let mut kept = Vec::with_capacity(limit + 1);
    let mut policies = super::hours::Policies::default();
    let mut batch = PageRequest {
        limit: page.limit.max(500),
        after: page.after,
    };
    loop {
        let (rows, next) = store::participants::list(conn, caller, filter.clone(), &batch).await?;
        let statuses =
            super::hours::month_statuses(conn, &mut policies, &rows, want.month, want.today)
                .await?;
        batch.after = rows.last().map(|m| m.id);
        for m in rows {
            if statuses.get(&m.id) == Some(&want.status) {
                kept.push(m);
                if kept.len() > limit {
                    kept.truncate(limit);
                    let next = kept.last().map(|m| cursor_for(m.id));
                    return Ok((kept, next));
                }
            }
        }
        if next.is_none() {
            return Ok((kept, None));
        }
    }
}

/// A registration's fields, already clean (text checked, the ID number parsed).
#[derive(Clone, Debug, Default)]
pub struct NewParticipant {
    /// A person under correction (else a volunteer).
    pub subject: bool,
    pub name: String,
    pub phone: Option<String>,
    pub id_number: Option<IdNumber>,
    /// Whether an ID number was given at all (a bad one is reported where it was parsed).
    pub id_number_given: bool,
    pub judicial_office_id: Option<Uuid>,
    /// Stored names (`probation`, …), as the API's enums spell them.
    pub correction_type: Option<String>,
    pub supervision_level: Option<String>,
    pub correction_start: Option<NaiveDate>,
    pub correction_end: Option<NaiveDate>,
    pub skills: Vec<String>,
    pub able_to_work: bool,
    pub medical_needs: bool,
    /// The person's village or residents' committee (an agency of that type).
    pub village_committee_id: Option<Uuid>,
}

/// The rules of a registration and the row it makes (ID number sealed and
/// hashed, gender, birth date and `minor` derived). Broken rules come back
/// beside the row as field errors; the row is meaningful only when there are none.
pub fn registration(
    state: &AppState,
    caller: &UserCaller,
    new: &NewParticipant,
    now: DateTime<Utc>,
) -> ApiResult<(participant::Model, Vec<FieldError>)> {
    let (office, ngo, broken) = rules(caller, new);
    let today = state.clock.today(state.settings.tz());
    let id = new.id_number.as_ref();
    let sealed = id
        .map(|i| state.vault.seal(i.as_str()))
        .transpose()
        .map_err(ApiError::Internal)?;
    let row = participant::Model {
        id: Uuid::now_v7(),
        kind: if new.subject {
            "correction_subject"
        } else {
            "volunteer"
        }
        .into(),
        code: non_identifying_code(),
        name: new.name.clone(),
        id_number_sealed: sealed,
        id_number_hash: id.map(|i| state.vault.lookup_hash(i.as_str())),
        id_number_masked: id.map(IdNumber::masked),
        gender: id.map(|i| match i.gender() {
            Gender::Male => "male".into(),
            Gender::Female => "female".into(),
        }),
        birth_date: id.map(IdNumber::birth_date),
        minor: id.is_some_and(|i| i.age_on(today) < 18),
        phone: new.phone.clone(),
        judicial_office_id: office,
        ngo_id: ngo,
        correction_type: new.correction_type.clone(),
        supervision_level: new.supervision_level.clone(),
        correction_start: new.correction_start,
        correction_end: new.correction_end,
        skills: serde_json::to_string(&new.skills).unwrap_or_else(|_| "[]".into()),
        village_committee_id: new.village_committee_id,
        able_to_work: new.able_to_work,
        medical_needs: new.medical_needs,
        status: "active".into(),
        status_date: None,
        status_reason: None,
        created_by: caller.user_id,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    Ok((row, broken))
}

/// Who registers whom and what a person under correction needs: the
/// owning office or NGO, and the broken rules as field errors.
fn rules(
    caller: &UserCaller,
    new: &NewParticipant,
) -> (Option<Uuid>, Option<Uuid>, Vec<FieldError>) {
    let mut broken = Vec::new();
    let mut fail = |field: &str, message: &str| broken.push(FieldError::new(field, message));
    let (office, ngo) = if new.subject {
        if caller.role != Role::OfficeStaff {
            fail(
                "kind",
                "persons under correction are registered by their judicial office",
            );
        }
        if new.judicial_office_id.is_some_and(|o| o != caller.org_id) {
            fail("judicial_office_id", "must be your own office");
        }
        if !new.id_number_given {
            fail("id_number", "is required for a person under correction");
        }
        for (field, missing) in [
            ("correction_type", new.correction_type.is_none()),
            ("supervision_level", new.supervision_level.is_none()),
            ("correction_start", new.correction_start.is_none()),
            ("correction_end", new.correction_end.is_none()),
        ] {
            if missing {
                fail(field, "is required for a person under correction");
            }
        }
        if let (Some(s), Some(e)) = (new.correction_start, new.correction_end)
            && e < s
        {
            fail("correction_end", "must not be before correction_start");
        }
        (Some(caller.org_id), None)
    } else {
        if caller.org_kind != OrgKind::Ngo {
            fail("kind", "volunteers are registered by NGOs");
        }
        if new.judicial_office_id.is_some()
            || new.correction_type.is_some()
            || new.supervision_level.is_some()
            || new.village_committee_id.is_some()
        {
            fail("kind", "volunteers have no correction fields");
        }
        (None, Some(caller.org_id))
    };
    (office, ngo, broken)
}

/// A non-identifying participant code (`HG-` and ten letters or digits).
fn non_identifying_code() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    let tail: String = (0..10)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect();
    format!("HG-{tail}")
}

/// Transfers a person of the caller's office: to another judicial office
/// (which then owns the record), or (`to: None`) out of the county, when
/// the registration ends as `transferred`. The history keeps every move.
pub async fn transfer<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
    to: Option<Uuid>,
    reason: String,
) -> ApiResult<participant::Model> {
    let now = state.clock.now();
    let mut m = store::participants::get_owned(txn, caller, id).await?;
    let out_of_county = stored::<ParticipantStatus>(&m.status)?
        .apply(ParticipantAction::Transfer)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?;
    if m.kind != "correction_subject" {
        return Err(ApiError::InvalidTransition(
            "only persons under correction are transferred".into(),
        ));
    }
    store::participants::insert_transfer(
        txn,
        entity::participant_transfer::Model {
            id: Uuid::now_v7(),
            participant_id: m.id,
            from_office_id: m.judicial_office_id,
            to_office_id: to,
            reason,
            transferred_by: caller.user_id,
            created_at: now,
        },
    )
    .await?;
    match to {
        Some(to) => m.judicial_office_id = Some(to),
        None => {
            m.status = out_of_county.as_str().into();
            m.status_date = Some(state.clock.today(state.settings.tz()));
        }
    }
    let m = store::participants::save(txn, m, now).await?;
    let object = Some(m.id.to_string());
    let detail = json!({"to_office_id": to});
    audit::record(
        txn,
        actor,
        "participant.transfer",
        "participant",
        object,
        detail,
    )
    .await?;
    Ok(m)
}

/// A release (解矫) or revocation (收监), dated (default today), with a reason.
pub struct StatusChange {
    pub action: ParticipantAction,
    pub date: Option<NaiveDate>,
    pub reason: Option<String>,
}

/// Ends a registration of the caller's office by release or revocation; both
/// are also recorded as outcomes of the correction (completion, revocation).
pub async fn change_status<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
    change: StatusChange,
) -> ApiResult<participant::Model> {
    let mut m = store::participants::get_owned(txn, caller, id).await?;
    let to = stored::<ParticipantStatus>(&m.status)?
        .apply(change.action)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?;
    if m.kind != "correction_subject" {
        return Err(ApiError::InvalidTransition(
            "only a person under correction is released or revoked".into(),
        ));
    }
    m.status = to.as_str().into();
    m.status_date = Some(
        change
            .date
            .unwrap_or_else(|| state.clock.today(state.settings.tz())),
    );
    m.status_reason = change.reason;
    let m = store::participants::save(txn, m, state.clock.now()).await?;
    if let Some(kind) = to.outcome_kind() {
        super::outcomes::record(
            txn,
            state,
            &m,
            kind,
            m.status_date.unwrap_or_default(),
            m.status_reason.clone().unwrap_or_default(),
            (None, None),
            (caller.org_id, caller.user_id),
        )
        .await?;
    }
    let object = Some(m.id.to_string());
    let detail = json!({"date": m.status_date});
    let action = format!("participant.{to}");
    audit::record(txn, actor, &action, "participant", object, detail).await?;
    Ok(m)
}

/// Registers a checked row (see [`registration`]): an ID number already
/// active in the same register (the county's persons under correction, or
/// the NGO's own volunteers) is a 409.
pub async fn register<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    new: participant::Model,
) -> ApiResult<participant::Model> {
    if let Some(h) = &new.id_number_hash
        && store::participants::active_with_hash(txn, Registry::of(&new), h)
            .await?
            .is_some()
    {
        return Err(ApiError::Conflict(
            "this ID number already has an active registration".into(),
        ));
    }
    if let Some(problem) = committee_problem(txn, new.village_committee_id).await? {
        return Err(ApiError::Validation(vec![problem]));
    }
    let m = store::participants::insert(txn, new).await?;
    let detail = json!({"kind": m.kind, "code": m.code, "minor": m.minor});
    let object = Some(m.id.to_string());
    audit::record(
        txn,
        actor,
        "participant.create",
        "participant",
        object,
        detail,
    )
    .await?;
    Ok(m)
}

/// A named village committee must be an agency of type `village_committee`.
async fn committee_problem<C: ConnectionTrait>(
    conn: &C,
    committee: Option<Uuid>,
) -> ApiResult<Option<FieldError>> {
    let Some(id) = committee else {
        return Ok(None);
    };
    let is_committee = store::organizations::find(conn, id)
        .await?
        .is_some_and(|o| o.agency_type.as_deref() == Some(AgencyType::VillageCommittee.as_str()));
    Ok((!is_committee).then(|| {
        FieldError::new(
            "village_committee_id",
            "must be an agency of type village_committee",
        )
    }))
}

/// Changes to an active person's record; `None` leaves a field as it is.
#[derive(Default)]
pub struct ParticipantChanges {
    pub name: Option<String>,
    pub phone: Option<Option<String>>,
    /// Stored name of the supervision level.
    pub supervision_level: Option<String>,
    pub correction_end: Option<NaiveDate>,
    /// Skills as stored JSON.
    pub skills: Option<String>,
    pub able_to_work: Option<bool>,
    pub medical_needs: Option<bool>,
    /// `Some(None)` removes the committee.
    pub village_committee_id: Option<Option<Uuid>>,
}

/// Edits an active person (409 otherwise, as read inside this
/// transaction): only people under correction have a supervision level and
/// a correction end, which is not before its start. `broken` are the
/// caller's field errors.
pub async fn update<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    mut m: participant::Model,
    changes: ParticipantChanges,
    mut broken: Vec<FieldError>,
) -> ApiResult<participant::Model> {
    if stored::<ParticipantStatus>(&m.status)? != ParticipantStatus::Active {
        let message = format!("a {} participant is not edited", m.status);
        return Err(ApiError::InvalidTransition(message));
    }
    let subject = m.kind == "correction_subject";
    let committee = changes.village_committee_id.flatten();
    let correction_fields = changes.supervision_level.is_some()
        || changes.correction_end.is_some()
        || committee.is_some();
    if !subject && correction_fields {
        broken.push(FieldError::new(
            "supervision_level",
            "volunteers have no correction fields",
        ));
    }
    if let Some(e) = changes.correction_end {
        if m.correction_start.is_some_and(|s| e < s) {
            broken.push(FieldError::new(
                "correction_end",
                "must not be before correction_start",
            ));
        }
        m.correction_end = Some(e);
    }
    broken.extend(committee_problem(txn, committee).await?);
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    m.name = changes.name.unwrap_or(m.name);
    m.phone = changes.phone.unwrap_or(m.phone);
    m.supervision_level = changes.supervision_level.or(m.supervision_level);
    m.skills = changes.skills.unwrap_or(m.skills);
    m.able_to_work = changes.able_to_work.unwrap_or(m.able_to_work);
    m.medical_needs = changes.medical_needs.unwrap_or(m.medical_needs);
    m.village_committee_id = changes
        .village_committee_id
        .unwrap_or(m.village_committee_id);
    let m = store::participants::save(txn, m, state.clock.now()).await?;
    let detail = json!({"version": m.version});
    let object = Some(m.id.to_string());
    audit::record(
        txn,
        actor,
        "participant.update",
        "participant",
        object,
        detail,
    )
    .await?;
    Ok(m)
}

/// The code of each of these people, and the name where `named` accepts the
/// caller's disclosure level for that person (the one rule of
/// `domain::disclosure`), for records that mention people: meeting items,
/// assistance notices.
pub async fn codes_and_names<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    ids: &[Uuid],
    named: impl Fn(crate::domain::disclosure::Disclosure) -> bool,
) -> ApiResult<std::collections::HashMap<Uuid, (String, Option<String>)>> {
    use crate::domain::disclosure::{Owner, disclosure};
    let people = store::participants::by_ids(conn, ids).await?;
    Ok(people
        .into_values()
        .map(|p| {
            let owner = Owner {
                office_id: p.judicial_office_id,
                ngo_id: p.ngo_id,
            };
            let shown = named(disclosure(caller.role, caller.org_id, owner, p.minor));
            (p.id, (p.code, shown.then_some(p.name)))
        })
        .collect())
}
