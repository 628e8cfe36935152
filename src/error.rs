//! One error type at the edge. Every 4xx/5xx leaves as `application/problem+json`
//! (RFC 9457) with a stable `code`; internal causes are logged, never sent.

use poem::{Response, http::StatusCode};
use poem_openapi::{
    ApiResponse, Object,
    registry::{MetaMediaType, MetaResponse, MetaResponses, Registry},
    types::{ToJSON, Type},
};
use sea_orm::{DbErr, RuntimeErr, SqlErr};

/// Content type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// One field-level error.
#[derive(Debug, Clone, Object, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name in the request (dotted for nested fields).
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Every problem `code`, with what it means and what a client should do.
/// The `type` of a problem is `/problems#<code>`, a section of the page the
/// server serves at `/problems` from this table.
pub const PROBLEM_CODES: &[(&str, &str)] = &[
    (
        "validation_failed",
        "A field broke a rule; `errors` lists each field and why. Fix the request; do not retry it unchanged.",
    ),
    (
        "bad_request",
        "The request could not be read: malformed JSON, a wrong type, a bad parameter or cursor.",
    ),
    (
        "unauthorized",
        "No valid access token (missing, malformed, expired, or for a disabled user). Log in or refresh, then retry.",
    ),
    (
        "forbidden",
        "The caller's role, or a partner client's scopes, never allow this operation.",
    ),
    (
        "not_found",
        "No such resource, or one the caller may not see (another tenant's objects are 404, not 403).",
    ),
    (
        "method_not_allowed",
        "The path exists but not with this method; `Allow` lists the methods it takes.",
    ),
    (
        "not_acceptable",
        "The server cannot answer in the media type asked for in `Accept`.",
    ),
    (
        "length_required",
        "The request body needs a `Content-Length`.",
    ),
    (
        "payload_too_large",
        "The body is larger than the server accepts (`HUIGUI_MAX_BODY_BYTES`).",
    ),
    (
        "unsupported_media_type",
        "The body's `Content-Type` is not one the operation takes (JSON, or `text/csv` for rosters).",
    ),
    (
        "conflict",
        "The request conflicts with the current state: a duplicate, a full session, an idempotency key in flight or reused.",
    ),
    (
        "invalid_transition",
        "The action is not allowed from the resource's current status.",
    ),
    (
        "precondition_failed",
        "`If-Match` names an older version: read the resource again, then retry.",
    ),
    (
        "precondition_required",
        "This update needs an `If-Match` header with the version from `ETag`.",
    ),
    (
        "rate_limited",
        "Too many attempts; wait the seconds in `Retry-After`.",
    ),
    (
        "service_unavailable",
        "The database is unreachable; retry shortly (`Retry-After`).",
    ),
    (
        "internal_error",
        "An unexpected error; it was logged with the request id (`x-request-id`).",
    ),
];

/// The `type` URI reference of a problem code.
pub fn problem_type(code: &str) -> String {
    format!("/problems#{code}")
}

/// The `/problems` page: one section per code.
pub fn problems_page() -> String {
    let mut html = String::from(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Huigui problem types</title></head><body><h1>Problem types</h1><p>Every error answer is <code>application/problem+json</code> (RFC 9457) with a stable <code>code</code>; its <code>type</code> points at the section below.</p><dl>",
    );
    for (code, text) in PROBLEM_CODES {
        html.push_str(&format!(
            "<dt id=\"{code}\"><code>{code}</code></dt><dd>{}</dd>",
            html_escape::encode_text(text)
        ));
    }
    html.push_str("</dl></body></html>");
    html
}

/// RFC 9457 problem details.
#[derive(Debug, Clone, Object)]
pub struct Problem {
    /// A URI reference naming the problem type: `/problems#<code>`, explained
    /// on the page the server serves at `/problems`.
    #[oai(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Stable snake_case machine code.
    pub code: String,
    pub errors: Vec<FieldError>,
}

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("unauthorized")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(String),
    /// A unique constraint tripped; the database's message (which names the
    /// constraint) stays here for [`OnConstraint`] and is never shown.
    #[error("unique constraint")]
    Unique(String),
    #[error("invalid transition: {0}")]
    InvalidTransition(String),
    #[error("precondition failed")]
    PreconditionFailed,
    #[error("precondition required")]
    PreconditionRequired,
    #[error("rate limited")]
    RateLimited { retry_after_secs: u64 },
    #[error("service unavailable")]
    Unavailable,
    #[error("internal error: {0:#}")]
    Internal(#[from] anyhow::Error),
}

/// Shorthand for handler results.
pub type ApiResult<T> = Result<T, ApiError>;

/// Says what a tripped unique constraint means to the client, so that no
/// read-before-insert check is needed (realworld's `on_constraint`). A
/// constraint is named as the databases name it: `(PostgreSQL constraint,
/// SQLite "table.column")`.
pub trait OnConstraint<T> {
    fn on_constraint(self, unique: (&str, &str), to: impl FnOnce() -> ApiError) -> ApiResult<T>;
}

