//! `/api/v1/participants/{id}/team` and `/plans`: a person's correction team
//! (矫正小组) and individual plan versions (矫正方案).

use chrono::{DateTime, NaiveDate, Utc};
use poem_openapi::{
    Enum, Object, OpenApi,
    param::{Header, Path, Query},
    payload::Json,
};
use uuid::Uuid;

use crate::{
    api::{
        ApiTags, Created, Ctx, Page, Versioned, check_if_match, etag,
        text::{Cursor, Hours, Int, Prose, Stored},
        types::{Check, IdempotencyKey, SessionType, Text, api_enum},
    },
    app::{self, plans::NewPlan},
    auth::{authz::Permission, scheme::BearerAuth},
    domain::{
        collaboration::TeamMember,
        hours::Requirement,
        plan::{PlanShown, SessionGoal},
    },
    error::ApiResult,
    store::page::PageRequest,
};

api_enum!(
    /// A team member's part: 司法所工作人员, 村(居)委会, 社工, 家庭成员, 医生, 志愿者, other.
    TeamRole {
        OfficeStaff = "office_staff",
        VillageCommittee = "village_committee",
        NgoWorker = "ngo_worker",
        Family = "family",
        Doctor = "doctor",
        Volunteer = "volunteer",
        Other = "other",
    }
);

api_enum!(
    /// A team member's gender (Art. 25 asks for a woman on a woman's team).
    MemberGender {
        Female = "female",
        Male = "male",
    }
);

/// A member of the team.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct TeamMemberBody {
    pub name: Text<100>,
    pub role: TeamRole,
    #[oai(nullable)]
    pub organization_id: Option<Uuid>,
    pub gender: MemberGender,
    #[oai(nullable)]
    pub phone: Option<Text<30>>,
}

/// A member as stored.
#[derive(Object)]
pub struct TeamMemberView {
    pub name: String,
    pub role: Stored<TeamRole>,
    #[oai(nullable)]
    pub organization_id: Option<Uuid>,
    pub gender: Stored<MemberGender>,
    #[oai(nullable)]
    pub phone: Option<String>,
}

/// A person's correction team (empty until set).
#[derive(Object)]
pub struct Team {
    pub participant_id: Uuid,
    pub members: Vec<TeamMemberView>,
    /// 0 before the first team is set.
    pub version: i32,
}

/// The whole team, replacing the one before.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct PutTeam {
    #[oai(validator(max_items = 30))]
    pub members: Vec<TeamMemberBody>,
}

/// Monthly hours a plan sets in place of the supervision-level policy
/// while it is in effect (absent: the policy applies).
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct MonthlyHours {
    /// 0–200, two decimals.
    pub education: Hours<0, 20_000>,
    /// 0–200, two decimals.
    pub public_welfare: Hours<0, 20_000>,
}

/// So many attended sessions of one type a month.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct SessionGoalBody {
    #[oai(rename = "type")]
    pub session_type: SessionType,
    /// 1–31.
    pub per_month: Int<1, 31>,
}

/// A goal as stored.
#[derive(Object)]
pub struct SessionGoalView {
    #[oai(rename = "type")]
    pub session_type: Stored<SessionType>,
    pub per_month: i32,
}

/// A new plan version (versions are never changed).
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreatePlan {
    /// The current month or later, and not before the newest version's.
    pub effective_from: NaiveDate,
    /// Why the plan is set or changed.
    pub reason: Prose<2000>,
    // Replaces the supervision-level requirement while in effect; absent: the policy applies.
    pub monthly_hours: Option<MonthlyHours>,
    /// Each session type at most once.
    #[oai(validator(max_items = 5))]
    pub session_goals: Vec<SessionGoalBody>,
    pub notes: Prose<5000>,
}

impl CreatePlan {
    fn input(&self) -> (NewPlan, Vec<crate::error::FieldError>) {
        let mut check = Check::new();
        let monthly_hours = self.monthly_hours.as_ref().map(|h| Requirement {
            education_x100: check.hours("monthly_hours.education", h.education),
            public_welfare_x100: check.hours("monthly_hours.public_welfare", h.public_welfare),
        });
        let session_goals = self
            .session_goals
            .iter()
            .enumerate()
            .map(|(i, g)| SessionGoal {
                session_type: g.session_type.as_str().into(),
                per_month: check.within(&format!("session_goals[{i}].per_month"), g.per_month)
                    as i32,
            })
            .collect();
        let new = NewPlan {
            effective_from: self.effective_from,
            reason: check.text("reason", &self.reason),
            monthly_hours,
            session_goals,
            notes: check.text("notes", &self.notes),
        };
        (new, check.into_errors())
    }
}

/// A plan's monthly hours (absent when the plan leaves the requirement to
/// the policy, and for NGOs).
#[derive(Object)]
pub struct PlanHours {
    pub education: f64,
    pub public_welfare: f64,
}

