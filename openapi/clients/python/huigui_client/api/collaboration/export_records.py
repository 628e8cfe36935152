from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.csv_encoding import CsvEncoding
from ...models.format_ import Format
from ...models.problem import Problem
from ...models.records_export import RecordsExport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    month: str | Unset = UNSET,
    office_id: UUID | Unset = UNSET,
    format_: Format | Unset = UNSET,
    encoding: CsvEncoding | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["month"] = month

    json_office_id: str | Unset = UNSET
    if not isinstance(office_id, Unset):
        json_office_id = str(office_id)
    params["office_id"] = json_office_id

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_encoding: str | Unset = UNSET
    if not isinstance(encoding, Unset):
        json_encoding = encoding.value

    params["encoding"] = json_encoding

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/exports/records",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RecordsExport | None:
    if response.status_code == 200:
        response_200 = RecordsExport.from_dict(response.json())

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
) -> Response[Problem | RecordsExport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    month: str | Unset = UNSET,
    office_id: UUID | Unset = UNSET,
    format_: Format | Unset = UNSET,
    encoding: CsvEncoding | Unset = UNSET,
) -> Response[Problem | RecordsExport]:
    """Export a month's education and assistance records

     Per person under correction whose period overlaps the month: sessions
    attended by type, education and public-welfare hours, counseling
    sessions, discipline, referrals and their results. Offices export their
    own people (another office: 404), the bureau everyone or one office.
    The full ID number is in it: every export is audited.

    Args:
        month (str | Unset):
        office_id (UUID | Unset):
        format_ (Format | Unset): `format=` of report-like GETs.
        encoding (CsvEncoding | Unset): CSV encoding: `utf-8` (with a BOM, the default) or
            `gb18030`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecordsExport]
    """

    kwargs = _get_kwargs(
        month=month,
        office_id=office_id,
        format_=format_,
        encoding=encoding,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    month: str | Unset = UNSET,
    office_id: UUID | Unset = UNSET,
    format_: Format | Unset = UNSET,
    encoding: CsvEncoding | Unset = UNSET,
) -> Problem | RecordsExport | None:
    """Export a month's education and assistance records

     Per person under correction whose period overlaps the month: sessions
    attended by type, education and public-welfare hours, counseling
    sessions, discipline, referrals and their results. Offices export their
    own people (another office: 404), the bureau everyone or one office.
    The full ID number is in it: every export is audited.

    Args:
        month (str | Unset):
        office_id (UUID | Unset):
        format_ (Format | Unset): `format=` of report-like GETs.
        encoding (CsvEncoding | Unset): CSV encoding: `utf-8` (with a BOM, the default) or
            `gb18030`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecordsExport
    """

    return sync_detailed(
        client=client,
        month=month,
        office_id=office_id,
        format_=format_,
        encoding=encoding,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    month: str | Unset = UNSET,
    office_id: UUID | Unset = UNSET,
    format_: Format | Unset = UNSET,
    encoding: CsvEncoding | Unset = UNSET,
) -> Response[Problem | RecordsExport]:
    """Export a month's education and assistance records

     Per person under correction whose period overlaps the month: sessions
    attended by type, education and public-welfare hours, counseling
    sessions, discipline, referrals and their results. Offices export their
    own people (another office: 404), the bureau everyone or one office.
    The full ID number is in it: every export is audited.

    Args:
        month (str | Unset):
        office_id (UUID | Unset):
        format_ (Format | Unset): `format=` of report-like GETs.
        encoding (CsvEncoding | Unset): CSV encoding: `utf-8` (with a BOM, the default) or
            `gb18030`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RecordsExport]
    """

    kwargs = _get_kwargs(
        month=month,
        office_id=office_id,
        format_=format_,
        encoding=encoding,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    month: str | Unset = UNSET,
    office_id: UUID | Unset = UNSET,
    format_: Format | Unset = UNSET,
    encoding: CsvEncoding | Unset = UNSET,
) -> Problem | RecordsExport | None:
    """Export a month's education and assistance records

     Per person under correction whose period overlaps the month: sessions
    attended by type, education and public-welfare hours, counseling
    sessions, discipline, referrals and their results. Offices export their
    own people (another office: 404), the bureau everyone or one office.
    The full ID number is in it: every export is audited.

    Args:
        month (str | Unset):
        office_id (UUID | Unset):
        format_ (Format | Unset): `format=` of report-like GETs.
        encoding (CsvEncoding | Unset): CSV encoding: `utf-8` (with a BOM, the default) or
            `gb18030`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RecordsExport
    """

    return (
        await asyncio_detailed(
            client=client,
            month=month,
            office_id=office_id,
            format_=format_,
            encoding=encoding,
        )
    ).parsed
