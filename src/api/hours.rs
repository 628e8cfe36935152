//! The hours ledger: a person's month (required, earned, status, entries),
//! manual entries and their approval, reversals, month closing, and the
//! bureau's requirement policy.

use crate::api::text::{MonthText, Prose, Stored};
use crate::api::types::{Hours, Int};
use crate::api::wire::{EntrySource, EntryStatus, HoursStatus};
use chrono::{DateTime, NaiveDate, Utc};
use poem_openapi::{
    Enum, Object, OpenApi,
    param::{Header, Path, Query},
    payload::Json,
};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::api::types::IdempotencyKey;

use crate::{
    api::{
        ApiTags, Created, Ctx, Versioned, check_if_match, etag,
        types::{Check, SessionType, Text, api_enum},
    },
    app,
    auth::{
        authz::{Permission, UserCaller},
        scheme::BearerAuth,
    },
    domain::{
        hours::{self as rules, Category, Month, Policy, Requirement},
        plan::GoalStatus,
        roles::Scope,
    },
    error::{ApiResult, stored},
    store::{self, hours::Entry},
};

/// A ledger category.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "snake_case")]
pub enum HoursCategory {
    Education,
    PublicWelfare,
    Volunteer,
}

impl From<HoursCategory> for Category {
    fn from(c: HoursCategory) -> Self {
        match c {
            HoursCategory::Education => Category::Education,
            HoursCategory::PublicWelfare => Category::PublicWelfare,
            HoursCategory::Volunteer => Category::Volunteer,
        }
    }
}

impl From<Category> for HoursCategory {
    fn from(c: Category) -> Self {
        match c {
            Category::Education => HoursCategory::Education,
            Category::PublicWelfare => HoursCategory::PublicWelfare,
            Category::Volunteer => HoursCategory::Volunteer,
        }
    }
}

fn hours(x100: i64) -> f64 {
    x100 as f64 / 100.0
}

/// One ledger entry. Entries are never changed; `status` is derived.
#[derive(Object)]
pub struct HoursEntry {
    pub id: Uuid,
    pub participant_id: Uuid,
    pub category: HoursCategory,
    pub source: Stored<EntrySource>,
    /// Negative for a reversal.
    pub hours: f64,
    /// The day of the work (of the reversal, for a reversal).
    pub date: NaiveDate,
    /// The ledger month it counts in, `YYYY-MM`.
    pub month: String,
    pub description: String,
    #[oai(nullable)]
    pub session_id: Option<Uuid>,
    /// For a reversal: the entry it reverses.
    #[oai(nullable)]
    pub reverses_id: Option<Uuid>,
    /// For a reversed entry: the reversing entry.
    #[oai(nullable)]
    pub reversed_by: Option<Uuid>,
    pub status: Stored<EntryStatus>,
    /// Whether `hours` count towards the balance.
    pub counted: bool,
    pub created_at: DateTime<Utc>,
}

impl HoursEntry {
    fn from_entry(e: Entry) -> ApiResult<Self> {
        let counted = rules::counts(&e.row.source, e.approved);
        let status = match (e.row.source.as_str(), e.approved, e.reversed_by.is_some()) {
            ("manual", false, true) => "rejected",
            (_, _, true) => "reversed",
            ("manual", false, false) => "pending",
            ("manual", true, false) => "approved",
            _ => "posted",
        };
        let category: Category = stored(&e.row.category)?;
        Ok(Self {
            id: e.row.id,
            participant_id: e.row.participant_id,
            category: category.into(),
            source: Stored::new(e.row.source),
            hours: hours(e.row.hours_x100),
            date: e.row.date,
            month: e.row.month,
            description: e.row.description,
            session_id: e.row.session_id,
            reverses_id: e.row.reverses_id,
            reversed_by: e.reversed_by,
            status: Stored::new(status),
            counted,
            created_at: e.row.created_at,
        })
    }
}

