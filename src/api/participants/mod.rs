//! `/api/v1/participants`: persons under correction (registered by their
//! judicial office) and volunteers (registered by NGOs). Full ID numbers are
//! shown only to the owning office and the bureau, and each such reveal is
//! audited; everyone else gets the mask, and NGOs see minors by code only.

/// The provincial platform's roster, imported as CSV.
pub mod roster;

use crate::api::text::{Cursor, IdNumberText, MonthText, Prose, Skill, Stored};
pub use crate::api::wire::{CorrectionType, SupervisionLevel};
use crate::api::wire::{GenderCode, HoursStatus, ParticipantState};
use crate::domain::session::ParticipantAction;
use crate::error::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use poem_openapi::{
    Enum, Object, OpenApi,
    param::{Header, Path, Query},
    payload::Json,
    types::MaybeUndefined,
};
use serde_json::json;
use uuid::Uuid;

use crate::api::types::IdempotencyKey;

use crate::{
    api::{
        ApiTags, Created, Ctx, Page, Versioned, check_if_match, etag,
        types::{Check, Text, from_json_text, to_json_text},
    },
    app::{
        self,
        participants::{MonthFilter, NewParticipant},
    },
    auth::{
        authz::{Permission, UserCaller},
        scheme::BearerAuth,
    },
    domain::{
        disclosure::{Disclosure, age_on},
        id_number::IdNumber,
        roles::{OrgKind, Scope},
    },
    error::{ApiError, ApiResult},
    store::{self, audit, page::PageRequest, participants::ParticipantFilter},
};

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "snake_case")]
pub enum ParticipantKind {
    CorrectionSubject,
    Volunteer,
}

