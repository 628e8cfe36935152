from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.hours_status import HoursStatus
from ...models.page_participant import PageParticipant
from ...models.participant_kind import ParticipantKind
from ...models.participant_state import ParticipantState
from ...models.problem import Problem
from ...models.supervision_level import SupervisionLevel
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: ParticipantKind | Unset = UNSET,
    status: ParticipantState | Unset = UNSET,
    judicial_office_id: UUID | Unset = UNSET,
    supervision_level: SupervisionLevel | Unset = UNSET,
    q: str | Unset = UNSET,
    month: str | Unset = UNSET,
    month_status: HoursStatus | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_judicial_office_id: str | Unset = UNSET
    if not isinstance(judicial_office_id, Unset):
        json_judicial_office_id = str(judicial_office_id)
    params["judicial_office_id"] = json_judicial_office_id

    json_supervision_level: str | Unset = UNSET
    if not isinstance(supervision_level, Unset):
        json_supervision_level = supervision_level.value

    params["supervision_level"] = json_supervision_level

    params["q"] = q

    params["month"] = month

    json_month_status: str | Unset = UNSET
    if not isinstance(month_status, Unset):
        json_month_status = month_status.value

    params["month_status"] = json_month_status

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/participants",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageParticipant | Problem | None:
    if response.status_code == 200:
        response_200 = PageParticipant.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageParticipant | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: ParticipantKind | Unset = UNSET,
    status: ParticipantState | Unset = UNSET,
    judicial_office_id: UUID | Unset = UNSET,
    supervision_level: SupervisionLevel | Unset = UNSET,
    q: str | Unset = UNSET,
    month: str | Unset = UNSET,
    month_status: HoursStatus | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageParticipant | Problem]:
    """List participants

     Offices see their own people, NGOs their volunteers, the bureau and the auditor everyone.
    `q` matches part of the code, or of the name where the caller sees names (never a
    minor's name outside the bureau and the owner). `month_status` keeps persons under
    correction whose `month` (default: this month) has that hours status, as
    `GET /participants/{id}/hours` would report it.

    Args:
        kind (ParticipantKind | Unset):
        status (ParticipantState | Unset): A participant's status.
        judicial_office_id (UUID | Unset):
        supervision_level (SupervisionLevel | Unset): 严管 strict, 普管 ordinary, 宽管 lenient.
        q (str | Unset):
        month (str | Unset):
        month_status (HoursStatus | Unset): A month's status.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageParticipant | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        status=status,
        judicial_office_id=judicial_office_id,
        supervision_level=supervision_level,
        q=q,
        month=month,
        month_status=month_status,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    kind: ParticipantKind | Unset = UNSET,
    status: ParticipantState | Unset = UNSET,
    judicial_office_id: UUID | Unset = UNSET,
    supervision_level: SupervisionLevel | Unset = UNSET,
    q: str | Unset = UNSET,
    month: str | Unset = UNSET,
    month_status: HoursStatus | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageParticipant | Problem | None:
    """List participants

     Offices see their own people, NGOs their volunteers, the bureau and the auditor everyone.
    `q` matches part of the code, or of the name where the caller sees names (never a
    minor's name outside the bureau and the owner). `month_status` keeps persons under
    correction whose `month` (default: this month) has that hours status, as
    `GET /participants/{id}/hours` would report it.

    Args:
        kind (ParticipantKind | Unset):
        status (ParticipantState | Unset): A participant's status.
        judicial_office_id (UUID | Unset):
        supervision_level (SupervisionLevel | Unset): 严管 strict, 普管 ordinary, 宽管 lenient.
        q (str | Unset):
        month (str | Unset):
        month_status (HoursStatus | Unset): A month's status.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageParticipant | Problem
    """

    return sync_detailed(
        client=client,
        kind=kind,
        status=status,
        judicial_office_id=judicial_office_id,
        supervision_level=supervision_level,
        q=q,
        month=month,
        month_status=month_status,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: ParticipantKind | Unset = UNSET,
    status: ParticipantState | Unset = UNSET,
    judicial_office_id: UUID | Unset = UNSET,
    supervision_level: SupervisionLevel | Unset = UNSET,
    q: str | Unset = UNSET,
    month: str | Unset = UNSET,
    month_status: HoursStatus | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageParticipant | Problem]:
    """List participants

     Offices see their own people, NGOs their volunteers, the bureau and the auditor everyone.
    `q` matches part of the code, or of the name where the caller sees names (never a
    minor's name outside the bureau and the owner). `month_status` keeps persons under
    correction whose `month` (default: this month) has that hours status, as
    `GET /participants/{id}/hours` would report it.

    Args:
        kind (ParticipantKind | Unset):
        status (ParticipantState | Unset): A participant's status.
        judicial_office_id (UUID | Unset):
        supervision_level (SupervisionLevel | Unset): 严管 strict, 普管 ordinary, 宽管 lenient.
        q (str | Unset):
        month (str | Unset):
        month_status (HoursStatus | Unset): A month's status.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageParticipant | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        status=status,
        judicial_office_id=judicial_office_id,
        supervision_level=supervision_level,
        q=q,
        month=month,
        month_status=month_status,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: ParticipantKind | Unset = UNSET,
    status: ParticipantState | Unset = UNSET,
    judicial_office_id: UUID | Unset = UNSET,
    supervision_level: SupervisionLevel | Unset = UNSET,
    q: str | Unset = UNSET,
    month: str | Unset = UNSET,
    month_status: HoursStatus | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageParticipant | Problem | None:
    """List participants

     Offices see their own people, NGOs their volunteers, the bureau and the auditor everyone.
    `q` matches part of the code, or of the name where the caller sees names (never a
    minor's name outside the bureau and the owner). `month_status` keeps persons under
    correction whose `month` (default: this month) has that hours status, as
    `GET /participants/{id}/hours` would report it.

    Args:
        kind (ParticipantKind | Unset):
        status (ParticipantState | Unset): A participant's status.
        judicial_office_id (UUID | Unset):
        supervision_level (SupervisionLevel | Unset): 严管 strict, 普管 ordinary, 宽管 lenient.
        q (str | Unset):
        month (str | Unset):
        month_status (HoursStatus | Unset): A month's status.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageParticipant | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            status=status,
            judicial_office_id=judicial_office_id,
            supervision_level=supervision_level,
            q=q,
            month=month,
            month_status=month_status,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
