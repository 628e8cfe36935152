"""A thin hand-written layer over the generated ``huigui_client``.

It adds what every app writes by hand otherwise, and survives regeneration
(``openapi/generate.sh`` only replaces ``huigui_client``):

* :class:`Huigui` -- one client whose token is always current: user login with
  refresh-token rotation, partner-client login renewed by asking again, both
  renewed shortly before expiry, one renewal at a time;
* :class:`HuiguiError` and :func:`ok` -- a problem+json answer raised as an
  exception carrying its ``code``, ``detail`` and field errors;
* :func:`pages` -- every item of a cursor-paginated list;
* :func:`new_key` -- a fresh ``Idempotency-Key``.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import Any, Protocol, TypeVar, cast

import httpx

from huigui_client import AuthenticatedClient, Client
from huigui_client.api.auth import create_client_token, create_token, logout, refresh_token
from huigui_client.models import ClientTokenRequest, Problem, RefreshRequest, TokenRequest
from huigui_client.types import UNSET, Response, Unset

__all__ = ["Huigui", "HuiguiError", "new_key", "ok", "pages"]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class HuiguiError(Exception):
    """An error answer of the API (RFC 9457 problem+json)."""

    def __init__(self, status: int, problem: Problem | None, body: bytes = b"") -> None:
        self.status = status
        self.problem = problem
        self.code = problem.code if problem else "unexpected_response"
        self.detail = problem.detail if problem else body.decode("utf-8", "replace")[:200]
        #: Field-level errors of a 422, by field name.
        self.errors: dict[str, str] = {e.field: e.message for e in problem.errors} if problem else {}
        super().__init__(f"{status} {self.code}: {self.detail}")


def ok(response: Response[T | Problem]) -> T:
    """The parsed body of a 2xx ``*_detailed`` answer; otherwise raises :class:`HuiguiError`."""
    parsed = response.parsed
    if 200 <= int(response.status_code) < 300 and not isinstance(parsed, Problem):
        return cast(T, parsed)  # None only for bodiless (204) answers
    raise HuiguiError(int(response.status_code), parsed if isinstance(parsed, Problem) else None, response.content)


class _Page(Protocol[T_co]):
    @property
    def items(self) -> Sequence[T_co]: ...

    @property
    def next_cursor(self) -> None | str | Unset: ...


def pages(fetch: Callable[[str | Unset], _Page[T] | Problem | None]) -> Iterator[T]:
    """Every item of a list, page after page.

    ``fetch(cursor)`` gets one page, e.g.
    ``pages(lambda c: list_organizations.sync(client=hg.client, cursor=c))``.
    """
    cursor: str | Unset = UNSET
    while True:
        page = fetch(cursor)
        if page is None or isinstance(page, Problem):
            raise HuiguiError(page.status if page else 0, page)
        yield from page.items
        if not isinstance(page.next_cursor, str) or not page.next_cursor:
            return
        cursor = page.next_cursor


def new_key() -> str:
    """A fresh ``Idempotency-Key``: a random UUID."""
    return str(uuid.uuid4())


class _Bearer(httpx.Auth):
    """Sets the current access token on every request, renewing it first when due."""

    def __init__(self, owner: Huigui) -> None:
        self.owner = owner

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.owner.access_token()}"
        yield request


class Huigui:
    """One Huigui client that keeps its token current.

    ``hg.client`` is the generated ``AuthenticatedClient`` to pass to every
    operation; its token is read on each request, so a renewal never leaves
    an old token behind.
    """

    def __init__(self, base_url: str, *, renew_before: float = 30.0, timeout: float = 10.0) -> None:
        self._lock = threading.Lock()
        self._renew_before = renew_before
        self._access: str | None = None
        self._expires_at = 0.0
        self._refresh: str | None = None
        self._credentials: tuple[str, str] | None = None
        self._plain = Client(base_url=base_url, timeout=httpx.Timeout(timeout))
        self.client = AuthenticatedClient(
            base_url=base_url,
            token="",
            timeout=httpx.Timeout(timeout),
            httpx_args={"auth": _Bearer(self)},
        )

    def login(self, email: str, password: str) -> None:
        """Logs a user in (refresh-token rotation from then on)."""
        pair = ok(create_token.sync_detailed(client=self._plain, body=TokenRequest(email=email, password=password)))
        with self._lock:
            self._credentials = None
            self._keep(pair.access_token, pair.expires_in, pair.refresh_token)

    def login_client(self, client_id: str, client_secret: str) -> None:
        """Logs a partner app in with its client credentials (asked again before expiry)."""
        with self._lock:
            self._credentials = (client_id, client_secret)
            self._refresh = None
            self._client_token()

    def refresh(self) -> None:
        """Renews the token now (one renewal at a time across threads)."""
        with self._lock:
            self._renew()

    def access_token(self) -> str:
        """The current access token, renewed first when it is about to expire."""
        with self._lock:
            if self._access is None:
                raise RuntimeError("not logged in")
            if time.monotonic() >= self._expires_at - self._renew_before:
                self._renew()
            return self._access

    def logout(self) -> None:
        """Revokes a user's refresh token and forgets the tokens."""
        with self._lock:
            token, self._refresh, self._access, self._credentials = self._refresh, None, None, None
        if token:
            ok(logout.sync_detailed(client=self._plain, body=RefreshRequest(refresh_token=token)))

    def _renew(self) -> None:
        if self._credentials:
            self._client_token()
            return
        if not self._refresh:
            raise RuntimeError("not logged in")
        pair = ok(refresh_token.sync_detailed(client=self._plain, body=RefreshRequest(refresh_token=self._refresh)))
        self._keep(pair.access_token, pair.expires_in, pair.refresh_token)

    def _client_token(self) -> None:
        assert self._credentials is not None
        client_id, secret = self._credentials
        token = ok(
            create_client_token.sync_detailed(
                client=self._plain, body=ClientTokenRequest(client_id=client_id, client_secret=secret)
            )
        )
        self._keep(token.access_token, token.expires_in, None)

    def _keep(self, access: str, expires_in: int, refresh: str | None) -> None:
        self._access = access
        self._expires_at = time.monotonic() + expires_in
        self._refresh = refresh

    def __enter__(self) -> Huigui:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.client.get_httpx_client().close()
