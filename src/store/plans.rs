//! Correction plan versions (read after the person's own scope check; never changed once written).

use std::collections::HashMap;

use entity::correction_plan::{self, Entity as Plans};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder,
};
use uuid::Uuid;

use crate::{
    domain::{hours::Month, plan},
    error::ApiError,
    store::page::{self, PageRequest},
};

/// Above this many people the plans in effect are read for everyone and filtered here.
const IN_LIST: usize = 500;

pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    m: correction_plan::Model,
) -> Result<correction_plan::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

/// A person's newest version.
pub async fn newest<C: ConnectionTrait>(
    conn: &C,
    participant: Uuid,
) -> Result<Option<correction_plan::Model>, ApiError> {
    Ok(Plans::find()
        .filter(correction_plan::Column::ParticipantId.eq(participant))
        .order_by_desc(correction_plan::Column::Version)
        .one(conn)
        .await?)
}

/// A page of a person's versions, oldest first.
pub async fn list<C: ConnectionTrait>(
    conn: &C,
    participant: Uuid,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<correction_plan::Model>, Option<String>), ApiError> {
    let q = Plans::find().filter(correction_plan::Column::ParticipantId.eq(participant));
    page::fetch(conn, q, correction_plan::Column::Id, page, |m| m.id).await
}

/// The version in effect for `month` of each of these people who has one
/// (`domain::plan::in_effect`).
pub async fn in_effect<C: ConnectionTrait>(
    conn: &C,
    people: &[Uuid],
    month: Month,
) -> Result<HashMap<Uuid, correction_plan::Model>, ApiError> {
    if people.is_empty() {
        return Ok(HashMap::new());
    }
    let mut q = Plans::find().filter(correction_plan::Column::EffectiveFrom.lte(month.last_day()));
    if people.len() <= IN_LIST {
        q = q.filter(correction_plan::Column::ParticipantId.is_in(people.to_vec()));
    }
    let mut by_person: HashMap<Uuid, Vec<correction_plan::Model>> = HashMap::new();
    for m in q.all(conn).await? {
        by_person.entry(m.participant_id).or_default().push(m);
    }
    let wanted: std::collections::HashSet<&Uuid> = people.iter().collect();
    Ok(by_person
        .into_iter()
        .filter(|(p, _)| wanted.contains(p))
        .filter_map(|(p, versions)| {
            plan::in_effect(versions, |v| (v.version, v.effective_from), month).map(|v| (p, v))
        })
        .collect())
}
