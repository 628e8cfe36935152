from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_result import ImportResult
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: File,
    dry_run: bool | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/participants/import",
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "text/csv"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportResult | Problem | None:
    if response.status_code == 200:
        response_200 = ImportResult.from_dict(response.json())

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
) -> Response[ImportResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    dry_run: bool | Unset = UNSET,
) -> Response[ImportResult | Problem]:
    """Import a roster (CSV)

     Office staff, for their own office. Columns (API names or Chinese
    labels): `name` 姓名, `id_number` 身份证号, `phone` 联系电话,
    `correction_type` 矫正类别 (管制/缓刑/假释/暂予监外执行 or the codes),
    `supervision_level` 管理类别 (严管/普管/宽管 or the codes),
    `correction_start` 矫正起始日, `correction_end` 矫正终止日, `skills` 特长
    (separated by `、` or `;`), `village_committee` 村(居)委会 (the name of an
    agency of type `village_committee`). Each row is checked like a single
    registration: `created`; `updated` when the ID number is already active
    in this office (level, period and phone refreshed); or `rejected` with
    its errors. Up to 5,000 rows, one transaction; `dry_run=true` writes nothing.

    Args:
        dry_run (bool | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: File,
    dry_run: bool | Unset = UNSET,
) -> ImportResult | Problem | None:
    """Import a roster (CSV)

     Office staff, for their own office. Columns (API names or Chinese
    labels): `name` 姓名, `id_number` 身份证号, `phone` 联系电话,
    `correction_type` 矫正类别 (管制/缓刑/假释/暂予监外执行 or the codes),
    `supervision_level` 管理类别 (严管/普管/宽管 or the codes),
    `correction_start` 矫正起始日, `correction_end` 矫正终止日, `skills` 特长
    (separated by `、` or `;`), `village_committee` 村(居)委会 (the name of an
    agency of type `village_committee`). Each row is checked like a single
    registration: `created`; `updated` when the ID number is already active
    in this office (level, period and phone refreshed); or `rejected` with
    its errors. Up to 5,000 rows, one transaction; `dry_run=true` writes nothing.

    Args:
        dry_run (bool | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        dry_run=dry_run,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    dry_run: bool | Unset = UNSET,
) -> Response[ImportResult | Problem]:
    """Import a roster (CSV)

     Office staff, for their own office. Columns (API names or Chinese
    labels): `name` 姓名, `id_number` 身份证号, `phone` 联系电话,
    `correction_type` 矫正类别 (管制/缓刑/假释/暂予监外执行 or the codes),
    `supervision_level` 管理类别 (严管/普管/宽管 or the codes),
    `correction_start` 矫正起始日, `correction_end` 矫正终止日, `skills` 特长
    (separated by `、` or `;`), `village_committee` 村(居)委会 (the name of an
    agency of type `village_committee`). Each row is checked like a single
    registration: `created`; `updated` when the ID number is already active
    in this office (level, period and phone refreshed); or `rejected` with
    its errors. Up to 5,000 rows, one transaction; `dry_run=true` writes nothing.

    Args:
        dry_run (bool | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: File,
    dry_run: bool | Unset = UNSET,
) -> ImportResult | Problem | None:
    """Import a roster (CSV)

     Office staff, for their own office. Columns (API names or Chinese
    labels): `name` 姓名, `id_number` 身份证号, `phone` 联系电话,
    `correction_type` 矫正类别 (管制/缓刑/假释/暂予监外执行 or the codes),
    `supervision_level` 管理类别 (严管/普管/宽管 or the codes),
    `correction_start` 矫正起始日, `correction_end` 矫正终止日, `skills` 特长
    (separated by `、` or `;`), `village_committee` 村(居)委会 (the name of an
    agency of type `village_committee`). Each row is checked like a single
    registration: `created`; `updated` when the ID number is already active
    in this office (level, period and phone refreshed); or `rejected` with
    its errors. Up to 5,000 rows, one transaction; `dry_run=true` writes nothing.

    Args:
        dry_run (bool | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            dry_run=dry_run,
        )
    ).parsed
