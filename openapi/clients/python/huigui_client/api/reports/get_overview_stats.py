import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.format_ import Format
from ...models.overview_stats import OverviewStats
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    format_: Format | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/stats/overview",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OverviewStats | Problem | None:
    if response.status_code == 200:
        response_200 = OverviewStats.from_dict(response.json())

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
) -> Response[OverviewStats | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    format_: Format | Unset = UNSET,
) -> Response[OverviewStats | Problem]:
    """The bureau dashboard

     Contracts by status with KPI progress and payments, sessions by type,
    hours by category, outcomes by kind, over `[from, to]` (dates, both optional).

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        format_ (Format | Unset): `format=` of report-like GETs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OverviewStats | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    format_: Format | Unset = UNSET,
) -> OverviewStats | Problem | None:
    """The bureau dashboard

     Contracts by status with KPI progress and payments, sessions by type,
    hours by category, outcomes by kind, over `[from, to]` (dates, both optional).

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        format_ (Format | Unset): `format=` of report-like GETs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OverviewStats | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    format_: Format | Unset = UNSET,
) -> Response[OverviewStats | Problem]:
    """The bureau dashboard

     Contracts by status with KPI progress and payments, sessions by type,
    hours by category, outcomes by kind, over `[from, to]` (dates, both optional).

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        format_ (Format | Unset): `format=` of report-like GETs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OverviewStats | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    format_: Format | Unset = UNSET,
) -> OverviewStats | Problem | None:
    """The bureau dashboard

     Contracts by status with KPI progress and payments, sessions by type,
    hours by category, outcomes by kind, over `[from, to]` (dates, both optional).

    Args:
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        format_ (Format | Unset): `format=` of report-like GETs.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OverviewStats | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            format_=format_,
        )
    ).parsed
