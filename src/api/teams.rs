//! `/api/v1/participants/{id}/team`: a person's correction team (矫正小组).

use poem_openapi::{
    Enum, Object, OpenApi,
    param::{Header, Path},
    payload::Json,
};
use uuid::Uuid;

use crate::{
    api::{
        ApiTags, Ctx, Versioned, check_if_match, etag,
        text::Stored,
        types::{Check, Text, api_enum},
    },
    app,
    auth::{authz::Permission, scheme::BearerAuth},
    domain::collaboration::TeamMember,
    error::ApiResult,
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
        let (members, version, before) =
            app::teams::put(&txn, &ctx.state, &actor, caller, id.0, members, broken).await?;
        check_if_match(if_match.0.as_deref(), before.unwrap_or(0), false)?;
        txn.commit().await?;
        Ok(Versioned::Ok(
            Json(view(id.0, members, version)),
            etag(version),
        ))
    }
}
