import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_session import PageSession
from ...models.problem import Problem
from ...models.session_state import SessionState
from ...models.session_type import SessionType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    contract_id: UUID | Unset = UNSET,
    type_: SessionType | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    status: SessionState | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_contract_id: str | Unset = UNSET
    if not isinstance(contract_id, Unset):
        json_contract_id = str(contract_id)
    params["contract_id"] = json_contract_id

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sessions",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageSession | Problem | None:
    if response.status_code == 200:
        response_200 = PageSession.from_dict(response.json())

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
) -> Response[PageSession | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    contract_id: UUID | Unset = UNSET,
    type_: SessionType | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    status: SessionState | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageSession | Problem]:
    """List sessions

     Filters `contract_id`, `type`, `from`, `to` (overlap), `status`. NGOs see their own.

    Args:
        contract_id (UUID | Unset):
        type_ (SessionType | Unset): Session types (also the service categories of procurements
            and contracts).
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        status (SessionState | Unset): A session's status.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSession | Problem]
    """

    kwargs = _get_kwargs(
        contract_id=contract_id,
        type_=type_,
        from_=from_,
        to=to,
        status=status,
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
    contract_id: UUID | Unset = UNSET,
    type_: SessionType | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    status: SessionState | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageSession | Problem | None:
    """List sessions

     Filters `contract_id`, `type`, `from`, `to` (overlap), `status`. NGOs see their own.

    Args:
        contract_id (UUID | Unset):
        type_ (SessionType | Unset): Session types (also the service categories of procurements
            and contracts).
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        status (SessionState | Unset): A session's status.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSession | Problem
    """

    return sync_detailed(
        client=client,
        contract_id=contract_id,
        type_=type_,
        from_=from_,
        to=to,
        status=status,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    contract_id: UUID | Unset = UNSET,
    type_: SessionType | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    status: SessionState | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageSession | Problem]:
    """List sessions

     Filters `contract_id`, `type`, `from`, `to` (overlap), `status`. NGOs see their own.

    Args:
        contract_id (UUID | Unset):
        type_ (SessionType | Unset): Session types (also the service categories of procurements
            and contracts).
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        status (SessionState | Unset): A session's status.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageSession | Problem]
    """

    kwargs = _get_kwargs(
        contract_id=contract_id,
        type_=type_,
        from_=from_,
        to=to,
        status=status,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    contract_id: UUID | Unset = UNSET,
    type_: SessionType | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    status: SessionState | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageSession | Problem | None:
    """List sessions

     Filters `contract_id`, `type`, `from`, `to` (overlap), `status`. NGOs see their own.

    Args:
        contract_id (UUID | Unset):
        type_ (SessionType | Unset): Session types (also the service categories of procurements
            and contracts).
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        status (SessionState | Unset): A session's status.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageSession | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            contract_id=contract_id,
            type_=type_,
            from_=from_,
            to=to,
            status=status,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
