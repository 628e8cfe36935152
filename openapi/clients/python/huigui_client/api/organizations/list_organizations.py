from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agency_type import AgencyType
from ...models.organization_kind import OrganizationKind
from ...models.page_organization import PageOrganization
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: OrganizationKind | Unset = UNSET,
    parent_id: UUID | Unset = UNSET,
    agency_type: AgencyType | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_parent_id: str | Unset = UNSET
    if not isinstance(parent_id, Unset):
        json_parent_id = str(parent_id)
    params["parent_id"] = json_parent_id

    json_agency_type: str | Unset = UNSET
    if not isinstance(agency_type, Unset):
        json_agency_type = agency_type.value

    params["agency_type"] = json_agency_type

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/organizations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageOrganization | Problem | None:
    if response.status_code == 200:
        response_200 = PageOrganization.from_dict(response.json())

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
) -> Response[PageOrganization | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: OrganizationKind | Unset = UNSET,
    parent_id: UUID | Unset = UNSET,
    agency_type: AgencyType | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageOrganization | Problem]:
    """List organisations

     NGOs see themselves, the bureau and the judicial offices; agencies see
    themselves; bureau staff, judicial offices and the auditor see all.

    Args:
        kind (OrganizationKind | Unset): Organisation kind.
        parent_id (UUID | Unset):
        agency_type (AgencyType | Unset): What kind of agency an agency organisation is: 乡镇综治办
            (`township`),
            民政 (`civil_affairs`), 公安 (`police`), 村（居）委会 (`village_committee`),
            法院 (`court`), 卫生健康 (`health`), 政法委 (`political_legal`).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageOrganization | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        parent_id=parent_id,
        agency_type=agency_type,
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
    kind: OrganizationKind | Unset = UNSET,
    parent_id: UUID | Unset = UNSET,
    agency_type: AgencyType | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageOrganization | Problem | None:
    """List organisations

     NGOs see themselves, the bureau and the judicial offices; agencies see
    themselves; bureau staff, judicial offices and the auditor see all.

    Args:
        kind (OrganizationKind | Unset): Organisation kind.
        parent_id (UUID | Unset):
        agency_type (AgencyType | Unset): What kind of agency an agency organisation is: 乡镇综治办
            (`township`),
            民政 (`civil_affairs`), 公安 (`police`), 村（居）委会 (`village_committee`),
            法院 (`court`), 卫生健康 (`health`), 政法委 (`political_legal`).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageOrganization | Problem
    """

    return sync_detailed(
        client=client,
        kind=kind,
        parent_id=parent_id,
        agency_type=agency_type,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: OrganizationKind | Unset = UNSET,
    parent_id: UUID | Unset = UNSET,
    agency_type: AgencyType | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PageOrganization | Problem]:
    """List organisations

     NGOs see themselves, the bureau and the judicial offices; agencies see
    themselves; bureau staff, judicial offices and the auditor see all.

    Args:
        kind (OrganizationKind | Unset): Organisation kind.
        parent_id (UUID | Unset):
        agency_type (AgencyType | Unset): What kind of agency an agency organisation is: 乡镇综治办
            (`township`),
            民政 (`civil_affairs`), 公安 (`police`), 村（居）委会 (`village_committee`),
            法院 (`court`), 卫生健康 (`health`), 政法委 (`political_legal`).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageOrganization | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        parent_id=parent_id,
        agency_type=agency_type,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: OrganizationKind | Unset = UNSET,
    parent_id: UUID | Unset = UNSET,
    agency_type: AgencyType | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PageOrganization | Problem | None:
    """List organisations

     NGOs see themselves, the bureau and the judicial offices; agencies see
    themselves; bureau staff, judicial offices and the auditor see all.

    Args:
        kind (OrganizationKind | Unset): Organisation kind.
        parent_id (UUID | Unset):
        agency_type (AgencyType | Unset): What kind of agency an agency organisation is: 乡镇综治办
            (`township`),
            民政 (`civil_affairs`), 公安 (`police`), 村（居）委会 (`village_committee`),
            法院 (`court`), 卫生健康 (`health`), 政法委 (`political_legal`).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageOrganization | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            parent_id=parent_id,
            agency_type=agency_type,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
