"""Smoke test of the generated Python client against a live server.

Needs HUIGUI_URL, HUIGUI_ADMIN_EMAIL, HUIGUI_ADMIN_PASSWORD (set by .ci/contract).
"""

import os
import random
import time

from huigui_client import AuthenticatedClient, Client
from huigui_client.api.auth import create_token, get_me, refresh_token
from huigui_client.api.organizations import create_organization, list_organizations
from huigui_client.models import (
    CreateOrganization,
    OrganizationKind,
    PageOrganization,
    Problem,
    RefreshRequest,
    TokenRequest,
)
from huigui_client.types import UNSET

BASE = os.environ.get("HUIGUI_URL", "http://127.0.0.1:8080")
EMAIL = os.environ["HUIGUI_ADMIN_EMAIL"]
PASSWORD = os.environ["HUIGUI_ADMIN_PASSWORD"]
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc(first16: str) -> str:
    """A GB 32100 credit code with both check characters."""

    def org_val(c: str) -> int:
        return int(c) if c.isdigit() else ord(c) - 55

    s = sum(org_val(c) * w for c, w in zip(first16[8:16], [3, 7, 9, 10, 5, 8, 4, 2]))
    c = 11 - s % 11
    body = first16 + ("X" if c == 10 else "0" if c == 11 else str(c))
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(body, weights))
    return body + ALPHABET[(31 - total % 31) % 31]


def test_login_refresh_me_create_paginate_problem():
    anon = Client(base_url=BASE)
    pair = create_token.sync(client=anon, body=TokenRequest(email=EMAIL, password=PASSWORD))
    assert pair is not None and pair.token_type == "Bearer"
    rotated = refresh_token.sync(client=anon, body=RefreshRequest(refresh_token=pair.refresh_token))
    assert rotated is not None and rotated.refresh_token != pair.refresh_token

    client = AuthenticatedClient(base_url=BASE, token=rotated.access_token)
    me = get_me.sync(client=client)
    assert me is not None and me.email == EMAIL and me.role.value == "admin"

    u = f"{int(time.time()) % 1_000_000:06d}{random.randint(10, 99)}"
    for n in "12":
        resp = create_organization.sync_detailed(
            client=client,
            body=CreateOrganization(
                kind=OrganizationKind.NGO,
                name=f"Py smoke NGO {u}{n}",
                uscc=uscc(f"52141121{u[:7]}{n}"),
            ),
        )
        assert resp.status_code == 201, resp.content
        assert resp.headers["location"].endswith(str(resp.parsed.id))

    seen, cursor, pages = set(), UNSET, 0
    while True:
        page = list_organizations.sync(client=client, limit=1, cursor=cursor)
        assert isinstance(page, PageOrganization)
        assert len(page.items) <= 1
        seen.update(o.id for o in page.items)
        pages += 1
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert pages >= 3
    assert len(seen) == pages, "every page holds one new organisation"

    bad = create_organization.sync_detailed(
        client=client,
        body=CreateOrganization(kind=OrganizationKind.NGO, name="Bad", uscc="91350100M000100Y44"),
    )
    assert bad.status_code == 422
    assert isinstance(bad.parsed, Problem)
    assert bad.parsed.code == "validation_failed"
    assert bad.parsed.errors[0].field == "uscc"


