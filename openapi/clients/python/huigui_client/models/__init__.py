""" Contains all the data models used in inputs/outputs """

from .api_client import ApiClient
from .api_client_created import ApiClientCreated
from .audit_event import AuditEvent
from .audit_verification import AuditVerification
from .change_password import ChangePassword
from .client_scope import ClientScope
from .client_token import ClientToken
from .client_token_request import ClientTokenRequest
from .create_api_client import CreateApiClient
from .create_organization import CreateOrganization
from .create_user import CreateUser
from .field_error import FieldError
from .me import Me
from .organization import Organization
from .organization_kind import OrganizationKind
from .page_api_client import PageApiClient
from .page_audit_event import PageAuditEvent
from .page_organization import PageOrganization
from .page_user import PageUser
from .problem import Problem
from .refresh_request import RefreshRequest
from .status import Status
from .token_pair import TokenPair
from .token_request import TokenRequest
from .update_organization import UpdateOrganization
from .update_user import UpdateUser
from .user import User
from .user_role import UserRole

__all__ = (
    "ApiClient",
    "ApiClientCreated",
    "AuditEvent",
    "AuditVerification",
    "ChangePassword",
    "ClientScope",
    "ClientToken",
    "ClientTokenRequest",
    "CreateApiClient",
    "CreateOrganization",
    "CreateUser",
    "FieldError",
    "Me",
    "Organization",
    "OrganizationKind",
    "PageApiClient",
    "PageAuditEvent",
    "PageOrganization",
    "PageUser",
    "Problem",
    "RefreshRequest",
    "Status",
    "TokenPair",
    "TokenRequest",
    "UpdateOrganization",
    "UpdateUser",
    "User",
    "UserRole",
)
