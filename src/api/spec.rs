//! The error answers each operation documents, derived from what it does.
//! poem-openapi gives every operation returning `ApiResult` the same list
//! (all of [`ApiError`](crate::error::ApiError)'s statuses); this keeps only
//! those the operation can really give:
//!
//! | status | when |
//! |---|---|
//! | 400 | it takes a body or parameters (malformed JSON, a wrong type) |
//! | 401 | it needs a token, or it checks credentials |
//! | 403 | it needs a token (roles and scopes) |
//! | 404 | it names a resource: a path id, or ids in its query or body |
//! | 409 | it writes (state, duplicates, an idempotency key in flight), or reads state-bound data |
//! | 412 | it takes `If-Match` |
//! | 413, 415 | it takes a body |
//! | 422 | it takes a body, query parameters the server checks, or an `Idempotency-Key` |
//! | 428 | it requires `If-Match` |
//! | 429 | it is throttled (credentials) |
//! | 500 | always |
//! | 503 | it reads the database |

use std::collections::BTreeSet;

use serde_json::Value;

/// Operations that check credentials without a bearer token.
const CREDENTIAL_CHECKS: &[&str] = &["create_token", "create_client_token", "refresh_token"];
/// Token operations: they answer 401 for a bad token, never a state conflict.
const TOKEN_OPERATIONS: &[&str] = &[
    "create_token",
    "create_client_token",
    "refresh_token",
    "logout",
];
/// Reads that depend on a resource's state (a check-in code only while the session runs).
const STATEFUL_READS: &[&str] = &["get_checkin_code"];
/// Updates that refuse to run without `If-Match`.
const IF_MATCH_REQUIRED: &[&str] = &["update_contract"];
/// Throttled per account and address.
const THROTTLED: &[&str] = &["create_token", "create_client_token", "change_password"];
/// Answered without the database.
const NO_DATABASE: &[&str] = &["health", "metrics"];

/// The error statuses `op` (under `method`) can give.
pub fn errors_for(spec: &Value, method: &str, op: &Value) -> BTreeSet<u16> {
    let id = op["operationId"].as_str().unwrap_or_default();
    let params = op["parameters"].as_array().cloned().unwrap_or_default();
    let has_param = |place: &str| params.iter().any(|p| p["in"] == place);
    let has_header = |name: &str| {
        params.iter().any(|p| {
            p["in"] == "header"
                && p["name"]
                    .as_str()
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
    };
    let secured = op["security"].as_array().is_some_and(|s| !s.is_empty());
    let body = op.get("requestBody").is_some();
    let names_ids = body && body_has_ids(spec, op);

    let mut s = BTreeSet::from([500]);
    if !NO_DATABASE.contains(&id) {
        s.insert(503);
    }
    if body || !params.is_empty() {
        s.insert(400);
    }
    if secured || CREDENTIAL_CHECKS.contains(&id) {
        s.insert(401);
    }
    if secured {
        s.insert(403);
    }
    let query_ids = params
        .iter()
        .any(|p| p["in"] == "query" && p["name"].as_str().is_some_and(|n| n.ends_with("_id")));
    if has_param("path") || names_ids || query_ids {
        s.insert(404);
    }
    if (method != "get" && !TOKEN_OPERATIONS.contains(&id)) || STATEFUL_READS.contains(&id) {
        s.insert(409);
    }
    if has_header("If-Match") {
        s.insert(412);
    }
    if body {
        s.extend([413, 415, 422]);
    }
    if has_param("query") || has_header("Idempotency-Key") {
        s.insert(422);
    }
    if has_header("Idempotency-Key") {
        s.insert(409);
    }
    if IF_MATCH_REQUIRED.contains(&id) {
        s.insert(428);
    }
    if THROTTLED.contains(&id) {
        s.insert(429);
    }
    s
}

/// True when the JSON body's schema has a property naming other resources (`*_id`, `*_ids`).
fn body_has_ids(spec: &Value, op: &Value) -> bool {
    let Some(content) = op["requestBody"]["content"].as_object() else {
        return false;
    };
    content.values().any(|media| {
        let mut seen = BTreeSet::new();
        has_id_property(spec, &media["schema"], &mut seen)
    })
}

fn has_id_property(spec: &Value, schema: &Value, seen: &mut BTreeSet<String>) -> bool {
    if !schema.is_object() {
        return false;
    }
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap_or_default().to_string();
        if !seen.insert(name.clone()) {
            return false;
        }
        return has_id_property(spec, &spec["components"]["schemas"][&name], seen);
    }
    let props = schema["properties"].as_object();
    props.is_some_and(|p| {
        p.iter().any(|(k, v)| {
            k.ends_with("_id") || k.ends_with("_ids") || has_id_property(spec, v, seen)
        })
    }) || has_id_property(spec, &schema["items"], seen)
        || ["allOf", "oneOf", "anyOf"].iter().any(|k| {
            schema[*k]
                .as_array()
                .is_some_and(|a| a.iter().any(|s| has_id_property(spec, s, seen)))
        })
}

/// Drops from each operation the error responses it cannot give.
pub fn document_errors(spec: &mut Value) {
    let snapshot = spec.clone();
    let Some(paths) = spec["paths"].as_object_mut() else {
        return;
    };
    for item in paths.values_mut() {
        let Some(ops) = item.as_object_mut() else {
            continue;
        };
        for (method, op) in ops.iter_mut() {
            let keep = errors_for(&snapshot, method, op);
            if let Some(responses) = op["responses"].as_object_mut() {
                responses.retain(|status, _| {
                    status
                        .parse::<u16>()
                        .map_or(true, |s| s < 400 || keep.contains(&s))
                });
            }
        }
    }
}
