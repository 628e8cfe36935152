from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_referral import PageReferral
from ...models.problem import Problem
from ...models.referral_state import ReferralState
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ReferralState | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    participant_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["overdue"] = overdue

    json_participant_id: str | Unset = UNSET
    if not isinstance(participant_id, Unset):
        json_participant_id = str(participant_id)
    params["participant_id"] = json_participant_id

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/referrals",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageReferral | Problem | None:
    if response.status_code == 200:
        response_200 = PageReferral.from_dict(response.json())

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
) -> Response[PageReferral | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ReferralState | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    participant_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageReferral | Problem]:
    """List referrals

     Offices see those they raised, agencies those addressed to them, the
    bureau and the auditor all; `overdue=true` keeps those past `respond_by`,
    `participant_id` one person's.

    Args:
        status (ReferralState | Unset):
        overdue (bool | Unset):
        participant_id (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReferral | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        overdue=overdue,
        participant_id=participant_id,
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
    status: ReferralState | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    participant_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageReferral | Problem | None:
    """List referrals

     Offices see those they raised, agencies those addressed to them, the
    bureau and the auditor all; `overdue=true` keeps those past `respond_by`,
    `participant_id` one person's.

    Args:
        status (ReferralState | Unset):
        overdue (bool | Unset):
        participant_id (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReferral | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        overdue=overdue,
        participant_id=participant_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ReferralState | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    participant_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageReferral | Problem]:
    """List referrals

     Offices see those they raised, agencies those addressed to them, the
    bureau and the auditor all; `overdue=true` keeps those past `respond_by`,
    `participant_id` one person's.

    Args:
        status (ReferralState | Unset):
        overdue (bool | Unset):
        participant_id (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageReferral | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        overdue=overdue,
        participant_id=participant_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ReferralState | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    participant_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageReferral | Problem | None:
    """List referrals

     Offices see those they raised, agencies those addressed to them, the
    bureau and the auditor all; `overdue=true` keeps those past `respond_by`,
    `participant_id` one person's.

    Args:
        status (ReferralState | Unset):
        overdue (bool | Unset):
        participant_id (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageReferral | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            overdue=overdue,
            participant_id=participant_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
