"""Schemathesis hooks for .ci/contract (loaded through SCHEMATHESIS_HOOKS).

The spec declares every rule JSON Schema can state (lengths, patterns,
formats, ranges, enums). A schema-valid request may still be refused with 422,
but only for one of the business rules listed here -- rules no schema can
express: checksums, rules between fields, rules about stored state. Each
entry is (operationId or "*", field, the server's message as a regex); a 422
whose field errors are not all on this list fails the run, so a rule the spec
could have stated cannot hide.
"""

import re

import schemathesis

BUSINESS_RULES = [
    # --- every operation ---
    # The IETF idempotency draft answers 422 when a key is reused with another body.
    ("*", "Idempotency-Key", r"^was already used with a different request$"),
    # An opaque cursor must be one this server issued (its charset is declared).
    ("*", "cursor", r"^is not a valid cursor$"),
    # A referenced id must exist (and be visible); no schema knows the database.
    ("*", r"[a-z_.\[\]0-9]*_ids?(\[\d+\])?", r"(no such|does not exist|unknown|not found|not visible|not one of|must be (an?|your|the)\b)"),
    ("*", "id", r"^refers to a resource that does not exist$"),
    # Rules between two fields (a range's ends, a window inside a session, ...).
    ("*", r"to|end|ends_at|correction_end|period_end|end_date|due_date|check_out_at", r"(before|after|earlier|later|within|outside|inside|longer|exceed)"),
    # Check characters: the GB 32100 credit code and the GB 11643 ID number.
    ("*", "uscc", r"(check character|not a valid)"),
    ("*", "id_number", r"(check character|birth date|not a valid|is required for)"),
    # Hours are kept in hundredths: JSON Schema's multipleOf is not exact for binary floats.
    ("*", r"[a-z_.]*(hours|education|public_welfare)", r"with at most two decimals"),
    # --- one operation ---
    # A signature is checked, not described.
    ("verify_audit_events", "checkpoint", r"^is not a checkpoint signed by this server$"),
    # Only judicial offices sit under another office and have a police station.
    ("create_organization", "parent_id", r"^only judicial offices have a parent$"),
    ("create_organization", "police_station_id", r"^only judicial offices have a police station$"),
    ("update_organization", "police_station_id", r"^only judicial offices have a police station$"),
    ("update_organization", "parent_id", r"^only judicial offices have a parent$"),
    # A judicial office needs its township (乡镇); other kinds need none.
    ("create_organization", "township", r"^is required for a judicial office$"),
    ("update_organization", "township", r"^is required for a judicial office$"),
    # Only agencies have an agency type, and an agency needs one.
    ("create_organization", "agency_type", r"^(is required for an agency|only agencies have an agency type)$"),
    ("update_organization", "agency_type", r"^only agencies have an agency type$"),
    # A finding's subject names a record of its kind (none: no id); deadlines are not in the past.
    ("create_finding", "subject.id", r"^(is required for this kind|must be absent for none|no such record)$"),
    ("create_finding", "rectify_by", r"^must not be in the past$"),
    ("reopen_finding", "rectify_by", r"^must not be in the past$"),
    # A county meeting is the bureau's, a township meeting an office's; tasks are due no earlier than the meeting.
    ("create_meeting", "level", r"^a county meeting is convened by the bureau, a township meeting by a judicial office$"),
    ("create_meeting_task", "due_on", r"^must not be before the meeting$"),
    # A notice goes to the person's committee, which must be set first.
    ("create_assistance_notice", "village_committee_id", r"^the person has no village committee: set it first$"),
    # A plan version starts this month or later, never before the newest; a session type once.
    ("create_plan", "effective_from", r"^(a plan version takes effect in the current month or later|must not be before the newest version)"),
    ("create_plan", r"session_goals\[\d+\]\.type", r"^each session type appears at most once$"),
    # An admin may not lock themselves out.
    ("update_user", "disabled", r"^you may not disable yourself or change your own role$"),
    ("update_user", "role", r"^you may not disable yourself or change your own role$"),
    # The role must belong to the organisation's kind.
    ("create_user", "role", r"users belong to an? `"),
    ("update_user", "role", r"^must fit the user's organisation kind$"),
    # The current password is verified.
    ("change_password", "current_password", r"^is missing or wrong$"),
]


def _allowed(operation_id, error):
    field, message = error.get("field", ""), error.get("message", "")
    return any(
        op in ("*", operation_id) and re.fullmatch(f, field) and re.search(m, message)
        for op, f, m in BUSINESS_RULES
    )


@schemathesis.check
def only_business_rules_refuse_valid_data(ctx, response, case):
    """A schema-valid request refused with 422 names only listed business rules."""
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 422:
        return None
    body = response.json()
    errors = body.get("errors") or []
    operation_id = case.operation.definition.raw.get("operationId")
    unexplained = [e for e in errors if not _allowed(operation_id, e)]
    if not errors or unexplained:
        raise AssertionError(
            f"{operation_id}: a schema-valid request was refused for rules the spec does not "
            f"declare: {unexplained or body.get('detail')}"
        )
    return None
