//! Bearer authentication as a poem-openapi SecurityScheme: the checker verifies
//! the JWT and yields a [`Caller`]; any failure is a 401 problem.

use std::sync::Arc;

use poem::Request;
use poem_openapi::{SecurityScheme, auth::Bearer};

use crate::{auth::authz::Caller, error::ApiError, state::AppState};

/// `Authorization: Bearer <access token>` from `/auth/token` or `/auth/client-token`.
#[derive(SecurityScheme)]
#[oai(ty = "bearer", bearer_format = "JWT", checker = "check_bearer")]
pub struct BearerAuth(pub Caller);

async fn check_bearer(req: &Request, bearer: Bearer) -> poem::Result<Caller> {
    let state = req
        .data::<Arc<AppState>>()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("application state missing")))?;
    let claims = state.jwt.verify(&bearer.token).map_err(|e| {
        tracing::debug!(error = %e, "access token rejected");
        ApiError::Unauthorized
    })?;
    Ok(Caller::from_claims(&claims).ok_or(ApiError::Unauthorized)?)
}
