//! The request edge, one middleware for every route: assigns a request id,
//! turns every framework error (parse errors, unknown routes, 405, 413) into
//! problem+json, records Prometheus metrics by operation, and echoes
//! `x-request-id` on every response.

use std::time::Instant;

use poem::{Endpoint, IntoResponse, Request, Response, http::HeaderValue};
use poem_openapi::OperationId;

use crate::error::{ApiError, framework_problem, problem_response};

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
) -> poem::Result<Response> {
    let request_id = incoming_id(&req).unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    req.set_data(RequestId(request_id.clone()));
    let method = req.method().to_string();
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
