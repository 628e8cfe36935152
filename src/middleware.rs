//! The request edge, one middleware for every route: assigns a request id,
//! turns every framework error (parse errors, unknown routes, 405, 413) into
//! problem+json, records Prometheus metrics by operation, and echoes
//! `x-request-id` on every response.

use std::time::Instant;

use poem::{Endpoint, IntoResponse, Request, Response, http::HeaderValue};
use poem_openapi::OperationId;

use crate::error::{ApiError, framework_problem, problem_response};

/// Which methods each documented path accepts, for the `Allow` header of 405s.
#[derive(Clone, Debug, Default)]
pub struct AllowTable(Vec<(Vec<String>, String)>);

impl AllowTable {
    /// Builds the table from the OpenAPI spec (`{param}` matches one segment).
    pub fn from_spec(spec: &serde_json::Value) -> Self {
        let mut rows = Vec::new();
        if let Some(paths) = spec["paths"].as_object() {
            for (path, item) in paths {
                let methods: Vec<String> = item
                    .as_object()
                    .map(|o| o.keys().map(|m| m.to_uppercase()).collect())
                    .unwrap_or_default();
                rows.push((
                    path.split('/').map(str::to_string).collect(),
                    methods.join(", "),
                ));
            }
        }
        Self(rows)
    }

    /// The `Allow` value for a concrete path, if the path is documented.
    pub fn allow(&self, path: &str) -> Option<&str> {
        let segments: Vec<&str> = path.split('/').collect();
        self.0.iter().find_map(|(template, methods)| {
            (template.len() == segments.len()
                && template
                    .iter()
                    .zip(&segments)
                    .all(|(t, s)| t.starts_with('{') || t == s))
            .then_some(methods.as_str())
        })
    }
}

/// The request id, available to handlers through request data.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

const HEADER: &str = "x-request-id";

/// An incoming id is reused only if it is short and plain.
fn incoming_id(req: &Request) -> Option<String> {
    let v = req.headers().get(HEADER)?.to_str().ok()?;
    (!v.is_empty()
        && v.len() <= 64
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    .then(|| v.to_string())
}

/// Converts any error that reached the edge into a problem+json response.
pub fn error_response(err: poem::Error) -> Response {
    if err.is::<ApiError>() {
        return err.into_response();
    }
    // An id in the path that does not even parse names no resource: 404, as
    // for any id the caller cannot see (and never a hint about the format).
    if err.is::<poem_openapi::error::ParsePathError>() {
        let problem = framework_problem(
            poem::http::StatusCode::NOT_FOUND,
            "No such resource, or not visible to the caller.".into(),
        );
        return problem_response(&problem, None);
    }
    let status = err.status();
    let problem = framework_problem(status, err.to_string());
    if status.is_server_error() {
        tracing::error!(error = %err, "unhandled error");
    }
    problem_response(&problem, None)
}

/// Rejects bodies over the limit with 413: by `Content-Length`, or by reading
/// at most limit + 1 bytes of a body sent without one.
async fn enforce_body_limit(req: &mut Request, limit: usize) -> Result<(), Response> {
    let too_large = || {
        problem_response(
            &framework_problem(
                poem::http::StatusCode::PAYLOAD_TOO_LARGE,
                format!("The request body exceeds {limit} bytes."),
            ),
            None,
        )
    };
    if let Some(len) = req
        .headers()
        .get(poem::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
    {
        return if len > limit {
            Err(too_large())
        } else {
            Ok(())
        };
    }
    if req
        .headers()
        .contains_key(poem::http::header::TRANSFER_ENCODING)
    {
        use tokio::io::AsyncReadExt;
        let mut buf = Vec::new();
        let mut reader = req.take_body().into_async_read().take(limit as u64 + 1);
        if reader.read_to_end(&mut buf).await.is_err() || buf.len() > limit {
            return Err(too_large());
        }
        req.set_body(buf);
    }
    Ok(())
}

/// The edge middleware (use with `EndpointExt::around`); `body_limit` in bytes.
pub async fn edge<E: Endpoint>(
    next: E,
    mut req: Request,
    body_limit: usize,
    allow: std::sync::Arc<AllowTable>,
) -> poem::Result<Response> {
    let path = req.uri().path().to_string();
    let request_id = incoming_id(&req).unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    req.set_data(RequestId(request_id.clone()));
    let method = req.method().to_string();
    let had_bearer = req
        .headers()
        .get(poem::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("Bearer "));
    let started = Instant::now();
    let span = tracing::info_span!("request", request_id = %request_id, method = %method);
    let result = match enforce_body_limit(&mut req, body_limit).await {
        Ok(()) => tracing::Instrument::instrument(next.call(req), span)
            .await
            .map(IntoResponse::into_response),
        Err(resp) => Ok(resp),
    };
    let mut resp = match result {
        Ok(resp) => resp,
        Err(err) => {
            let op = err.data::<OperationId>().map(|o| o.0);
            let mut r = error_response(err);
            if let Some(op) = op {
                r.set_data(OperationId(op));
            }
            r
        }
    };
    let status = resp.status();
    // Some framework paths answer with an error status but no problem body.
    if (status.is_client_error() || status.is_server_error())
        && resp
            .content_type()
            .is_none_or(|c| !c.starts_with("application/problem+json"))
    {
        let op = resp.data::<OperationId>().map(|o| o.0);
        let body = resp.take_body().into_string().await.unwrap_or_default();
        resp = problem_response(&framework_problem(status, body), None);
        if let Some(op) = op {
            resp.set_data(OperationId(op));
        }
    }
    // RFC 6750 §3: a 401 names the scheme, and says the token was bad when one was sent.
    if status == poem::http::StatusCode::UNAUTHORIZED {
        let challenge = if had_bearer {
            "Bearer realm=\"huigui\", error=\"invalid_token\""
        } else {
            "Bearer realm=\"huigui\""
        };
        resp.headers_mut().insert(
            poem::http::header::WWW_AUTHENTICATE,
            HeaderValue::from_static(challenge),
        );
    }
    if status == poem::http::StatusCode::METHOD_NOT_ALLOWED
        && let Some(methods) = allow.allow(&path)
        && let Ok(v) = HeaderValue::from_str(methods)
    {
        resp.headers_mut().insert(poem::http::header::ALLOW, v);
    }
    let operation = resp
        .data::<OperationId>()
        .map(|o| o.0)
        .unwrap_or("unmatched");
    let status_label = status.as_u16().to_string();
    metrics::counter!("http_requests_total", "operation" => operation, "status" => status_label)
        .increment(1);
    metrics::histogram!("http_request_duration_seconds", "operation" => operation)
        .record(started.elapsed().as_secs_f64());
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        resp.headers_mut().insert(HEADER, v);
    }
    Ok(resp)
}
