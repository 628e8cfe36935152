//! Participants: listing people with what a list alone cannot filter on —
//! their month's hours status, judged by the rule of `app::hours`.
//!
//! Depends on `domain`, `store` and `app::hours`; no HTTP.

use chrono::NaiveDate;
use entity::participant;
use sea_orm::ConnectionTrait;

use crate::{
    auth::authz::UserCaller,
    domain::hours::{Month, MonthStatus},
    error::ApiError,
    store::{
        self,
        page::{PageRequest, cursor_for},
        participants::ParticipantFilter,
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
    let mut batch = PageRequest {
        limit: page.limit.max(500),
        after: page.after,
    };
    loop {
        let (rows, next) = store::participants::list(conn, caller, filter.clone(), &batch).await?;
        let statuses = super::hours::month_statuses(conn, &rows, want.month, want.today).await?;
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
