//! Operational endpoints: `/health`, `/ready`, `/metrics`. No authentication.

use crate::api::wire::HealthState;
use poem_openapi::{ApiResponse, Object, OpenApi, payload::Json, payload::PlainText};

use crate::{
    api::{ApiTags, Ctx},
    error::{ApiError, ApiResult},
};

#[derive(Object)]
pub struct Status {
    pub status: HealthState,
}

/// Prometheus text exposition.
#[derive(ApiResponse)]
pub enum MetricsText {
    #[oai(status = 200, content_type = "text/plain; version=0.0.4")]
    Ok(PlainText<String>),
}

pub struct OpsApi;

#[OpenApi(tag = "ApiTags::Operations")]
impl OpsApi {
    /// Liveness
    #[oai(path = "/health", method = "get", operation_id = "health")]
    async fn health(&self) -> ApiResult<Json<Status>> {
        Ok(Json(Status {
            status: HealthState::Ok,
        }))
    }

    /// Readiness: database reachable and migrated
    #[oai(path = "/ready", method = "get", operation_id = "ready")]
    async fn ready(&self, ctx: Ctx) -> ApiResult<Json<Status>> {
        match ctx.state.db.ready().await {
            Ok(true) => Ok(Json(Status {
                status: HealthState::Ready,
            })),
            Ok(false) => Err(ApiError::Unavailable),
            Err(e) => {
                tracing::warn!(error = %e, "not ready");
                Err(ApiError::Unavailable)
            }
        }
    }

    /// Prometheus metrics
    ///
    /// Request counts and latencies by operation and status.
    #[oai(path = "/metrics", method = "get", operation_id = "metrics")]
    async fn metrics(&self, ctx: Ctx) -> ApiResult<MetricsText> {
        Ok(MetricsText::Ok(PlainText(ctx.state.metrics.render())))
    }
}
