//! The full role × operation matrix for this issue's operations: forbidden
//! pairs answer 403, allowed pairs never do; partner clients get 403 on user
//! operations.

use poem::http::Method;
use serde_json::json;

use crate::helpers::{SEEDED, World};

struct Op {
    name: &'static str,
    method: Method,
    path: String,
    body: Option<serde_json::Value>,
    allowed: &'static [&'static str],
}

const ALL: &[&str] = &SEEDED;

fn ops(w: &World) -> Vec<Op> {
    let bad_org = json!({"kind": "ngo", "name": "N", "uscc": "bad"});
    let bad_user = json!({"email": "bad", "display_name": "", "role": "ngo_staff",
                          "organization_id": w.ngo_a, "password": "x"});
    vec![
        Op {
            name: "get_me",
            method: Method::GET,
            path: "/api/v1/me".into(),
            body: None,
            allowed: ALL,
        },
        Op {
            name: "list_organizations",
            method: Method::GET,
            path: "/api/v1/organizations".into(),
            body: None,
            allowed: ALL,
        },
        Op {
            name: "get_organization",
            method: Method::GET,
            path: format!("/api/v1/organizations/{}", w.bureau),
            body: None,
            allowed: ALL,
        },
        Op {
            name: "create_organization",
            method: Method::POST,
            path: "/api/v1/organizations".into(),
            body: Some(bad_org),
            allowed: &["admin"],
        },
        Op {
            name: "update_organization",
            method: Method::PATCH,
            path: format!("/api/v1/organizations/{}", w.ngo_a),
            body: Some(json!({"name": ""})),
            allowed: &["admin"],
        },
        Op {
            name: "list_users",
            method: Method::GET,
            path: "/api/v1/users".into(),
            body: None,
            allowed: ALL,
        },
        Op {
            name: "create_user",
            method: Method::POST,
            path: "/api/v1/users".into(),
            body: Some(bad_user),
            allowed: &["admin", "ngo_admin", "ngo_b_admin"],
        },
        Op {
            name: "update_user",
            method: Method::PATCH,
            path: format!("/api/v1/users/{}", w.users["ngo_staff"]),
            body: Some(json!({"display_name": ""})),
            allowed: &["admin", "ngo_admin", "ngo_b_admin"],
        },
        Op {
            name: "list_api_clients",
            method: Method::GET,
            path: "/api/v1/api-clients".into(),
            body: None,
            allowed: &["admin", "auditor", "ngo_admin", "ngo_b_admin"],
        },
        Op {
            name: "create_api_client",
            method: Method::POST,
            path: "/api/v1/api-clients".into(),
            body: Some(json!({"name": "", "scopes": []})),
            allowed: &["ngo_admin", "ngo_b_admin"],
        },
        Op {
            name: "revoke_api_client",
            method: Method::DELETE,
            path: format!("/api/v1/api-clients/{}", uuid::Uuid::now_v7()),
            body: None,
            allowed: &["ngo_admin", "ngo_b_admin"],
        },
        Op {
            name: "list_audit_events",
            method: Method::GET,
            path: "/api/v1/audit-events".into(),
            body: None,
            allowed: &["admin", "auditor"],
        },
        Op {
            name: "verify_audit_events",
            method: Method::GET,
            path: "/api/v1/audit-events/verify".into(),
            body: None,
            allowed: &["admin", "auditor"],
        },
        Op {
            name: "list_findings",
            method: Method::GET,
            path: "/api/v1/findings".into(),
            body: None,
            allowed: &[
                "admin",
                "officer",
                "office_staff",
                "ngo_admin",
                "ngo_staff",
                "ngo_b_admin",
                "auditor",
            ],
        },
        Op {
            // The auditor's only write (a body that fails its checks: nothing is written).
            name: "create_finding",
            method: Method::POST,
            path: "/api/v1/findings".into(),
            body: Some(
                json!({"organization_id": w.agency, "subject": {"kind": "none"},
                              "description": "x", "rectify_by": "2000-01-01"}),
            ),
            allowed: &["auditor"],
        },
        Op {
            name: "respond_finding",
            method: Method::POST,
            path: format!("/api/v1/findings/{}/respond", uuid::Uuid::nil()),
            body: Some(json!({"rectification": "done"})),
            allowed: &[
                "admin",
                "officer",
                "office_staff",
                "ngo_admin",
                "ngo_b_admin",
            ],
        },
        Op {
            name: "accept_finding",
            method: Method::POST,
            path: format!("/api/v1/findings/{}/accept", uuid::Uuid::nil()),
            body: Some(json!({})),
            allowed: &["auditor"],
        },
        Op {
            name: "reopen_finding",
            method: Method::POST,
            path: format!("/api/v1/findings/{}/reopen", uuid::Uuid::nil()),
            body: Some(json!({})),
            allowed: &["auditor"],
        },
        Op {
            name: "list_meetings",
            method: Method::GET,
            path: "/api/v1/meetings".into(),
            body: None,
            allowed: ALL,
        },
        Op {
            // A body that fails its checks (no such organisation): nothing is written.
            name: "create_meeting",
            method: Method::POST,
            path: "/api/v1/meetings".into(),
            body: Some(
                json!({"level": "county", "title": "t", "held_on": "2026-12-01",
                              "organization_ids": [uuid::Uuid::nil()]}),
            ),
            allowed: &["officer", "office_staff"],
        },
        Op {
            name: "list_tasks",
            method: Method::GET,
            path: "/api/v1/tasks".into(),
            body: None,
            allowed: ALL,
        },
        Op {
            name: "complete_task",
            method: Method::POST,
            path: format!("/api/v1/tasks/{}/complete", uuid::Uuid::nil()),
            body: Some(json!({"result": "done"})),
            allowed: &[
                "admin",
                "officer",
                "office_staff",
                "ngo_admin",
                "ngo_staff",
                "ngo_b_admin",
                "agency_staff",
            ],
        },
        Op {
            name: "list_assistance_notices",
            method: Method::GET,
            path: "/api/v1/assistance-notices".into(),
            body: None,
            allowed: &[
                "admin",
                "officer",
                "office_staff",
                "agency_staff",
                "auditor",
            ],
        },
        Op {
            // Someone the caller does not own: 404 after the permission check.
            name: "create_assistance_notice",
            method: Method::POST,
            path: format!(
                "/api/v1/participants/{}/assistance-notices",
                uuid::Uuid::nil()
            ),
            body: Some(json!({"duties": "协助"})),
            allowed: &["office_staff"],
        },
        Op {
            name: "acknowledge_assistance_notice",
            method: Method::POST,
            path: format!(
                "/api/v1/assistance-notices/{}/acknowledge",
                uuid::Uuid::nil()
            ),
            body: Some(json!({})),
            allowed: &["agency_staff"],
        },
        Op {
            // A bad month answers 422 after the permission check (an export is audited).
            name: "export_records",
            method: Method::GET,
            path: "/api/v1/exports/records?month=2026-13".into(),
            body: None,
            allowed: &["admin", "officer", "office_staff"],
        },
        Op {
            name: "get_team",
            method: Method::GET,
            path: format!("/api/v1/participants/{}/team", uuid::Uuid::nil()),
            body: None,
            allowed: &["admin", "officer", "office_staff", "auditor"],
        },
        Op {
            name: "put_team",
            method: Method::PUT,
            path: format!("/api/v1/participants/{}/team", uuid::Uuid::nil()),
            body: Some(json!({"members": []})),
            allowed: &["office_staff"],
        },
        Op {
            name: "list_plans",
            method: Method::GET,
            path: format!("/api/v1/participants/{}/plans", uuid::Uuid::nil()),
            body: None,
            allowed: &[
                "admin",
                "officer",
                "office_staff",
                "ngo_admin",
                "ngo_staff",
                "ngo_b_admin",
                "auditor",
            ],
        },
        Op {
            name: "create_plan",
            method: Method::POST,
            path: format!("/api/v1/participants/{}/plans", uuid::Uuid::nil()),
            body: Some(json!({"effective_from": "2099-01-01", "reason": "r",
                              "session_goals": [], "notes": "n"})),
            allowed: &["office_staff"],
        },
    ]
}