fn enum_name<T: poem_openapi::types::ToJSON>(v: &T) -> String {
    v.to_json()
        .and_then(|j| j.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn parse_enum<T: poem_openapi::types::ParseFromJSON>(s: &Option<String>) -> Option<T> {
    s.as_ref()
        .and_then(|s| T::parse_from_json(Some(serde_json::Value::String(s.clone()))).ok())
}

/// A transfer between judicial offices (or out of the county).
#[derive(Object)]
pub struct Transfer {
    #[oai(nullable)]
    pub from_office_id: Option<Uuid>,
    #[oai(nullable)]
    pub to_office_id: Option<Uuid>,
    pub reason: String,
    pub at: DateTime<Utc>,
}

/// A participant as the caller may see it (`correction_type` and
/// `supervision_level` are absent for volunteers; `gender`, derived from the ID
/// number, is absent without one or where the person appears by code only).
#[derive(Object)]
pub struct Participant {
    pub id: Uuid,
    pub kind: ParticipantKind,
    /// Non-identifying code (minors appear to NGOs by this only).
    pub code: String,
    /// `null` for minors shown to anyone but the bureau and the owner.
    #[oai(nullable)]
    pub name: Option<String>,
    /// The full number: only for the owning judicial office and the bureau.
    #[oai(nullable)]
    pub id_number: Option<String>,
    /// e.g. `142327********1234`; `null` for minors shown by code only.
    #[oai(nullable)]
    pub id_number_masked: Option<String>,
    #[oai(skip_serializing_if_is_none)]
    pub gender: Option<Stored<GenderCode>>,
    /// Only beside the full ID number (the mask hides exactly the birth date).
    #[oai(nullable)]
    pub birth_date: Option<NaiveDate>,
    /// Whole years of age today; `null` for minors shown by code only.
    #[oai(nullable)]
    pub age: Option<i32>,
    /// Under 18 at registration.
    pub minor: bool,
    #[oai(nullable)]
    pub phone: Option<String>,
    #[oai(nullable)]
    pub judicial_office_id: Option<Uuid>,
    #[oai(nullable)]
    pub ngo_id: Option<Uuid>,
    #[oai(skip_serializing_if_is_none)]
    pub correction_type: Option<CorrectionType>,
    #[oai(skip_serializing_if_is_none)]
    pub supervision_level: Option<SupervisionLevel>,
    #[oai(nullable)]
    pub correction_start: Option<NaiveDate>,
    #[oai(nullable)]
    pub correction_end: Option<NaiveDate>,
    pub skills: Vec<String>,
    pub able_to_work: bool,
    pub medical_needs: bool,
    /// The village or residents' committee (an agency) that assists with the person.
    #[oai(nullable)]
    pub village_committee_id: Option<Uuid>,
    pub status: Stored<ParticipantState>,
    #[oai(nullable)]
    pub status_date: Option<NaiveDate>,
    pub transfers: Vec<Transfer>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The caller's view of a row; `Ok((view, revealed))`. Full ID numbers go
/// only to the bureau and the person's own office; whoever sees the mask
/// gets an age instead of the birth date (which is exactly what the mask
/// hides); minors outside the bureau and the owner appear by code only.
fn view(
    ctx: &Ctx,
    caller: &UserCaller,
    m: entity::participant::Model,
    transfers: Vec<entity::participant_transfer::Model>,
) -> ApiResult<(Participant, bool)> {
    let full_id = store::participants::shows_full_id_for(caller, &m);
    let code_only = store::participants::disclosure_for(caller, &m) == Disclosure::CodeOnly;
    let id_number = match (&m.id_number_sealed, full_id) {
        (Some(s), true) => Some(ctx.state.vault.open(s).map_err(ApiError::Internal)?),
        _ => None,
    };
    let today = ctx.state.clock.today(ctx.state.settings.tz());
    let revealed = id_number.is_some();
    Ok((
        Participant {
            kind: if m.kind == "volunteer" {
                ParticipantKind::Volunteer
            } else {
                ParticipantKind::CorrectionSubject
            },
            name: (!code_only).then_some(m.name),
            id_number,
            id_number_masked: if code_only { None } else { m.id_number_masked },
            gender: if code_only {
                None
            } else {
                m.gender.map(Stored::new)
            },
            age: if code_only {
                None
            } else {
                m.birth_date.map(|b| age_on(b, today))
            },
            birth_date: if full_id { m.birth_date } else { None },
            phone: if code_only { None } else { m.phone },
            correction_type: parse_enum(&m.correction_type),
            supervision_level: parse_enum(&m.supervision_level),
            skills: from_json_text(&m.skills)?,
            transfers: transfers
                .into_iter()
                .map(|t| Transfer {
                    from_office_id: t.from_office_id,
                    to_office_id: t.to_office_id,
                    reason: t.reason,
                    at: t.created_at,
                })
                .collect(),
            id: m.id,
            code: m.code,
            minor: m.minor,
            judicial_office_id: m.judicial_office_id,
            ngo_id: m.ngo_id,
            correction_start: m.correction_start,
            correction_end: m.correction_end,
            able_to_work: m.able_to_work,
            medical_needs: m.medical_needs,
            village_committee_id: m.village_committee_id,
            status: Stored::new(m.status),
            status_date: m.status_date,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        },
        revealed,
    ))
}

/// A new participant. Persons under correction need every correction field;
/// volunteers need only a name (ID number optional). `correction_type` and
/// `supervision_level` must not be `null`.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateParticipant {
    pub kind: ParticipantKind,
    pub name: Text<100>,
    #[oai(nullable)]
    pub id_number: Option<IdNumberText>,
    #[oai(nullable)]
    pub phone: Option<Text<30>>,
    #[oai(nullable)]
    pub judicial_office_id: Option<Uuid>,
    pub correction_type: MaybeUndefined<CorrectionType>,
    pub supervision_level: MaybeUndefined<SupervisionLevel>,
    #[oai(nullable)]
    pub correction_start: Option<NaiveDate>,
    #[oai(nullable)]
    pub correction_end: Option<NaiveDate>,
    /// At most 50 skills of at most 50 characters, no control characters.
    #[oai(nullable, validator(max_items = 50))]
    pub skills: Option<Vec<Skill>>,
    #[oai(nullable)]
    pub able_to_work: Option<bool>,
    #[oai(nullable)]
    pub medical_needs: Option<bool>,
    /// Persons under correction: their village or residents' committee (an
    /// agency of type `village_committee`).
    #[oai(nullable)]
    pub village_committee_id: Option<Uuid>,
}

/// Changes by the owning office (or NGO, for its volunteers); absent fields stay.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct UpdateParticipant {
    #[oai(nullable)]
    pub name: Option<Text<100>>,
    #[oai(nullable)]
    pub phone: Option<Text<30>>,
    pub supervision_level: MaybeUndefined<SupervisionLevel>,
    #[oai(nullable)]
    pub correction_end: Option<NaiveDate>,
    /// At most 50 skills of at most 50 characters, no control characters.
    #[oai(nullable, validator(max_items = 50))]
    pub skills: Option<Vec<Skill>>,
    #[oai(nullable)]
    pub able_to_work: Option<bool>,
    #[oai(nullable)]
    pub medical_needs: Option<bool>,
    /// An agency of type `village_committee`; `null` removes it.
    #[oai(nullable)]
    pub village_committee_id: MaybeUndefined<Uuid>,
}

/// Release (解矫) or revocation (收监).
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct StatusChange {
    /// Defaults to today.
    #[oai(nullable)]
    pub date: Option<NaiveDate>,
    #[oai(nullable)]
    pub reason: Option<Prose<2000>>,
}

/// A transfer: to another judicial office, or (without `to_office_id`) out of the county.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct TransferRequest {
    #[oai(nullable)]
    pub to_office_id: Option<Uuid>,
    pub reason: Prose<2000>,
}