impl<T> OnConstraint<T> for ApiResult<T> {
    fn on_constraint(
        self,
        (pg, sqlite): (&str, &str),
        to: impl FnOnce() -> ApiError,
    ) -> ApiResult<T> {
        match self {
            Err(ApiError::Unique(m)) if m.contains(pg) || m.contains(sqlite) => Err(to()),
            other => other,
        }
    }
}

/// A value read back from a column written by this server (a status, a
/// month, a category); one that does not parse is a 500, never the client's fault.
pub fn stored<T: std::str::FromStr<Err = String>>(s: &str) -> Result<T, ApiError> {
    s.parse()
        .map_err(|e: String| ApiError::Internal(anyhow::anyhow!(e)))
}

/// Stores a value as JSON text (a column holding a list or an object).
pub fn to_json_text<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

/// Reads JSON text written by [`to_json_text`]; unreadable is a 500.
pub fn from_json_text<T: serde::de::DeserializeOwned>(s: &str) -> Result<T, ApiError> {
    serde_json::from_str(s).map_err(|e| ApiError::Internal(anyhow::anyhow!("stored JSON: {e}")))
}

impl ApiError {
    /// A single-field validation error.
    pub fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError::new(field, message)])
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Conflict(_) | Self::Unique(_) | Self::InvalidTransition(_) => {
                StatusCode::CONFLICT
            }
            Self::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            Self::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            Self::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            Self::Validation(_) => "validation_failed",
            Self::BadRequest(_) => "bad_request",
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::Conflict(_) | Self::Unique(_) => "conflict",
            Self::InvalidTransition(_) => "invalid_transition",
            Self::PreconditionFailed => "precondition_failed",
            Self::PreconditionRequired => "precondition_required",
            Self::RateLimited { .. } => "rate_limited",
            Self::Unavailable => "service_unavailable",
            Self::Internal(_) => "internal_error",
        }
    }

    fn detail(&self) -> String {
        match self {
            Self::Validation(_) => "The request has invalid fields.".into(),
            Self::BadRequest(m) | Self::Conflict(m) | Self::InvalidTransition(m) => m.clone(),
            Self::Unauthorized => "Missing, invalid or expired credentials.".into(),
            Self::Forbidden => {
                "Your role (or, for a partner app, its scopes) may not perform this operation."
                    .into()
            }
            Self::NotFound => "No such resource.".into(),
            Self::Unique(_) => "A resource with the same unique value exists.".into(),
            Self::PreconditionFailed => "The resource has changed (If-Match).".into(),
            Self::PreconditionRequired => "This update requires an If-Match header.".into(),
            Self::RateLimited { retry_after_secs } => {
                format!("Too many attempts; retry after {retry_after_secs} s.")
            }
            Self::Unavailable => "The database is unavailable; retry shortly.".into(),
            Self::Internal(_) => "An internal error occurred.".into(),
        }
    }

    /// The problem document for this error.
    pub fn problem(&self) -> Problem {
        let status = self.status();
        Problem {
            type_: problem_type(self.code()),
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            status: status.as_u16(),
            detail: self.detail(),
            code: self.code().to_string(),
            errors: match self {
                Self::Validation(errors) => errors.clone(),
                _ => Vec::new(),
            },
        }
    }
}

/// Builds a problem+json response for any status (used for framework errors too).
pub fn problem_response(problem: &Problem, retry_after: Option<u64>) -> Response {
    let body = problem.to_json_string();
    let mut resp = Response::builder()
        .status(StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
        .content_type(PROBLEM_JSON);
    if let Some(secs) = retry_after {
        resp = resp.header("Retry-After", secs.to_string());
    }
    resp.body(body)
}

/// A problem for a status the framework produced (parse errors, 404 route, 405).
pub fn framework_problem(status: StatusCode, detail: String) -> Problem {
    let code = match status.as_u16() {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        411 => "length_required",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "validation_failed",
        429 => "rate_limited",
        503 => "service_unavailable",
        s if s >= 500 => "internal_error",
        _ => "bad_request",
    };
    let detail = if status.is_server_error() {
        "An internal error occurred.".to_string()
    } else {
        detail
    };
    Problem {
        type_: problem_type(code),
        title: status.canonical_reason().unwrap_or("Error").to_string(),
        status: status.as_u16(),
        detail,
        code: code.to_string(),
        errors: Vec::new(),
    }
}

impl poem::error::ResponseError for ApiError {
    fn status(&self) -> StatusCode {
        ApiError::status(self)
    }

    fn as_response(&self) -> Response {
        if let Self::Internal(e) = self {
            tracing::error!(error = format!("{e:#}"), "internal error");
        }
        let retry = match self {
            Self::RateLimited { retry_after_secs } => Some(*retry_after_secs),
            Self::Unavailable => Some(1),
            _ => None,
        };
        problem_response(&self.problem(), retry)
    }
}

impl poem::IntoResponse for ApiError {
    fn into_response(self) -> Response {
        poem::error::ResponseError::as_response(&self)
    }
}

/// Statuses every operation documents: what the edge can answer for any request.
const DOCUMENTED: &[(u16, &str)] = &[
    (
        400,
        "Malformed request (bad JSON, wrong type, bad parameter).",
    ),
    (401, "Missing, invalid or expired credentials."),
    (403, "The caller's role may not perform this operation."),
    (404, "No such resource, or not visible to the caller."),
    (409, "State conflict or invalid transition."),
    (412, "If-Match does not match the current version."),
    (413, "Request body too large."),
    (415, "Unsupported content type."),
    (422, "Validation failed; see `errors`."),
    (428, "If-Match header required."),
    (429, "Too many requests; see Retry-After."),
    (500, "Internal error."),
    (503, "Database unavailable."),
];

impl ApiResponse for ApiError {
    fn meta() -> MetaResponses {
        MetaResponses {
            responses: DOCUMENTED
                .iter()
                .map(|(status, description)| MetaResponse {
                    description,
                    status: Some(*status),
                    status_range: None,
                    content: vec![MetaMediaType {
                        content_type: PROBLEM_JSON,
                        schema: Problem::schema_ref(),
                    }],
                    headers: vec![],
                })
                .collect(),
        }
    }

    fn register(registry: &mut Registry) {
        Problem::register(registry);
    }
}

impl From<DbErr> for ApiError {
    fn from(err: DbErr) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(message)) => return Self::Unique(message),
            Some(SqlErr::ForeignKeyConstraintViolation(_)) => {
                return Self::field("id", "refers to a resource that does not exist");
            }
            _ => {}
        }
        if is_unavailable(&err) {
            tracing::warn!(error = %err, "database unavailable");
            return Self::Unavailable;
        }
        Self::Internal(anyhow::Error::new(err))
    }
}

