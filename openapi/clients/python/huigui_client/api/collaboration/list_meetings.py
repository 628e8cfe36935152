from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.meeting_level import MeetingLevel
from ...models.meeting_state import MeetingState
from ...models.page_meeting import PageMeeting
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: MeetingState | Unset = UNSET,
    level: MeetingLevel | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_level: str | Unset = UNSET
    if not isinstance(level, Unset):
        json_level = level.value

    params["level"] = json_level

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/meetings",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageMeeting | Problem | None:
    if response.status_code == 200:
        response_200 = PageMeeting.from_dict(response.json())

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
) -> Response[PageMeeting | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: MeetingState | Unset = UNSET,
    level: MeetingLevel | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageMeeting | Problem]:
    """List joint meetings

     The bureau and the procuratorate see all; every other organisation
    the meetings it takes part in. Filters `status`, `level`.

    Args:
        status (MeetingState | Unset): A meeting's status: its minutes change until it is
            `closed`.
        level (MeetingLevel | Unset): A county "1+N" meeting (convened by the bureau) or a
            township meeting (by a judicial office).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageMeeting | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        level=level,
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
    status: MeetingState | Unset = UNSET,
    level: MeetingLevel | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageMeeting | Problem | None:
    """List joint meetings

     The bureau and the procuratorate see all; every other organisation
    the meetings it takes part in. Filters `status`, `level`.

    Args:
        status (MeetingState | Unset): A meeting's status: its minutes change until it is
            `closed`.
        level (MeetingLevel | Unset): A county "1+N" meeting (convened by the bureau) or a
            township meeting (by a judicial office).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageMeeting | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        level=level,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: MeetingState | Unset = UNSET,
    level: MeetingLevel | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageMeeting | Problem]:
    """List joint meetings

     The bureau and the procuratorate see all; every other organisation
    the meetings it takes part in. Filters `status`, `level`.

    Args:
        status (MeetingState | Unset): A meeting's status: its minutes change until it is
            `closed`.
        level (MeetingLevel | Unset): A county "1+N" meeting (convened by the bureau) or a
            township meeting (by a judicial office).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageMeeting | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        level=level,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: MeetingState | Unset = UNSET,
    level: MeetingLevel | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageMeeting | Problem | None:
    """List joint meetings

     The bureau and the procuratorate see all; every other organisation
    the meetings it takes part in. Filters `status`, `level`.

    Args:
        status (MeetingState | Unset): A meeting's status: its minutes change until it is
            `closed`.
        level (MeetingLevel | Unset): A county "1+N" meeting (convened by the bureau) or a
            township meeting (by a judicial office).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageMeeting | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            level=level,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