def test_procurement_to_signed_contract():
    from datetime import date, datetime, timedelta, timezone

    from huigui_client.api.contracts import get_contract_kpis, sign_contract
    from huigui_client.api.procurement import (
        award_procurement,
        close_procurement,
        create_bid,
        create_procurement,
        publish_procurement,
        score_bid,
    )
    from huigui_client.api.users import create_user
    from huigui_client.models import (
        AwardRequest,
        CreateBid,
        CreateProcurement,
        CreateUser,
        Criterion,
        CriterionScore,
        KpiMetric,
        KpiTarget,
        PlannedKpi,
        ScoreSheet,
        SessionType,
        UserRole,
    )

    anon = Client(base_url=BASE)
    admin = AuthenticatedClient(
        base_url=BASE,
        token=create_token.sync(client=anon, body=TokenRequest(email=EMAIL, password=PASSWORD)).access_token,
    )
    me = get_me.sync(client=admin)
    u = f"{int(time.time()) % 1_000_000:06d}{random.randint(10, 99)}"
    ngo = create_organization.sync(
        client=admin,
        body=CreateOrganization(kind=OrganizationKind.NGO, name=f"Py 社工 {u}", uscc=uscc(f"52141121{u[:7]}8")),
    )
    pw = f"smoke-password-{u}"

    def user(role: UserRole, org) -> AuthenticatedClient:
        mail = f"{role.value}-{u}@py.huigui.cn"
        create_user.sync(
            client=admin,
            body=CreateUser(email=mail, display_name=role.value, role=role, organization_id=org, password=pw),
        )
        token = create_token.sync(client=anon, body=TokenRequest(email=mail, password=pw)).access_token
        return AuthenticatedClient(base_url=BASE, token=token)

    officer = user(UserRole.OFFICER, me.organization_id)
    ngo_admin = user(UserRole.NGO_ADMIN, ngo.id)
    deadline = datetime.now(timezone.utc) + timedelta(seconds=2.5)
    p = create_procurement.sync(
        client=officer,
        body=CreateProcurement(
            title="Py smoke procurement",
            description="counseling",
            categories=[SessionType.GROUP_COUNSELING],
            budget_fen=2_000_000,
            service_start=date(2027, 1, 1),
            service_end=date(2027, 12, 31),
            bid_deadline=deadline,
            kpi_template=[KpiTarget(metric=KpiMetric.SESSIONS_GROUP_COUNSELING, target=10.0, weight=100)],
            criteria=[Criterion(name="quality", weight=100)],
        ),
    )
    assert publish_procurement.sync(client=officer, id=p.id).status == "published"
    bid = create_bid.sync(
        client=ngo_admin,
        id=p.id,
        body=CreateBid(price_fen=1_500_000, proposal="plan", planned_kpis=[PlannedKpi(metric=KpiMetric.SESSIONS_GROUP_COUNSELING, target=12.0)]),
    )
    time.sleep(max(0.0, (deadline - datetime.now(timezone.utc)).total_seconds() + 0.3))
    assert close_procurement.sync(client=officer, id=p.id).status == "closed"
    scored = score_bid.sync(client=officer, id=bid.id, body=ScoreSheet(scores=[CriterionScore(criterion="quality", score=91)]))
    assert scored.total_score == 91
    award = award_procurement.sync(client=officer, id=p.id, body=AwardRequest(bid_id=bid.id))
    contract = sign_contract.sync(client=officer, id=award.contract_id)
    assert contract.status == "active" and contract.amount_fen == 1_500_000
    kpis = get_contract_kpis.sync(client=ngo_admin, id=contract.id)
    assert [(k.metric.value, k.target) for k in kpis] == [("sessions_group_counseling", 12.0)]


