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
