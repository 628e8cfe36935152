//! `Idempotency-Key` on POSTs: the same key with the same body replays the
//! first response; with a different body it is a 422; while the first request
//! is still running a duplicate waits for it (then replays) or, after a few
//! seconds, gets 409. Keys are scoped to the caller and kept 24 hours.
//!
//! The replay store holds what a response carried — a full ID number for the
//! office that registered someone, a partner client's secret — so stored
//! bodies are sealed with the vault key (XChaCha20-Poly1305) and request
//! fingerprints are keyed hashes: the database alone reveals neither.

use std::{sync::Arc, time::Duration};

use crate::{
    auth::authz::Caller, error::ApiError, middleware::error_response, state::AppState,
    store::idempotency as keys,
};
use poem::{
    Endpoint, IntoResponse, Request, Response,
    http::{Method, StatusCode, header},
};

/// The request header.
pub const HEADER: &str = "idempotency-key";
/// How long a duplicate waits for the first request before 409.
const WAIT: Duration = Duration::from_secs(10);

/// The caller scope from a valid bearer token; `None` leaves the request alone.
fn scope_of(state: &AppState, req: &Request) -> Option<String> {
    let token = req
        .headers()
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")?;
    let claims = state.jwt.verify(token).ok()?;
    let (kind, id) = Caller::from_claims(&claims)?.actor();
    Some(format!("{kind}:{id}"))
}

/// 1–255 visible ASCII characters (the schema of `api::types::IdempotencyKey`).
pub fn valid_key(key: &str) -> bool {
    (1..=255).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic())
}

/// The stored response, opened with the vault key; `None` when it cannot be
/// opened (a row written before bodies were sealed, or under another key).
fn replay(state: &AppState, row: entity::idempotency_key::Model) -> Option<Response> {
    let body = match row.body.as_deref() {
        Some(sealed) => state.vault.open(sealed).ok()?,
        None => String::new(),
    };
    let mut b = Response::builder()
        .status(
            StatusCode::from_u16(row.status.unwrap_or(500) as u16)
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        )
        .header("idempotent-replayed", "true");
    if let Some(ct) = row.content_type {
        b = b.content_type(ct);
    }
    if let Some(loc) = row.location {
        b = b.header(header::LOCATION, loc);
    }
    Some(b.body(body))
}

/// The middleware (use with `EndpointExt::around`, inside the edge).
pub async fn idempotency<E: Endpoint>(
    next: E,
    mut req: Request,
    state: Arc<AppState>,
) -> poem::Result<Response> {
    let keyed = req.method() == Method::POST && req.uri().path().starts_with("/api/");
    let key = match req.headers().get(HEADER) {
        // A key that is not even text (bytes beyond ASCII) is refused, not ignored.
        Some(v) if keyed => v.to_str().unwrap_or_default().to_string(),
        _ => return next.call(req).await.map(IntoResponse::into_response),
    };
    let Some(scope) = scope_of(&state, &req) else {
        return next.call(req).await.map(IntoResponse::into_response);
    };
    if !valid_key(&key) {
        return Err(
            ApiError::field("Idempotency-Key", "must be 1–255 visible ASCII characters").into(),
        );
    }
    let body = req.take_body().into_bytes().await?;
    let uri = req.uri().to_string();
    let request_hash = state.vault.digest(&[
        req.method().as_str().as_bytes(),
        b" ",
        uri.as_bytes(),
        b"\n",
        &body,
    ]);
    req.set_body(body);

    if let Next::Replay(resp) = try_processing(&state, &scope, &key, &request_hash).await? {
        return Ok(resp);
    }
    let resp = match next.call(req).await {
        Ok(r) => r.into_response(),
        Err(e) => error_response(e),
    };
    save_response(&state, &scope, &key, resp).await
}

/// What a keyed request does next.
enum Next {
    /// This request holds the key: run it.
    Start,
    /// The first request with this key finished: its response.
    Replay(Response),
}

/// Claims the key for this request, or waits (briefly) for the request that
/// holds it: a finished one is replayed, one still running after the wait
/// is a 409, the same key with another request a 422; a key released after
/// a server error is claimed again.
async fn try_processing(
    state: &AppState,
    scope: &str,
    key: &str,
    request_hash: &str,
) -> Result<Next, poem::Error> {
    let db = &state.db.write;
    if keys::claim(db, scope, key, request_hash)
        .await
        .map_err(ApiError::from)?
    {
        return Ok(Next::Start);
    }
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let row = keys::find(db, scope, key).await.map_err(ApiError::from)?;
        match row {
            Some(r) if r.request_hash != request_hash => {
                return Err(ApiError::field(
                    "Idempotency-Key",
                    "was already used with a different request",
                )
                .into());
            }
            Some(r) if r.status.is_some() => {
                return replay(state, r).map(Next::Replay).ok_or_else(|| {
                    ApiError::Conflict(
                        "The first response to this Idempotency-Key cannot be replayed.".into(),
                    )
                    .into()
                });
            }
            Some(_) if tokio::time::Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(25)).await;
            }
            Some(_) => {
                return Err(ApiError::Conflict(
                    "A request with this Idempotency-Key is still in progress.".into(),
                )
                .into());
            }
            // Released after a server error: let this request run.
            None => {
                if keys::claim(db, scope, key, request_hash)
                    .await
                    .map_err(ApiError::from)?
                {
                    return Ok(Next::Start);
                }
            }
        }
    }
}

/// Keeps the response for replays (its body sealed), or releases the key
/// after a server error so that a retry runs again.
async fn save_response(
    state: &AppState,
    scope: &str,
    key: &str,
    resp: Response,
) -> poem::Result<Response> {
    let db = &state.db.write;
    let status = resp.status();
    if status.is_server_error() {
        keys::release(db, scope, key)
            .await
            .map_err(ApiError::from)?;
        return Ok(resp);
    }
    let (parts, body) = resp.into_parts();
    let bytes = body.into_bytes().await?;
    let sealed = state
        .vault
        .seal(&String::from_utf8_lossy(&bytes))
        .map_err(ApiError::Internal)?;
    let header_str = |name: header::HeaderName| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    keys::finish(
        db,
        scope,
        key,
        status.as_u16(),
        header_str(header::CONTENT_TYPE),
        header_str(header::LOCATION),
        sealed,
    )
    .await
    .map_err(ApiError::from)?;
    Ok(Response::from_parts(parts, bytes.into()))
}
