//! The spec as a partner-app developer reads it: closed values are named
//! enums, writes take an `Idempotency-Key`, each operation lists only the
//! errors it can give, and every rule the schema states is the rule enforced.

use serde_json::{Value, json};

use crate::helpers::World;

fn spec() -> Value {
    serde_json::from_str(&huigui::startup::spec_json()).unwrap()
}

fn operations(spec: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            out.push((method.clone(), path.clone(), op.clone()));
        }
    }
    out
}

/// A field that names a status or another closed set of values.
fn status_like(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "status",
        "state",
        "outcome",
        "source",
        "gender",
        "kind",
        "role",
        "metric",
        "level",
        "result",
        "category",
        "need",
        "token_type",
        "actor_type",
        "correction_type",
        "session_type",
    ];
    WORDS
        .iter()
        .any(|w| name == *w || name.ends_with(&format!("_{w}")))
}

#[test]
fn no_status_like_field_is_a_free_string() {
    let spec = spec();
    let mut free = Vec::new();
    for (name, schema) in spec["components"]["schemas"].as_object().unwrap() {
        for (field, p) in schema["properties"].as_object().into_iter().flatten() {
            let p = if p["type"] == "array" { &p["items"] } else { p };
            // A joint-meeting task's `result` is what its owner did, in prose (api.md names it).
            let prose = matches!(
                (name.as_str(), field.as_str()),
                ("Task" | "CompleteTask", "result")
            );
            if status_like(field) && p["type"] == "string" && p.get("enum").is_none() && !prose {
                free.push(format!("{name}.{field}"));
            }
        }
    }
    for (method, path, op) in operations(&spec) {
        for p in op["parameters"].as_array().into_iter().flatten() {
            let name = p["name"].as_str().unwrap();
            if status_like(name)
                && p["schema"]["type"] == "string"
                && p["schema"].get("enum").is_none()
            {
                free.push(format!("{method} {path} ?{name}"));
            }
        }
    }
    assert!(free.is_empty(), "free strings for closed values: {free:?}");
    // The same named schema for a filter and the field it filters.
    let sessions = &spec["paths"]["/api/v1/sessions"]["get"]["parameters"];
    let status = sessions
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "status")
        .unwrap();
    assert_eq!(
        status["schema"]["$ref"],
        "#/components/schemas/SessionState"
    );
    assert_eq!(
        spec["components"]["schemas"]["Session"]["properties"]["status"]["$ref"],
        "#/components/schemas/SessionState"
    );
}

#[test]
fn every_post_that_creates_or_records_declares_an_idempotency_key() {
    let spec = spec();
    for (method, path, op) in operations(&spec) {
        if method != "post" {
            continue;
        }
        let id = op["operationId"].as_str().unwrap();
        let creates = op["responses"].get("201").is_some()
            || ["record_attendance", "sync_attendance"].contains(&id);
        let keyed = op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["name"] == "Idempotency-Key");
        if creates {
            let key =
                keyed.unwrap_or_else(|| panic!("{path} ({id}) creates without Idempotency-Key"));
            assert_eq!(key["in"], "header");
            assert_eq!(key["schema"]["maxLength"], 255, "{id}");
            assert!(key["schema"]["pattern"].is_string(), "{id}");
        }
    }
}