/// Hours per category.
#[derive(Object)]
pub struct RequiredHours {
    pub education: f64,
    pub public_welfare: f64,
}

/// Earned hours per category.
#[derive(Object)]
pub struct EarnedHours {
    pub education: f64,
    pub public_welfare: f64,
    pub volunteer: f64,
}

/// A person's ledger month. `status` is absent for an NGO viewing a person
/// under correction: the month's status depends on entries it may not see.
#[derive(Object)]
pub struct MonthHours {
    pub participant_id: Uuid,
    /// `YYYY-MM`.
    pub month: String,
    pub required: RequiredHours,
    pub earned: EarnedHours,
    /// Sum of the counted entries (all categories); always equals the sum of `earned`.
    /// For an NGO viewing a person under correction, `earned` and `balance`
    /// sum only the entries it sees (those from its own sessions).
    pub balance: f64,
    #[oai(skip_serializing_if_is_none)]
    pub status: Option<HoursStatus>,
    /// The plan version in effect for the month, when there is one (its
    /// `monthly_hours`, if set, are `required`). Absent for an NGO.
    #[oai(skip_serializing_if_is_none)]
    pub plan_version: Option<i32>,
    /// The plan's session goals in the month (empty without a plan, and for an NGO).
    pub goals: Vec<GoalInMonth>,
    /// A closed month changes only through reversing entries.
    pub closed: bool,
    pub entries: Vec<HoursEntry>,
}

api_enum!(
    /// A plan goal in a month: `met`, `missed` (the month ended short of it) or `open`.
    GoalState <=> GoalStatus {
        Met = "met",
        Missed = "missed",
        Open = "open",
    }
);

/// A plan's session goal in a month: sessions of the type attended (present,
/// late or left early) against the goal.
#[derive(Object)]
pub struct GoalInMonth {
    #[oai(rename = "type")]
    pub session_type: Stored<SessionType>,
    pub per_month: i32,
    pub attended: i64,
    pub status: GoalState,
}

/// A manual entry (e.g. public-welfare work at an approved site). `category`:
/// `education` or `public_welfare` for persons under correction, `volunteer` for volunteers.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateHoursEntry {
    pub category: HoursCategory,
    /// 0.01–24, at most two decimals.
    pub hours: Hours<1, 2400>,
    /// Not in the future, in a month that is not closed.
    pub date: NaiveDate,
    pub description: Text<500>,
}

/// Why an entry is reversed.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct ReverseHoursEntry {
    pub reason: Prose<500>,
}

/// A closed ledger month.
#[derive(Object)]
pub struct MonthClosure {
    /// The judicial office (or, for volunteers, the NGO) whose month it is.
    pub org_id: Uuid,
    pub month: String,
    pub closed_at: DateTime<Utc>,
}

/// Monthly hours required at one supervision level.
#[derive(Object, Clone)]
#[oai(deny_unknown_fields)]
pub struct LevelRequirement {
    /// 0–200, two decimals.
    pub education: Hours<0, 20_000>,
    /// 0–200, two decimals.
    pub public_welfare: Hours<0, 20_000>,
}

/// The bureau's monthly requirement per supervision level.
#[derive(Object)]
pub struct RequirementPolicy {
    pub strict: LevelRequirement,
    pub ordinary: LevelRequirement,
    pub lenient: LevelRequirement,
    /// From this day of the month (1–28) a person below the pro-rata share is `at_risk`.
    pub at_risk_day: i32,
    /// `false` while the defaults apply.
    pub configured: bool,
    pub version: i32,
}

/// A new requirement policy (replaces the whole policy).
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct PutRequirementPolicy {
    pub strict: LevelRequirement,
    pub ordinary: LevelRequirement,
    pub lenient: LevelRequirement,
    /// 1–28.
    pub at_risk_day: Int<1, 28>,
}