/// A present-or-absent value that must not be `null`.
fn not_null<T: Copy>(check: &mut Check, field: &str, v: &MaybeUndefined<T>) -> Option<T> {
    match v {
        MaybeUndefined::Value(x) => Some(*x),
        MaybeUndefined::Null => {
            check.fail(field, "must not be null");
            None
        }
        MaybeUndefined::Undefined => None,
    }
}

/// Records that full ID numbers were shown (Personal Information Protection Law: logging).
/// The views of a list of people (with their transfers), auditing the
/// full ID numbers it reveals.
async fn views(
    ctx: &Ctx,
    auth: &BearerAuth,
    caller: &UserCaller,
    rows: Vec<entity::participant::Model>,
) -> ApiResult<Vec<Participant>> {
    let ids: Vec<Uuid> = rows.iter().map(|m| m.id).collect();
    let mut transfers = store::participants::transfers_of(&ctx.state.db.read, &ids).await?;
    let mut items = Vec::with_capacity(rows.len());
    let mut revealed = Vec::new();
    for m in rows {
        let history = transfers.remove(&m.id).unwrap_or_default();
        let (v, r) = view(ctx, caller, m, history)?;
        if r {
            revealed.push(v.id);
        }
        items.push(v);
    }
    audit_reveal(ctx, auth, &revealed).await?;
    Ok(items)
}

impl UpdateParticipant {
    /// The changes and the request's own field errors.
    fn input(&self) -> (app::participants::ParticipantChanges, Vec<FieldError>) {
        let mut check = Check::new();
        let name = self.name.as_ref().map(|n| check.text("name", n));
        let phone = self
            .phone
            .as_ref()
            .map(|p| check.opt_text("phone", Some(p)));
        let level = not_null(&mut check, "supervision_level", &self.supervision_level);
        let skills = self
            .skills
            .as_ref()
            .map(|s| to_json_text(&check.skills("skills", s)));
        let changes = app::participants::ParticipantChanges {
            name,
            phone,
            supervision_level: level.map(|l| enum_name(&l)),
            correction_end: self.correction_end,
            skills,
            able_to_work: self.able_to_work,
            medical_needs: self.medical_needs,
            village_committee_id: match self.village_committee_id {
                MaybeUndefined::Undefined => None,
                MaybeUndefined::Null => Some(None),
                MaybeUndefined::Value(id) => Some(Some(id)),
            },
        };
        (changes, check.into_errors())
    }
}