/// A plan version. `reason` and `monthly_hours` are left out for NGOs (they
/// see the goals only), `notes` for everyone but the bureau and the office.
#[derive(Object)]
pub struct Plan {
    pub id: Uuid,
    pub participant_id: Uuid,
    pub version: i32,
    pub effective_from: NaiveDate,
    /// Whether this version is the one in effect for the current month.
    pub in_effect: bool,
    #[oai(skip_serializing_if_is_none)]
    pub reason: Option<String>,
    // Absent when the plan leaves the requirement to the policy (or is hidden).
    #[oai(skip_serializing_if_is_none)]
    pub monthly_hours: Option<PlanHours>,
    pub session_goals: Vec<SessionGoalView>,
    #[oai(skip_serializing_if_is_none)]
    pub notes: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A plan version with what the reader may see of it.
fn plan_view(
    shown: PlanShown,
    m: entity::correction_plan::Model,
    current: Option<Uuid>,
) -> ApiResult<Plan> {
    let goals = app::plans::goals_of(&m)?
        .into_iter()
        .map(|g| SessionGoalView {
            session_type: Stored::new(g.session_type),
            per_month: g.per_month,
        })
        .collect();
    let hours = app::plans::hours_of(&m).map(|h| PlanHours {
        education: h.education_x100 as f64 / 100.0,
        public_welfare: h.public_welfare_x100 as f64 / 100.0,
    });
    Ok(Plan {
        id: m.id,
        participant_id: m.participant_id,
        version: m.version,
        effective_from: m.effective_from,
        in_effect: current == Some(m.id),
        reason: shown.terms.then_some(m.reason),
        monthly_hours: hours.filter(|_| shown.terms),
        session_goals: goals,
        notes: shown.notes.then_some(m.notes),
        created_at: m.created_at,
    })
}

fn view(participant_id: Uuid, members: Vec<TeamMember>, version: i32) -> Team {
    let members = members
        .into_iter()
        .map(|m| TeamMemberView {
            name: m.name,
            role: Stored::new(m.role),
            organization_id: m.organization_id,
            gender: Stored::new(m.gender),
            phone: m.phone,
        })
        .collect();
    Team {
        participant_id,
        members,
        version,
    }
}

pub struct TeamsApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Collaboration")]
impl TeamsApi {
    /// A person's correction team
    ///
    /// The bureau, the procuratorate and the person's office; never NGOs.
    #[oai(
        path = "/participants/:id/team",
        method = "get",
        operation_id = "get_team"
    )]
    async fn get(&self, ctx: Ctx, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<Versioned<Team>> {
        let caller = auth.0.require(Permission::ReadTeam)?;
        let (members, version) = app::teams::get(&ctx.state.db.read, caller, id.0).await?;
        Ok(Versioned::Ok(
            Json(view(id.0, members, version)),
            etag(version),
        ))
    }

    /// Set a person's correction team (the person's office)
    ///
    /// Replaces the team; a woman under correction needs a woman on it (422
    /// naming the rule, Art. 25). Honours `If-Match` (the version read).
    #[oai(
        path = "/participants/:id/team",
        method = "put",
        operation_id = "put_team"
    )]
    async fn put(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(name = "If-Match")] if_match: Header<Option<String>>,
        body: Json<PutTeam>,
    ) -> ApiResult<Versioned<Team>> {
        let caller = auth.0.require(Permission::ManageTeam)?;
        let mut check = Check::new();
        let members: Vec<TeamMember> = body
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| TeamMember {
                name: check.text(&format!("members[{i}].name"), &m.name),
                role: m.role.as_str().into(),
                organization_id: m.organization_id,
                gender: m.gender.as_str().into(),
                phone: m
                    .phone
                    .as_ref()
                    .map(|p| check.text(&format!("members[{i}].phone"), p)),
            })
            .collect();
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let broken = check.into_errors();
        let precondition = |current| check_if_match(if_match.0.as_deref(), current, false);
        let (members, version) = app::teams::put(
            &txn,
            &ctx.state,
            &actor,
            caller,
            id.0,
            members,
            broken,
            precondition,
        )
        .await?;
        txn.commit().await?;
        Ok(Versioned::Ok(
            Json(view(id.0, members, version)),
            etag(version),
        ))
    }

    /// A person's plan versions
    ///
    /// Oldest first; `in_effect` marks the version for the current month. The
    /// bureau and the person's office see everything, the procuratorate all
    /// but `notes`, an NGO with the person enrolled the goals only.
    #[oai(
        path = "/participants/:id/plans",
        method = "get",
        operation_id = "list_plans"
    )]
    async fn plans(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Plan>>> {
        let caller = auth.0.require(Permission::ReadPlans)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let today = ctx.today();
        let (rows, next, current) =
            app::plans::list(&ctx.state.db.read, caller, id.0, &page, today).await?;
        let shown = app::plans::shown_to(caller);
        let items = rows
            .into_iter()
            .map(|m| plan_view(shown, m, current))
            .collect::<ApiResult<_>>()?;
        Ok(Json(Page {
            items,
            next_cursor: next,
        }))
    }

    /// Add a plan version (the person's office)
    ///
    /// Takes effect on `effective_from` (the current month or later, never
    /// before the newest version); from then its `monthly_hours` replace the
    /// supervision-level requirement in the person's month status, alerts and
    /// compliance, and its `session_goals` are met or missed each month.
    #[oai(
        path = "/participants/:id/plans",
        method = "post",
        operation_id = "create_plan"
    )]
    async fn add_plan(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreatePlan>,
    ) -> ApiResult<Created<Plan>> {
        let caller = auth.0.require(Permission::AddPlan)?;
        let (new, broken) = body.input();
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let (m, in_effect) =
            app::plans::add(&txn, &ctx.state, &actor, caller, id.0, new, broken).await?;
        txn.commit().await?;
        let current = in_effect.then_some(m.id);
        let location = format!("/api/v1/participants/{}/plans", id.0);
        Ok(Created::Created(
            Json(plan_view(app::plans::shown_to(caller), m, current)?),
            location,
        ))
    }
}