/// The goals of the plan in effect in `month` (none without a plan).
async fn goals_in<C: ConnectionTrait>(
    conn: &C,
    ctx: &Ctx,
    p: &entity::participant::Model,
    plan: Option<&entity::correction_plan::Model>,
    month: Month,
) -> ApiResult<Vec<GoalInMonth>> {
    let Some(plan) = plan else {
        return Ok(Vec::new());
    };
    Ok(app::plans::progress(conn, &ctx.state, p, plan, month)
        .await?
        .into_iter()
        .map(|g| GoalInMonth {
            session_type: Stored::new(g.goal.session_type),
            per_month: g.goal.per_month,
            attended: g.attended,
            status: g.status.into(),
        })
        .collect())
}

/// The ledger month of a participant, computed.
async fn month_hours<C: ConnectionTrait>(
    conn: &C,
    ctx: &Ctx,
    caller: &UserCaller,
    p: &entity::participant::Model,
    month: Month,
) -> ApiResult<MonthHours> {
    // Volunteers owe nothing; a person under correction what the plan in
    // effect or the policy says.
    let owed = if p.kind == "volunteer" {
        None
    } else {
        app::hours::owed(conn, &mut app::hours::Policies::default(), &[p], month)
            .await?
            .remove(&p.id)
    };
    let required = owed.as_ref().map(|o| o.required).unwrap_or_default();
    let partial = store::hours::partial_view(caller, p);
    let visible = store::hours::entries(conn, caller, p, month).await?;
    let sums = if partial {
        let mut sums = std::collections::HashMap::<String, i64>::new();
        for e in visible
            .iter()
            .filter(|e| rules::counts(&e.row.source, e.approved))
        {
            *sums.entry(e.row.category.clone()).or_default() += e.row.hours_x100;
        }
        sums
    } else {
        store::hours::earned(conn, p.id, month).await?
    };
    let get = |c: Category| sums.get(c.as_str()).copied().unwrap_or(0);
    let earned = Requirement {
        education_x100: get(Category::Education),
        public_welfare_x100: get(Category::PublicWelfare),
    };
    let volunteer = get(Category::Volunteer);
    let today = ctx.state.clock.today(ctx.state.settings.tz());
    let at_risk_day = owed.as_ref().map_or(1, |o| o.at_risk_day);
    let status = rules::status(required, earned, month, today, at_risk_day);
    let plan = owed.and_then(|o| o.plan).filter(|_| !partial);
    let goals = goals_in(conn, ctx, p, plan.as_ref(), month).await?;
    let closed = match app::hours::ledger_org(p) {
        Some(org) => store::hours::is_closed(conn, org, month).await?,
        None => false,
    };
    let entries = visible
        .into_iter()
        .map(HoursEntry::from_entry)
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(MonthHours {
        participant_id: p.id,
        month: month.to_string(),
        required: RequiredHours {
            education: hours(required.education_x100),
            public_welfare: hours(required.public_welfare_x100),
        },
        earned: EarnedHours {
            education: hours(earned.education_x100),
            public_welfare: hours(earned.public_welfare_x100),
            volunteer: hours(volunteer),
        },
        balance: hours(earned.education_x100 + earned.public_welfare_x100 + volunteer),
        status: (!partial).then(|| status.into()),
        plan_version: plan.map(|m| m.version),
        goals,
        closed,
        entries,
    })
}

fn policy_view(row: Option<&entity::requirement_policy::Model>) -> RequirementPolicy {
    let p = store::hours::policy_of(row);
    let level = |r: Requirement| LevelRequirement {
        education: Hours(hours(r.education_x100)),
        public_welfare: Hours(hours(r.public_welfare_x100)),
    };
    RequirementPolicy {
        strict: level(p.strict),
        ordinary: level(p.ordinary),
        lenient: level(p.lenient),
        at_risk_day: p.at_risk_day as i32,
        configured: row.is_some(),
        version: row.map(|r| r.version).unwrap_or(0),
    }
}