async fn audit_reveal(ctx: &Ctx, auth: &BearerAuth, ids: &[Uuid]) -> ApiResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let txn = ctx.state.db.begin().await?;
    let object = (ids.len() == 1).then(|| ids[0].to_string());
    audit::record(
        &txn,
        &ctx.actor(&auth.0),
        "participant.reveal_id",
        "participant",
        object,
        json!({"participants": ids}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The request's fields as clean values (text trimmed and checked, the ID
/// number parsed, `null` refused where it means nothing); the rules of a
/// registration are `app::participants::registration`'s. Problems go into `check`.
pub(crate) fn new_participant(body: &CreateParticipant, check: &mut Check) -> NewParticipant {
    let name = check.text("name", &body.name);
    let phone = check.opt_text("phone", body.phone.as_ref());
    let raw_id = body
        .id_number
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let id_number = raw_id.and_then(|raw| match IdNumber::parse(raw) {
        Ok(id) => Some(id),
        Err(e) => {
            check.fail("id_number", e.to_string());
            None
        }
    });
    let correction_type = not_null(check, "correction_type", &body.correction_type);
    let supervision_level = not_null(check, "supervision_level", &body.supervision_level);
    let skills = check.skills("skills", body.skills.as_deref().unwrap_or_default());
    NewParticipant {
        subject: body.kind == ParticipantKind::CorrectionSubject,
        name,
        phone,
        id_number,
        id_number_given: body.id_number.is_some(),
        judicial_office_id: body.judicial_office_id,
        correction_type: correction_type.map(|v| enum_name(&v)),
        supervision_level: supervision_level.map(|v| enum_name(&v)),
        correction_start: body.correction_start,
        correction_end: body.correction_end,
        skills,
        able_to_work: body.able_to_work.unwrap_or(false),
        medical_needs: body.medical_needs.unwrap_or(false),
        village_committee_id: body.village_committee_id,
    }
}

/// A registration checked as `POST /participants` checks it (the roster
/// import uses the same path): the fields, then the rules; the row is
/// meaningful only if nothing went into `check`.
pub(crate) fn registration(
    state: &crate::state::AppState,
    caller: &UserCaller,
    body: &CreateParticipant,
    now: DateTime<Utc>,
    check: &mut Check,
) -> ApiResult<entity::participant::Model> {
    let new = new_participant(body, check);
    let (row, broken) = app::participants::registration(state, caller, &new, now)?;
    check.absorb(broken);
    Ok(row)
}

pub struct ParticipantsApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Participants")]
impl ParticipantsApi {
    /// List participants
    ///
    /// Offices see their own people, NGOs their volunteers, the bureau and the auditor everyone.
    /// `q` matches part of the code, or of the name where the caller sees names (never a
    /// minor's name outside the bureau and the owner). `month_status` keeps persons under
    /// correction whose `month` (default: this month) has that hours status, as
    /// `GET /participants/{id}/hours` would report it.
    #[oai(
        path = "/participants",
        method = "get",
        operation_id = "list_participants"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn list(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        kind: Query<Option<ParticipantKind>>,
        status: Query<Option<ParticipantState>>,
        judicial_office_id: Query<Option<Uuid>>,
        supervision_level: Query<Option<SupervisionLevel>>,
        /// Part of the code or the name, 1–50 characters.
        q: Query<Option<Text<50>>>,
        /// The month `month_status` judges (`YYYY-MM`); default this month.
        month: Query<Option<MonthText>>,
        month_status: Query<Option<HoursStatus>>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Participant>>> {
        let caller = &auth
            .0
            .reader(Permission::ReadParticipants, Scope::ParticipantsRead)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let mut check = Check::new();
        let search = check.opt_text("q", q.0.as_ref());
        check.finish()?;
        let today = ctx.state.clock.today(ctx.state.settings.tz());
        let month = MonthText::or_current(month.0.as_ref(), today)?;
        let status_filter = month_status.0.map(|s| s.into());
        let by_month = status_filter.map(|status| MonthFilter {
            month,
            status,
            today,
        });
        let filter = ParticipantFilter {
            kind: kind.0.map(|k| enum_name(&k)),
            status: status.0.map(|s| s.as_str().to_string()),
            judicial_office_id: judicial_office_id.0,
            supervision_level: supervision_level.0.map(|l| enum_name(&l)),
            search,
        };
        let db = &ctx.state.db.read;
        let (rows, next) = app::participants::list(db, caller, filter, by_month, &page).await?;
        let items = views(&ctx, &auth, caller, rows).await?;
        Ok(Json(Page {
            items,
            next_cursor: next,
        }))
    }

    /// Register a participant
    ///
    /// Office staff register persons under correction of their own office
    /// (ID number checked by GB 11643; gender, birth date and `minor` derived);
    /// NGO staff register volunteers. An active registration with the same ID
    /// number in the same register (the county's persons under correction, or
    /// the NGO's own volunteers) is a 409.
    #[oai(
        path = "/participants",
        method = "post",
        operation_id = "create_participant"
    )]
    async fn create(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateParticipant>,
    ) -> ApiResult<Created<Participant>> {
        let caller = auth.0.require(Permission::RegisterParticipant)?;
        let now = ctx.state.clock.now();
        let mut check = Check::new();
        let new = registration(&ctx.state, caller, &body, now, &mut check)?;
        check.finish()?;
        let txn = ctx.state.db.begin().await?;
        let m = app::participants::register(&txn, &ctx.actor(&auth.0), new).await?;
        txn.commit().await?;
        let location = format!("/api/v1/participants/{}", m.id);
        let (v, revealed) = view(&ctx, caller, m, Vec::new())?;
        if revealed {
            audit_reveal(&ctx, &auth, &[v.id]).await?;
        }
        Ok(Created::Created(Json(v), location))
    }

    /// Get a participant
    #[oai(
        path = "/participants/:id",
        method = "get",
        operation_id = "get_participant"
    )]
    async fn get(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<Versioned<Participant>> {
        let caller = &auth
            .0
            .reader(Permission::ReadParticipants, Scope::ParticipantsRead)?;
        let db = &ctx.state.db.read;
        let m = store::participants::get(db, caller, id.0).await?;
        let transfers = store::participants::transfers(db, m.id).await?;
        let tag = etag(m.version);
        let (v, revealed) = view(&ctx, caller, m, transfers)?;
        if revealed {
            audit_reveal(&ctx, &auth, &[v.id]).await?;
        }
        Ok(Versioned::Ok(Json(v), tag))
    }

    /// Update a participant
    ///
    /// The owning office (or NGO, for volunteers); active participants only; honours `If-Match`.
    #[oai(
        path = "/participants/:id",
        method = "patch",
        operation_id = "update_participant"
    )]
    async fn update(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(name = "If-Match")] if_match: Header<Option<String>>,
        body: Json<UpdateParticipant>,
    ) -> ApiResult<Versioned<Participant>> {
        let caller = auth.0.require(Permission::UpdateParticipant)?;
        let (changes, broken) = body.input();
        let txn = ctx.state.db.begin().await?;
        let m = store::participants::get_owned(&txn, caller, id.0).await?;
        check_if_match(if_match.0.as_deref(), m.version, false)?;
        let actor = ctx.actor(&auth.0);
        let m = app::participants::update(&txn, &ctx.state, &actor, m, changes, broken).await?;
        let transfers = store::participants::transfers(&txn, m.id).await?;
        txn.commit().await?;
        let tag = etag(m.version);
        let (v, _) = view(&ctx, caller, m, transfers)?;
        Ok(Versioned::Ok(Json(v), tag))
    }

    /// Release on completion (解矫)
    #[oai(
        path = "/participants/:id/release",
        method = "post",
        operation_id = "release_participant"
    )]
    async fn release(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<StatusChange>,
    ) -> ApiResult<Json<Participant>> {
        change_status(&ctx, &auth, id.0, ParticipantAction::Release, body.0).await
    }

    /// Revoke into custody (收监)
    #[oai(
        path = "/participants/:id/revoke",
        method = "post",
        operation_id = "revoke_participant"
    )]
    async fn revoke(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<StatusChange>,
    ) -> ApiResult<Json<Participant>> {
        change_status(&ctx, &auth, id.0, ParticipantAction::Revoke, body.0).await
    }

    /// Transfer to another judicial office, or out of the county
    ///
    /// With `to_office_id` the person moves to that office and stays active;
    /// without it the registration ends as `transferred`. History is kept.
    #[oai(
        path = "/participants/:id/transfer",
        method = "post",
        operation_id = "transfer_participant"
    )]
    async fn transfer(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<TransferRequest>,
    ) -> ApiResult<Json<Participant>> {
        let caller = auth.0.require(Permission::ChangeParticipantStatus)?;
        let mut check = Check::new();
        let reason = check.text("reason", &body.reason);
        let db = &ctx.state.db;
        if let Some(to) = body.to_office_id {
            let ok = store::organizations::find(&db.read, to)
                .await?
                .is_some_and(|o| o.kind == OrgKind::JudicialOffice.as_str());
            if !ok || to == caller.org_id {
                check.fail("to_office_id", "must be another judicial office");
            }
        }
        check.finish()?;
        let txn = db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let to = body.to_office_id;
        let m =
            app::participants::transfer(&txn, &ctx.state, &actor, caller, id.0, to, reason).await?;
        let transfers = store::participants::transfers(&txn, m.id).await?;
        txn.commit().await?;
        Ok(Json(view(&ctx, caller, m, transfers)?.0))
    }
}

async fn change_status(
    ctx: &Ctx,
    auth: &BearerAuth,
    id: Uuid,
    action: ParticipantAction,
    body: StatusChange,
) -> ApiResult<Json<Participant>> {
    let caller = auth.0.require(Permission::ChangeParticipantStatus)?;
    let mut check = Check::new();
    let reason = check.opt_text("reason", body.reason.as_ref());
    check.finish()?;
    let txn = ctx.state.db.begin().await?;
    let actor = ctx.actor(&auth.0);
    let change = app::participants::StatusChange {
        action,
        date: body.date,
        reason,
    };
    let m = app::participants::change_status(&txn, &ctx.state, &actor, caller, id, change).await?;
    let transfers = store::participants::transfers(&txn, m.id).await?;
    txn.commit().await?;
    Ok(Json(view(ctx, caller, m, transfers)?.0))
}