/// True for errors that mean "the database cannot be reached right now".
fn is_unavailable(err: &DbErr) -> bool {
    let runtime = match err {
        DbErr::ConnectionAcquire(_) => return true,
        DbErr::Conn(e) | DbErr::Exec(e) | DbErr::Query(e) => e,
        _ => return false,
    };
    match runtime {
        RuntimeErr::SqlxError(e) => match e.as_ref() {
            sea_orm::sqlx::Error::Io(_)
            | sea_orm::sqlx::Error::PoolTimedOut
            | sea_orm::sqlx::Error::PoolClosed
            | sea_orm::sqlx::Error::Tls(_) => true,
            // PostgreSQL shutting down (57P01..57P03) or connection exceptions (08xxx).
            sea_orm::sqlx::Error::Database(d) => d
                .code()
                .is_some_and(|c| c.starts_with("57P") || c.starts_with("08")),
            _ => false,
        },
        _ => matches!(err, DbErr::Conn(_)),
    }
}

impl<E> From<sea_orm::TransactionError<E>> for ApiError
where
    E: Into<ApiError> + std::error::Error,
{
    fn from(err: sea_orm::TransactionError<E>) -> Self {
        match err {
            sea_orm::TransactionError::Connection(e) => e.into(),
            sea_orm::TransactionError::Transaction(e) => e.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_constraint_names_only_its_own_constraint_on_either_database() {
        let named = || ApiError::Conflict("named".into());
        let tripped = |m: &str| -> ApiResult<()> { Err(ApiError::Unique(m.into())) };
        let pg = r#"duplicate key value violates unique constraint "users_email_key""#;
        let sqlite = "UNIQUE constraint failed: users.email";
        for m in [pg, sqlite] {
            let r = tripped(m).on_constraint(("users_email_key", "users.email"), named);
            assert!(
                matches!(r, Err(ApiError::Conflict(ref d)) if d == "named"),
                "{m}"
            );
        }
        let other = tripped("UNIQUE constraint failed: organizations.uscc")
            .on_constraint(("users_email_key", "users.email"), named);
        assert!(matches!(other, Err(ApiError::Unique(_))));
        assert_eq!(
            ApiError::Unique(pg.into()).detail(),
            "A resource with the same unique value exists."
        );
        assert!(
            Ok::<(), ApiError>(())
                .on_constraint(("a", "b"), named)
                .is_ok()
        );
    }

    #[test]
    fn every_code_the_server_gives_is_explained_on_the_problems_page() {
        let explained: Vec<&str> = PROBLEM_CODES.iter().map(|(c, _)| *c).collect();
        let errors = [
            ApiError::Validation(Vec::new()),
            ApiError::BadRequest(String::new()),
            ApiError::Unauthorized,
            ApiError::Forbidden,
            ApiError::NotFound,
            ApiError::Conflict(String::new()),
            ApiError::Unique(String::new()),
            ApiError::InvalidTransition(String::new()),
            ApiError::PreconditionFailed,
            ApiError::PreconditionRequired,
            ApiError::RateLimited {
                retry_after_secs: 1,
            },
            ApiError::Unavailable,
            ApiError::Internal(anyhow::anyhow!("x")),
        ];
        for e in &errors {
            assert!(explained.contains(&e.code()), "{}", e.code());
        }
        for status in 400..600u16 {
            if let Ok(s) = StatusCode::from_u16(status) {
                let p = framework_problem(s, String::new());
                assert!(explained.contains(&p.code.as_str()), "{status}");
                assert_eq!(p.type_, problem_type(&p.code));
            }
        }
    }
}
