from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.hours_entry import HoursEntry
from ...models.problem import Problem
from ...models.reverse_hours_entry import ReverseHoursEntry
from ...types import UNSET, Response, Unset


def _get_kwargs(
    entry_id: UUID,
    *,
    body: ReverseHoursEntry,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/hours/{entry_id}/reverse".format(
            entry_id=quote(str(entry_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> HoursEntry | Problem | None:
    if response.status_code == 201:
        response_201 = HoursEntry.from_dict(response.json())

        return response_201

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[HoursEntry | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    entry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReverseHoursEntry,
    idempotency_key: str | Unset = UNSET,
) -> Response[HoursEntry | Problem]:
    """Reverse an entry

     Appends an entry that cancels what the original counted (0 hours for a
    manual entry that was never approved: it is then `rejected`). The
    reversal counts in the original's month, also when that month is closed.

    Args:
        entry_id (UUID):
        idempotency_key (str | Unset):
        body (ReverseHoursEntry): Why an entry is reversed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HoursEntry | Problem]
    """

    kwargs = _get_kwargs(
        entry_id=entry_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    entry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReverseHoursEntry,
    idempotency_key: str | Unset = UNSET,
) -> HoursEntry | Problem | None:
    """Reverse an entry

     Appends an entry that cancels what the original counted (0 hours for a
    manual entry that was never approved: it is then `rejected`). The
    reversal counts in the original's month, also when that month is closed.

    Args:
        entry_id (UUID):
        idempotency_key (str | Unset):
        body (ReverseHoursEntry): Why an entry is reversed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HoursEntry | Problem
    """

    return sync_detailed(
        entry_id=entry_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    entry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReverseHoursEntry,
    idempotency_key: str | Unset = UNSET,
) -> Response[HoursEntry | Problem]:
    """Reverse an entry

     Appends an entry that cancels what the original counted (0 hours for a
    manual entry that was never approved: it is then `rejected`). The
    reversal counts in the original's month, also when that month is closed.

    Args:
        entry_id (UUID):
        idempotency_key (str | Unset):
        body (ReverseHoursEntry): Why an entry is reversed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HoursEntry | Problem]
    """

    kwargs = _get_kwargs(
        entry_id=entry_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    entry_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReverseHoursEntry,
    idempotency_key: str | Unset = UNSET,
) -> HoursEntry | Problem | None:
    """Reverse an entry

     Appends an entry that cancels what the original counted (0 hours for a
    manual entry that was never approved: it is then `rejected`). The
    reversal counts in the original's month, also when that month is closed.

    Args:
        entry_id (UUID):
        idempotency_key (str | Unset):
        body (ReverseHoursEntry): Why an entry is reversed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HoursEntry | Problem
    """

    return (
        await asyncio_detailed(
            entry_id=entry_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
