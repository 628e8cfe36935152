from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_audit_event import PageAuditEvent
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    action: str | Unset = UNSET,
    object_type: str | Unset = UNSET,
    object_id: str | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["action"] = action

    params["object_type"] = object_type

    params["object_id"] = object_id

    json_actor_id: str | Unset = UNSET
    if not isinstance(actor_id, Unset):
        json_actor_id = str(actor_id)
    params["actor_id"] = json_actor_id

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit-events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageAuditEvent | Problem | None:
    if response.status_code == 200:
        response_200 = PageAuditEvent.from_dict(response.json())

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
) -> Response[PageAuditEvent | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    action: str | Unset = UNSET,
    object_type: str | Unset = UNSET,
    object_id: str | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageAuditEvent | Problem]:
    """List audit events

     In chain order. Filters: `action`, `object_type`, `object_id`, `actor_id`.

    Args:
        action (str | Unset):
        object_type (str | Unset):
        object_id (str | Unset):
        actor_id (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEvent | Problem]
    """

    kwargs = _get_kwargs(
        action=action,
        object_type=object_type,
        object_id=object_id,
        actor_id=actor_id,
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
    action: str | Unset = UNSET,
    object_type: str | Unset = UNSET,
    object_id: str | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageAuditEvent | Problem | None:
    """List audit events

     In chain order. Filters: `action`, `object_type`, `object_id`, `actor_id`.

    Args:
        action (str | Unset):
        object_type (str | Unset):
        object_id (str | Unset):
        actor_id (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEvent | Problem
    """

    return sync_detailed(
        client=client,
        action=action,
        object_type=object_type,
        object_id=object_id,
        actor_id=actor_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    action: str | Unset = UNSET,
    object_type: str | Unset = UNSET,
    object_id: str | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageAuditEvent | Problem]:
    """List audit events

     In chain order. Filters: `action`, `object_type`, `object_id`, `actor_id`.

    Args:
        action (str | Unset):
        object_type (str | Unset):
        object_id (str | Unset):
        actor_id (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAuditEvent | Problem]
    """

    kwargs = _get_kwargs(
        action=action,
        object_type=object_type,
        object_id=object_id,
        actor_id=actor_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    action: str | Unset = UNSET,
    object_type: str | Unset = UNSET,
    object_id: str | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageAuditEvent | Problem | None:
    """List audit events

     In chain order. Filters: `action`, `object_type`, `object_id`, `actor_id`.

    Args:
        action (str | Unset):
        object_type (str | Unset):
        object_id (str | Unset):
        actor_id (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAuditEvent | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            action=action,
            object_type=object_type,
            object_id=object_id,
            actor_id=actor_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