pub struct HoursApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Hours")]
impl HoursApi {
    /// A person's hours for a month
    ///
    /// Required (the monthly hours of the plan in effect, else the bureau's
    /// policy for the person's supervision level), earned per category,
    /// `status` (`on_track`, `at_risk`, `met`, `not_met`), the plan's session
    /// goals met, missed or open, and the month's entries. NGOs see the entries from their
    /// own sessions. Default month: the current one.
    #[oai(
        path = "/participants/:id/hours",
        method = "get",
        operation_id = "get_participant_hours"
    )]
    async fn get(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// `YYYY-MM`.
        month: Query<Option<MonthText>>,
    ) -> ApiResult<Json<MonthHours>> {
        let caller = auth
            .0
            .reader(Permission::ReadHours, Scope::ParticipantsRead)?;
        let today = ctx.state.clock.today(ctx.state.settings.tz());
        let month = MonthText::or_current(month.0.as_ref(), today)?;
        let db = &ctx.state.db.read;
        let p = store::participants::get(db, &caller, id.0).await?;
        Ok(Json(month_hours(db, &ctx, &caller, &p, month).await?))
    }

    /// Log hours by hand
    ///
    /// A manual entry is `pending` until the person's judicial office (for a
    /// volunteer: the NGO's admin) approves it.
    #[oai(
        path = "/participants/:id/hours",
        method = "post",
        operation_id = "create_hours_entry"
    )]
    async fn create(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateHoursEntry>,
    ) -> ApiResult<Created<HoursEntry>> {
        let caller = auth.0.require(Permission::LogHours)?;
        let today = ctx.state.clock.today(ctx.state.settings.tz());
        let mut check = Check::new();
        let description = check.text("description", &body.description);
        let x100 = check.hours("hours", body.hours);
        if body.date > today {
            check.fail("date", "must not be in the future");
        }
        let (category, date) = (body.category.into(), body.date);
        let entry = app::hours::ManualEntry {
            category,
            hours_x100: x100,
            date,
            description,
        };
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let broken = check.into_errors();
        let row =
            app::hours::log_manual(&txn, &ctx.state, &actor, caller, id.0, entry, broken).await?;
        txn.commit().await?;
        let (pid, month) = (row.participant_id, row.month.clone());
        let location = format!("/api/v1/participants/{pid}/hours?month={month}");
        let view = HoursEntry::from_entry(Entry {
            row,
            approved: false,
            reversed_by: None,
        })?;
        Ok(Created::Created(Json(view), location))
    }

    /// Approve a manual entry
    ///
    /// By the person's judicial office (a volunteer's: the NGO's admin), while
    /// its month is open.
    #[oai(
        path = "/hours/:entry_id/approve",
        method = "post",
        operation_id = "approve_hours_entry"
    )]
    async fn approve(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        entry_id: Path<Uuid>,
    ) -> ApiResult<Json<HoursEntry>> {
        let caller = auth.0.require(Permission::ApproveHours)?;
        let txn = ctx.state.db.begin().await?;
        let e =
            app::hours::approve(&txn, &ctx.state, &ctx.actor(&auth.0), caller, entry_id.0).await?;
        txn.commit().await?;
        Ok(Json(HoursEntry::from_entry(e)?))
    }

    /// Reverse an entry
    ///
    /// Appends an entry that cancels what the original counted (0 hours for a
    /// manual entry that was never approved: it is then `rejected`). The
    /// reversal counts in the original's month, also when that month is closed.
    #[oai(
        path = "/hours/:entry_id/reverse",
        method = "post",
        operation_id = "reverse_hours_entry"
    )]
    async fn reverse(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        entry_id: Path<Uuid>,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<ReverseHoursEntry>,
    ) -> ApiResult<Created<HoursEntry>> {
        let caller = auth.0.require(Permission::ApproveHours)?;
        let mut check = Check::new();
        let reason = check.text("reason", &body.reason);
        check.finish()?;
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let row = app::hours::reverse(&txn, &ctx.state, &actor, caller, entry_id.0, reason).await?;
        txn.commit().await?;
        let location = format!(
            "/api/v1/participants/{}/hours?month={}",
            row.participant_id, row.month
        );
        let entry = Entry {
            row,
            approved: false,
            reversed_by: None,
        };
        Ok(Created::Created(
            Json(HoursEntry::from_entry(entry)?),
            location,
        ))
    }

    /// Close a ledger month
    ///
    /// For the caller's judicial office (an NGO admin: its volunteers). After
    /// the month has ended; from then on it changes only through reversals.
    #[oai(
        path = "/hours/months/:month/close",
        method = "post",
        operation_id = "close_hours_month"
    )]
    async fn close_month(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// `YYYY-MM`.
        month: Path<MonthText>,
    ) -> ApiResult<Json<MonthClosure>> {
        let caller = auth.0.require(Permission::ApproveHours)?;
        let month = month.0.month()?;
        let txn = ctx.state.db.begin().await?;
        let c =
            app::hours::close_month(&txn, &ctx.state, &ctx.actor(&auth.0), caller, month).await?;
        txn.commit().await?;
        Ok(Json(MonthClosure {
            org_id: c.org_id,
            month: c.month,
            closed_at: c.closed_at,
        }))
    }

    /// The monthly hours requirement
    ///
    /// Of the caller's bureau (for offices and NGOs: the bureau they belong
    /// to). Defaults until the bureau sets one: strict 12 + 12, ordinary 8 + 8,
    /// lenient 4 + 4 hours of education + public welfare.
    #[oai(
        path = "/policies/requirements",
        method = "get",
        operation_id = "get_requirement_policy"
    )]
    async fn get_policy(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
    ) -> ApiResult<Versioned<RequirementPolicy>> {
        let caller = auth.0.require(Permission::ReadPolicies)?;
        let db = &ctx.state.db.read;
        let row = match store::hours::bureau_for(db, caller.org_id).await? {
            Some(b) => store::hours::policy_row(db, b).await?,
            None => None,
        };
        let view = policy_view(row.as_ref());
        let tag = etag(view.version);
        Ok(Versioned::Ok(Json(view), tag))
    }

    /// Set the monthly hours requirement
    ///
    /// Bureau admin. Replaces the whole policy; `If-Match` (optional) guards
    /// against overwriting a concurrent change.
    #[oai(
        path = "/policies/requirements",
        method = "put",
        operation_id = "put_requirement_policy"
    )]
    async fn put_policy(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        #[oai(name = "If-Match")] if_match: Header<Option<String>>,
        body: Json<PutRequirementPolicy>,
    ) -> ApiResult<Versioned<RequirementPolicy>> {
        let caller = auth.0.require(Permission::ManagePolicies)?;
        let mut check = Check::new();
        let mut level = |name: &str, l: &LevelRequirement| Requirement {
            education_x100: check.hours(&format!("{name}.education"), l.education),
            public_welfare_x100: check.hours(&format!("{name}.public_welfare"), l.public_welfare),
        };
        let policy = Policy {
            strict: level("strict", &body.strict),
            ordinary: level("ordinary", &body.ordinary),
            lenient: level("lenient", &body.lenient),
            at_risk_day: check.within("at_risk_day", body.at_risk_day) as u32,
        };
        check.finish()?;
        let txn = ctx.state.db.begin().await?;
        let existing = store::hours::policy_row(&txn, caller.org_id).await?;
        check_if_match(
            if_match.0.as_deref(),
            existing.as_ref().map_or(0, |r| r.version),
            false,
        )?;
        let actor = ctx.actor(&auth.0);
        let row =
            app::hours::put_policy(&txn, &ctx.state, &actor, caller, existing, policy).await?;
        txn.commit().await?;
        let view = policy_view(Some(&row));
        let tag = etag(view.version);
        Ok(Versioned::Ok(Json(view), tag))
    }
}