#[tokio::test]
async fn permission_matrix_is_enforced_for_every_role_and_operation() {
    let w = World::new().await;
    let before = w.app.count("audit_events").await;
    for op in ops(&w) {
        for key in SEEDED {
            let body = op.body.as_ref().map(|b| b.to_string().into_bytes());
            let r = w
                .app
                .send(op.method.clone(), &op.path, Some(w.token(key)), body, &[])
                .await;
            if op.allowed.contains(&key) {
                assert_ne!(
                    r.status, 403,
                    "{key} must be allowed {}: {}",
                    op.name, r.body
                );
                assert!(r.status < 500, "{key} {}: {}", op.name, r.body);
            } else {
                assert_eq!(
                    r.status, 403,
                    "{key} must be refused {}: {}",
                    op.name, r.body
                );
                assert_eq!(r.problem_code(), "forbidden");
            }
        }
    }
    assert_eq!(
        w.app.count("audit_events").await,
        before,
        "no op above may write"
    );
}

#[tokio::test]
async fn partner_client_tokens_are_refused_user_operations() {
    let w = World::new().await;
    let created = w
        .app
        .post(
            "/api/v1/api-clients",
            Some(w.token("ngo_admin")),
            json!({"name": "kiosk", "scopes": ["sessions:read"]}),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let token = w
        .app
        .post(
            "/api/v1/auth/client-token",
            None,
            json!({"client_id": created.body["client_id"], "client_secret": created.body["client_secret"]}),
        )
        .await
        .body["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    for op in ops(&w) {
        let body = op.body.as_ref().map(|b| b.to_string().into_bytes());
        let r = w
            .app
            .send(op.method.clone(), &op.path, Some(&token), body, &[])
            .await;
        assert_eq!(r.status, 403, "client on {}: {}", op.name, r.body);
    }
}

#[tokio::test]
async fn another_tenants_objects_are_404_for_every_id_operation() {
    let w = World::new().await;
    let client = w
        .app
        .post(
            "/api/v1/api-clients",
            Some(w.token("ngo_admin")),
            json!({"name": "kiosk", "scopes": ["sessions:read"]}),
        )
        .await
        .id();
    // A supervision finding addressed to NGO A.
    let today = w.app.state.clock.today(w.app.state.settings.tz());
    let finding = w
        .app
        .post(
            "/api/v1/findings",
            Some(w.token("auditor")),
            json!({"organization_id": w.ngo_a, "subject": {"kind": "none"}, "description": "台账不全",
                   "rectify_by": (today + chrono::Duration::days(7)).to_string()}),
        )
        .await;
    assert_eq!(finding.status, 201, "{}", finding.body);
    let finding = finding.id();
    // A township meeting of the office with NGO A, and a task NGO A owns.
    let meeting = w
        .app
        .post(
            "/api/v1/meetings",
            Some(w.token("office_staff")),
            json!({"level": "township", "title": "乡镇联席会议", "held_on": today.to_string(),
                   "organization_ids": [w.ngo_a]}),
        )
        .await;
    assert_eq!(meeting.status, 201, "{}", meeting.body);
    let meeting = meeting.id();
    let task = w
        .app
        .post(
            &format!("/api/v1/meetings/{meeting}/tasks"),
            Some(w.token("office_staff")),
            json!({"owner_id": w.ngo_a, "description": "走访", "due_on": today.to_string()}),
        )
        .await
        .id();
    // A person of the office, enrolled nowhere: no NGO sees them or their plan.
    let person = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            crate::sessions::person("19800101", 901),
        )
        .await
        .id();
    let intruder = w.token("ngo_b_admin");
    let cases: Vec<(Method, String, Option<serde_json::Value>)> = vec![
        (Method::GET, format!("/api/v1/findings/{finding}"), None),
        (
            Method::GET,
            format!("/api/v1/participants/{person}/plans"),
            None,
        ),
        (Method::GET, format!("/api/v1/meetings/{meeting}"), None),
        (
            Method::GET,
            format!("/api/v1/meetings/{meeting}/items"),
            None,
        ),
        (
            Method::GET,
            format!("/api/v1/meetings/{meeting}/tasks"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/tasks/{task}/complete"),
            Some(json!({"result": "not ours"})),
        ),
        (
            Method::POST,
            format!("/api/v1/findings/{finding}/respond"),
            Some(json!({"rectification": "not ours"})),
        ),
        (
            Method::GET,
            format!("/api/v1/organizations/{}", w.ngo_a),
            None,
        ),
        (
            Method::GET,
            format!("/api/v1/users/{}", w.users["ngo_staff"]),
            None,
        ),
        (
            Method::PATCH,
            format!("/api/v1/users/{}", w.users["ngo_staff"]),
            Some(json!({"display_name": "taken over"})),
        ),
        (
            Method::POST,
            format!("/api/v1/users/{}/password", w.users["ngo_staff"]),
            Some(json!({"new_password": "taken-over-password"})),
        ),
        (
            Method::DELETE,
            format!("/api/v1/api-clients/{client}"),
            None,
        ),
    ];
    let before = w.app.count("audit_events").await;
    for (method, path, body) in cases {
        let r = w
            .app
            .send(
                method.clone(),
                &path,
                Some(intruder),
                body.map(|b| b.to_string().into_bytes()),
                &[],
            )
            .await;
        assert_eq!(r.status, 404, "{method} {path}: {}", r.body);
        assert_eq!(r.problem_code(), "not_found");
    }
    assert_eq!(
        w.app.count("audit_events").await,
        before,
        "nothing was written"
    );
    let still = w
        .app
        .get(
            &format!("/api/v1/users/{}", w.users["ngo_staff"]),
            w.token("ngo_admin"),
        )
        .await;
    assert_eq!(still.body["display_name"], "ngo_staff");
}