def id_number(first17: str) -> str:
    """A GB 11643 citizen ID number with its check character."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * w for c, w in zip(first17, weights))
    return first17 + "10X98765432"[s % 11]


def test_roster_import_session_attendance_and_hours():
    import io
    from datetime import date, datetime, timedelta, timezone

    from huigui_client.api.contracts import create_contract, sign_contract
    from huigui_client.api.hours import get_participant_hours
    from huigui_client.api.participants import import_participants
    from huigui_client.api.sessions import close_session, create_enrollment, create_session, list_attendance, record_attendance
    from huigui_client.api.users import create_user
    from huigui_client.models import (
        CheckEvent,
        CheckKind,
        CheckSource,
        CreateContract,
        CreateEnrollment,
        CreateSession,
        CreateUser,
        ImportStatus,
        SessionType,
        UserRole,
    )
    from huigui_client.types import File

    anon = Client(base_url=BASE)
    admin = AuthenticatedClient(
        base_url=BASE,
        token=create_token.sync(client=anon, body=TokenRequest(email=EMAIL, password=PASSWORD)).access_token,
    )
    me = get_me.sync(client=admin)
    u = f"{int(time.time()) % 1_000_000:06d}{random.randint(10, 99)}"
    office = create_organization.sync(
        client=admin,
        body=CreateOrganization(kind=OrganizationKind.JUDICIAL_OFFICE, name=f"Py 司法所 {u}", uscc=uscc(f"11141121{u[:7]}5"), township="凤城镇"),
    )
    ngo = create_organization.sync(
        client=admin,
        body=CreateOrganization(kind=OrganizationKind.NGO, name=f"Py 社工站 {u}", uscc=uscc(f"52141121{u[:7]}6")),
    )
    pw = f"smoke-password-{u}"

    def user(role: UserRole, org) -> AuthenticatedClient:
        mail = f"d-{role.value}-{u}@py.huigui.cn"
        create_user.sync(client=admin, body=CreateUser(email=mail, display_name=role.value, role=role, organization_id=org, password=pw))
        return AuthenticatedClient(base_url=BASE, token=create_token.sync(client=anon, body=TokenRequest(email=mail, password=pw)).access_token)

    officer, staff, ngo_staff = user(UserRole.OFFICER, me.organization_id), user(UserRole.OFFICE_STAFF, office.id), user(UserRole.NGO_STAFF, ngo.id)

    good = id_number(f"142327198{random.randint(0, 9)}0101{random.randint(100, 999)}")
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    roster = f"姓名,身份证号,矫正类别,管理类别,矫正起始日,矫正终止日\n王建国,{good},缓刑,普管,2026-01-01,2027-06-30\n李秀英,{bad},假释,严管,2026-01-01,2027-06-30\n"
    result = import_participants.sync(client=staff, body=File(payload=io.BytesIO(roster.encode("gb18030")), mime_type="text/csv"))
    assert [r.status for r in result.results] == [ImportStatus.CREATED, ImportStatus.REJECTED], result
    assert result.results[1].errors[0].field == "id_number"
    person = result.results[0].participant_id

    contract = create_contract.sync(
        client=officer,
        body=CreateContract(title="Py 教育服务", ngo_id=ngo.id, categories=[SessionType.EDUCATION], amount_fen=500_000,
                            start_date=date(2026, 1, 1), end_date=date(2026, 12, 31), multi_year=False, kpis=[]),
    )
    sign_contract.sync(client=officer, id=contract.id)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    session = create_session.sync(
        client=ngo_staff,
        body=CreateSession(contract_id=contract.id, type_=SessionType.EDUCATION, title="法治教育", starts_at=now - timedelta(minutes=30),
                           ends_at=now + timedelta(minutes=30), location="村委会", capacity=10, facilitator="张老师", credit_hours=1.0),
    )
    assert create_enrollment.sync_detailed(client=staff, id=session.id, body=CreateEnrollment(participant_id=person)).status_code == 201
    ev = record_attendance.sync_detailed(
        client=ngo_staff, id=session.id,
        body=CheckEvent(participant_id=person, kind=CheckKind.CHECK_IN, at=now - timedelta(minutes=25), source=CheckSource.STAFF),
    )
    assert ev.status_code == 201, ev.content
    assert close_session.sync(client=ngo_staff, id=session.id).status == "closed"
    att = list_attendance.sync(client=staff, id=session.id).items[0]
    assert (att.outcome, att.hours_credited, att.auto_checkout) == ("present", 0.75, True)
    month = (now - timedelta(minutes=30)).astimezone(timezone(timedelta(hours=8))).strftime("%Y-%m")
    hours = get_participant_hours.sync(client=staff, id=person, month=month)
    assert hours.earned.education == 0.75 and hours.required.education == 8.0
    assert hours.balance == sum(e.hours for e in hours.entries if e.counted)


def test_referral_reaches_its_agency_and_discipline_suggests_next():
    from datetime import date, timedelta

    from huigui_client.api.alerts import accept_referral, create_discipline, create_referral, get_referral, list_discipline
    from huigui_client.api.participants import create_participant
    from huigui_client.api.users import create_user
    from huigui_client.models import (
        AgencyType,
        CorrectionType,
        CreateDiscipline,
        CreateParticipant,
        CreateReferral,
        CreateUser,
        DisciplineKind,
        ParticipantKind,
        ReferralNeed,
        ReferralResponse,
        ReferralState,
        SupervisionLevel,
        UserRole,
    )

    anon = Client(base_url=BASE)
    admin = AuthenticatedClient(
        base_url=BASE,
        token=create_token.sync(client=anon, body=TokenRequest(email=EMAIL, password=PASSWORD)).access_token,
    )
    u = f"{int(time.time()) % 1_000_000:06d}{random.randint(10, 99)}"
    office = create_organization.sync(
        client=admin,
        body=CreateOrganization(kind=OrganizationKind.JUDICIAL_OFFICE, name=f"Py 所 {u}", uscc=uscc(f"11141121{u[:7]}7"), township="孝义镇"),
    )
    agencies = [
        create_organization.sync(
            client=admin,
            body=CreateOrganization(
                kind=OrganizationKind.AGENCY, agency_type=AgencyType.CIVIL_AFFAIRS, name=f"Py 民政 {u}{n}", uscc=uscc(f"11141121{u[:7]}{n}")
            ),
        )
        for n in "89"
    ]
    pw = f"smoke-password-{u}"

    def user(role: UserRole, org, tag: str) -> AuthenticatedClient:
        mail = f"r-{tag}-{u}@py.huigui.cn"
        create_user.sync(client=admin, body=CreateUser(email=mail, display_name=tag, role=role, organization_id=org, password=pw))
        return AuthenticatedClient(base_url=BASE, token=create_token.sync(client=anon, body=TokenRequest(email=mail, password=pw)).access_token)

    staff = user(UserRole.OFFICE_STAFF, office.id, "staff")
    agency = user(UserRole.AGENCY_STAFF, agencies[0].id, "a")
    other = user(UserRole.AGENCY_STAFF, agencies[1].id, "b")
    person = create_participant.sync(
        client=staff,
        body=CreateParticipant(
            kind=ParticipantKind.CORRECTION_SUBJECT, name="赵铁柱", id_number=id_number(f"1423271975{random.randint(10, 12)}01{random.randint(100, 999)}"),
            correction_type=CorrectionType.PAROLE, supervision_level=SupervisionLevel.STRICT,
            correction_start=date(2026, 1, 1), correction_end=date(2027, 12, 31),
        ),
    )
    r = create_referral.sync(
        client=staff,
        body=CreateReferral(participant_id=person.id, need=ReferralNeed.EMPLOYMENT, agency_id=agencies[0].id, detail="求职帮扶",
                            respond_by=date.today() + timedelta(days=7)),
    )
    assert r.status == ReferralState.OPEN and "*" in r.participant.id_number_masked
    assert get_referral.sync_detailed(client=other, id=r.id).status_code == 404
    accepted = accept_referral.sync(client=agency, id=r.id, body=ReferralResponse())
    assert accepted.status == ReferralState.ACCEPTED

    for _ in range(2):
        create_discipline.sync(client=staff, id=person.id, body=CreateDiscipline(kind=DisciplineKind.REPRIMAND, reason="未按时报到", date=date.today() - timedelta(days=1)))
    history = list_discipline.sync(client=staff, id=person.id)
    assert len(history.items) == 2 and history.suggested_next == "warning"


def test_volunteer_certificate_and_compliance():
    from huigui_client.api.participants import create_participant, get_certificate
    from huigui_client.api.reports import get_compliance_stats
    from huigui_client.api.users import create_user
    from huigui_client.models import CreateParticipant, CreateUser, ParticipantKind, UserRole

    anon = Client(base_url=BASE)
    admin = AuthenticatedClient(
        base_url=BASE,
        token=create_token.sync(client=anon, body=TokenRequest(email=EMAIL, password=PASSWORD)).access_token,
    )
    u = f"{int(time.time()) % 1_000_000:06d}{random.randint(10, 99)}"
    ngo = create_organization.sync(client=admin, body=CreateOrganization(kind=OrganizationKind.NGO, name=f"Py 志愿 {u}", uscc=uscc(f"52141121{u[:7]}9")))
    mail = f"cert-{u}@py.huigui.cn"
    pw = f"smoke-password-{u}"
    create_user.sync(client=admin, body=CreateUser(email=mail, display_name="ngo", role=UserRole.NGO_STAFF, organization_id=ngo.id, password=pw))
    staff = AuthenticatedClient(base_url=BASE, token=create_token.sync(client=anon, body=TokenRequest(email=mail, password=pw)).access_token)
    vol = create_participant.sync(client=staff, body=CreateParticipant(kind=ParticipantKind.VOLUNTEER, name="志愿者小赵"))
    cert = get_certificate.sync(client=staff, id=vol.id)
    assert cert.participant_name == "志愿者小赵" and cert.total_hours == 0 and cert.number.startswith("VC-")
    stats = get_compliance_stats.sync(client=admin)
    assert stats.month and isinstance(stats.items, list)


def test_procuratorate_finding_is_answered_and_closed():
    from datetime import date, timedelta

    from huigui_client.api.collaboration import accept_finding, create_finding, get_finding, respond_finding
    from huigui_client.api.users import create_user
    from huigui_client.models import (
        CreateFinding,
        CreateUser,
        FindingResponse,
        FindingState,
        FindingSubject,
        FindingSubjectKind,
        UserRole,
    )

    anon = Client(base_url=BASE)
    admin = AuthenticatedClient(
        base_url=BASE,
        token=create_token.sync(client=anon, body=TokenRequest(email=EMAIL, password=PASSWORD)).access_token,
    )
    u = f"{int(time.time()) % 1_000_000:06d}{random.randint(10, 99)}"
    office = create_organization.sync(
        client=admin,
        body=CreateOrganization(kind=OrganizationKind.JUDICIAL_OFFICE, name=f"Py 检 所 {u}", uscc=uscc(f"11141121{u[:7]}5"), township="孝义镇"),
    )
    procuratorate = create_organization.sync(
        client=admin,
        body=CreateOrganization(kind=OrganizationKind.PROCURATORATE, name=f"Py 检察院 {u}", uscc=uscc(f"11141121{u[:7]}6")),
    )
    pw = f"smoke-password-{u}"

    def user(role: UserRole, org, tag: str) -> AuthenticatedClient:
        mail = f"f-{tag}-{u}@py.huigui.cn"
        create_user.sync(client=admin, body=CreateUser(email=mail, display_name=tag, role=role, organization_id=org, password=pw))
        return AuthenticatedClient(base_url=BASE, token=create_token.sync(client=anon, body=TokenRequest(email=mail, password=pw)).access_token)

    auditor = user(UserRole.AUDITOR, procuratorate.id, "auditor")
    staff = user(UserRole.OFFICE_STAFF, office.id, "staff")
    f = create_finding.sync(
        client=auditor,
        body=CreateFinding(
            organization_id=office.id,
            subject=FindingSubject(kind=FindingSubjectKind.NONE),
            description="报到记录不全",
            rectify_by=date.today() + timedelta(days=7),
        ),
    )
    assert f.status == FindingState.OPEN and f.overdue is False
    assert create_finding.sync_detailed(client=staff, body=CreateFinding(
        organization_id=office.id, subject=FindingSubject(kind=FindingSubjectKind.NONE), description="x",
        rectify_by=date.today() + timedelta(days=7))).status_code == 403
    answered = respond_finding.sync(client=staff, id=f.id, body=FindingResponse(rectification="已补录"))
    assert answered.status == FindingState.RESPONDED
    closed = accept_finding.sync(client=auditor, id=f.id)
    assert closed.status == FindingState.CLOSED
    assert get_finding.sync(client=staff, id=f.id).rectification == "已补录"


def test_office_meets_plans_notifies_and_exports():
    """An office convenes a township meeting with a task, plans a person's
    month (the plan's hours decide it), notifies the person's village
    committee (which acknowledges) and exports the month's records."""
    from datetime import date

    from huigui_client.api.collaboration import (
        acknowledge_assistance_notice,
        complete_task,
        create_assistance_notice,
        create_meeting,
        create_meeting_task,
        create_plan,
        export_records,
        list_plans,
        list_tasks,
    )
    from huigui_client.api.hours import get_participant_hours
    from huigui_client.api.participants import create_participant
    from huigui_client.api.users import create_user
    from huigui_client.models import (
        AgencyType,
        CompleteTask,
        CorrectionType,
        CreateAssistanceNotice,
        CreateMeeting,
        CreateParticipant,
        CreatePlan,
        CreateTask,
        CreateUser,
        MeetingLevel,
        MonthlyHours,
        NoticeState,
        ParticipantKind,
        SessionGoalBody,
        SessionType,
        SupervisionLevel,
        TaskState,
        UserRole,
    )

    anon = Client(base_url=BASE)
    admin = AuthenticatedClient(
        base_url=BASE,
        token=create_token.sync(client=anon, body=TokenRequest(email=EMAIL, password=PASSWORD)).access_token,
    )
    u = f"{int(time.time()) % 1_000_000:06d}{random.randint(10, 99)}"
    office = create_organization.sync(
        client=admin,
        body=CreateOrganization(kind=OrganizationKind.JUDICIAL_OFFICE, name=f"Py 协同所 {u}", uscc=uscc(f"11141121{u[:7]}7"), township="下曲镇"),
    )
    committee = create_organization.sync(
        client=admin,
        body=CreateOrganization(kind=OrganizationKind.AGENCY, agency_type=AgencyType.VILLAGE_COMMITTEE, name=f"Py 村委会 {u}", uscc=uscc(f"11141121{u[:7]}8")),
    )
    pw = f"smoke-password-{u}"

    def user(role: UserRole, org, tag: str) -> AuthenticatedClient:
        mail = f"c-{tag}-{u}@py.huigui.cn"
        create_user.sync(client=admin, body=CreateUser(email=mail, display_name=tag, role=role, organization_id=org, password=pw))
        return AuthenticatedClient(base_url=BASE, token=create_token.sync(client=anon, body=TokenRequest(email=mail, password=pw)).access_token)

    staff = user(UserRole.OFFICE_STAFF, office.id, "staff")
    village = user(UserRole.AGENCY_STAFF, committee.id, "cun")

    # A township meeting with the committee; its task, completed by the committee.
    today = date.today()
    meeting = create_meeting.sync(
        client=staff,
        body=CreateMeeting(level=MeetingLevel.TOWNSHIP, title="乡镇联席会议", held_on=today, organization_ids=[committee.id]),
    )
    task = create_meeting_task.sync(id=meeting.id, client=staff, body=CreateTask(owner_id=committee.id, description="走访家属", due_on=today))
    mine = list_tasks.sync(client=village)
    assert [t.id for t in mine.items] == [task.id]
    done = complete_task.sync(id=task.id, client=village, body=CompleteTask(result="已走访"))
    assert done.status == TaskState.DONE

    # A person of the village, with a plan that asks less than the ordinary level.
    person = create_participant.sync(
        client=staff,
        body=CreateParticipant(
            kind=ParticipantKind.CORRECTION_SUBJECT, name="钱大勇",
            id_number=id_number(f"1423271981{random.randint(10, 12)}02{random.randint(100, 999)}"),
            correction_type=CorrectionType.PROBATION, supervision_level=SupervisionLevel.ORDINARY,
            correction_start=date(today.year, 1, 1), correction_end=date(today.year + 1, 12, 31),
            village_committee_id=committee.id,
        ),
    )
    before = get_participant_hours.sync(id=person.id, client=staff)
    assert before.required.education == 8 and before.plan_version is UNSET
    first_day = date.fromisoformat(f"{before.month}-01")  # the server's current month
    plan = create_plan.sync(
        id=person.id,
        client=staff,
        body=CreatePlan(
            effective_from=first_day, reason="入矫评估", notes="仅司法所可见",
            monthly_hours=MonthlyHours(education=2, public_welfare=2),
            session_goals=[SessionGoalBody(type_=SessionType.INDIVIDUAL_COUNSELING, per_month=2)],
        ),
    )
    assert plan.version == 1 and plan.in_effect is True
    assert list_plans.sync(id=person.id, client=staff).items[0].notes == "仅司法所可见"
    after = get_participant_hours.sync(id=person.id, client=staff)
    assert after.required.education == 2 and after.plan_version == 1
    assert after.goals[0].per_month == 2 and after.goals[0].attended == 0

    # The committee is notified and acknowledges.
    notice = create_assistance_notice.sync(id=person.id, client=staff, body=CreateAssistanceNotice(duties="协助掌握日常表现"))
    assert notice.status == NoticeState.SENT and "-XZ-" in notice.number
    acked = acknowledge_assistance_notice.sync(id=notice.id, client=village)
    assert acked.status == NoticeState.ACKNOWLEDGED

    # The month's records of the office's people.
    records = export_records.sync(client=staff)
    assert [r.participant_id for r in records.items] == [person.id]