#[test]
fn no_operation_declares_an_error_it_cannot_give() {
    let spec = spec();
    for (method, path, op) in operations(&spec) {
        let id = op["operationId"].as_str().unwrap();
        let errors: Vec<u16> = op["responses"]
            .as_object()
            .unwrap()
            .keys()
            .filter_map(|s| s.parse().ok())
            .filter(|s| *s >= 400)
            .collect();
        let params = op["parameters"].as_array().cloned().unwrap_or_default();
        let header = |n: &str| params.iter().any(|p| p["in"] == "header" && p["name"] == n);
        let body = op.get("requestBody").is_some();
        let secured = op["security"].as_array().is_some_and(|s| !s.is_empty());
        let has = |s: u16| errors.contains(&s);
        assert!(has(500), "{id}: every operation can fail");
        if !body {
            assert!(!has(413) && !has(415), "{id}: no body, yet 413/415");
        }
        if !body && params.iter().all(|p| p["in"] != "query") && !header("Idempotency-Key") {
            assert!(!has(422), "{id}: nothing to validate, yet 422");
        }
        if !body && params.is_empty() {
            assert!(!has(400), "{id}: nothing to parse, yet 400");
        }
        if !header("If-Match") {
            assert!(!has(412) && !has(428), "{id}: no If-Match, yet 412/428");
        }
        if !secured {
            assert!(!has(403), "{id}: open operation, yet 403");
        }
        if method == "get" && id != "get_checkin_code" {
            assert!(!has(409), "{method} {path}: a read with a state conflict");
        }
        if !["create_token", "create_client_token", "change_password"].contains(&id) {
            assert!(!has(429), "{id}: not throttled, yet 429");
        }
        for s in &errors {
            let content = &op["responses"][s.to_string()]["content"];
            assert!(
                content.get("application/problem+json").is_some(),
                "{id}: {s} not problem+json"
            );
        }
    }
    let metrics = &spec["paths"]["/metrics"]["get"]["responses"];
    assert!(metrics.get("412").is_none() && metrics.get("503").is_none());
    let patch = &spec["paths"]["/api/v1/contracts/{id}"]["patch"]["responses"];
    assert!(patch.get("412").is_some() && patch.get("428").is_some());
}

#[test]
fn every_request_string_states_its_rules() {
    let spec = spec();
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    let mut vague = Vec::new();
    for (name, schema) in schemas {
        if schema["additionalProperties"] != false {
            continue; // responses
        }
        for (field, p) in schema["properties"].as_object().into_iter().flatten() {
            let p = if p["type"] == "array" { &p["items"] } else { p };
            let stated = ["maxLength", "enum", "format", "pattern"]
                .iter()
                .any(|k| p.get(*k).is_some());
            if p["type"] == "string" && !stated {
                vague.push(format!("{name}.{field}"));
            }
            if let Some(pattern) = p["pattern"].as_str() {
                regex::Regex::new(pattern).unwrap_or_else(|e| panic!("{name}.{field}: {e}"));
            }
        }
    }
    assert!(
        vague.is_empty(),
        "request strings without a declared rule: {vague:?}"
    );
}

#[tokio::test]
async fn the_declared_text_rules_are_the_enforced_ones() {
    let w = World::new().await;
    let admin = w.token("admin");
    let spec = spec();
    let create = &spec["components"]["schemas"]["CreateOrganization"]["properties"];
    let max = create["name"]["maxLength"].as_u64().unwrap() as usize;
    let org = |name: String, n: u32| json!({"kind": "ngo", "name": name, "uscc": crate::helpers::uscc(100 + n)});
    let r = w
        .app
        .post(
            "/api/v1/organizations",
            Some(admin),
            org("名".repeat(max), 1),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    for (i, (name, why)) in [
        ("名".repeat(max + 1), "too long"),
        ("   ".to_string(), "blank"),
        ("a\nb".to_string(), "a line break in a one-line field"),
        ("a\u{7}b".to_string(), "a control character"),
    ]
    .into_iter()
    .enumerate()
    {
        let r = w
            .app
            .post(
                "/api/v1/organizations",
                Some(admin),
                org(name, 2 + i as u32),
            )
            .await;
        assert_eq!(r.status, 422, "{why}: {}", r.body);
        assert_eq!(r.body["errors"][0]["field"], "name", "{why}");
    }
    // Multi-line text keeps its line breaks (Prose), and blank optional text is refused, not dropped.
    let pattern =
        &spec["components"]["schemas"]["CreateProcurement"]["properties"]["description"]["pattern"];
    assert!(
        regex::Regex::new(pattern.as_str().unwrap())
            .unwrap()
            .is_match("第一段\n第二段")
    );
    let office_user = w.token("office_staff");
    let p = w
        .app
        .post(
            "/api/v1/participants",
            Some(office_user),
            json!({"kind": "correction_subject", "name": "王五", "id_number": "110105199003071234",
                   "phone": "", "correction_type": "probation", "supervision_level": "ordinary",
                   "correction_start": "2026-01-01", "correction_end": "2027-01-01"}),
        )
        .await;
    assert_eq!(p.status, 422, "{}", p.body);
    assert!(
        p.body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == "phone"),
        "{}",
        p.body
    );
}
