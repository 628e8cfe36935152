from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_verification import AuditVerification
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    checkpoint: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["checkpoint"] = checkpoint

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit-events/verify",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditVerification | Problem | None:
    if response.status_code == 200:
        response_200 = AuditVerification.from_dict(response.json())

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
) -> Response[AuditVerification | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    checkpoint: str | Unset = UNSET,
) -> Response[AuditVerification | Problem]:
    """Verify the audit chain

     Recomputes every hash in order and reports the first event whose
    content, link or position does not match; then compares the chain
    with a signed checkpoint — the `checkpoint` text an auditor kept (a
    forged or altered one is a 422), else the newest stored one — which
    reveals deleted newest events (`truncated`) and history rewritten with
    the chain recomputed (`rewritten`).

    Args:
        checkpoint (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditVerification | Problem]
    """

    kwargs = _get_kwargs(
        checkpoint=checkpoint,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    checkpoint: str | Unset = UNSET,
) -> AuditVerification | Problem | None:
    """Verify the audit chain

     Recomputes every hash in order and reports the first event whose
    content, link or position does not match; then compares the chain
    with a signed checkpoint — the `checkpoint` text an auditor kept (a
    forged or altered one is a 422), else the newest stored one — which
    reveals deleted newest events (`truncated`) and history rewritten with
    the chain recomputed (`rewritten`).

    Args:
        checkpoint (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditVerification | Problem
    """

    return sync_detailed(
        client=client,
        checkpoint=checkpoint,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    checkpoint: str | Unset = UNSET,
) -> Response[AuditVerification | Problem]:
    """Verify the audit chain

     Recomputes every hash in order and reports the first event whose
    content, link or position does not match; then compares the chain
    with a signed checkpoint — the `checkpoint` text an auditor kept (a
    forged or altered one is a 422), else the newest stored one — which
    reveals deleted newest events (`truncated`) and history rewritten with
    the chain recomputed (`rewritten`).

    Args:
        checkpoint (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditVerification | Problem]
    """

    kwargs = _get_kwargs(
        checkpoint=checkpoint,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    checkpoint: str | Unset = UNSET,
) -> AuditVerification | Problem | None:
    """Verify the audit chain

     Recomputes every hash in order and reports the first event whose
    content, link or position does not match; then compares the chain
    with a signed checkpoint — the `checkpoint` text an auditor kept (a
    forged or altered one is a 422), else the newest stored one — which
    reveals deleted newest events (`truncated`) and history rewritten with
    the chain recomputed (`rewritten`).

    Args:
        checkpoint (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditVerification | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            checkpoint=checkpoint,
        )
    ).parsed
