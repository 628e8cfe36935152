"""Contains all the data models used in inputs/outputs"""

from .accept_report import AcceptReport
from .actor_type import ActorType
from .agency_type import AgencyType
from .agenda_item import AgendaItem
from .agenda_topic import AgendaTopic
from .alert import Alert
from .alert_kind import AlertKind
from .alert_note import AlertNote
from .alert_state import AlertState
from .amendment import Amendment
from .amendment_state import AmendmentState
from .api_client import ApiClient
from .api_client_created import ApiClientCreated
from .assistance_notice import AssistanceNotice
from .audit_checkpoint import AuditCheckpoint
from .audit_event import AuditEvent
from .audit_verification import AuditVerification
from .award_request import AwardRequest
from .award_result import AwardResult
from .bid import Bid
from .bid_state import BidState
from .certificate import Certificate
from .certificate_activity import CertificateActivity
from .change_password import ChangePassword
from .check_event import CheckEvent
from .check_event_recorded import CheckEventRecorded
from .check_kind import CheckKind
from .check_source import CheckSource
from .checkin_code import CheckinCode
from .checkpoint_check import CheckpointCheck
from .checkpoint_result import CheckpointResult
from .client_scope import ClientScope
from .client_token import ClientToken
from .client_token_request import ClientTokenRequest
from .complete_task import CompleteTask
from .compliance_stats import ComplianceStats
from .contract import Contract
from .contract_state import ContractState
from .correction_type import CorrectionType
from .create_agenda_item import CreateAgendaItem
from .create_alert import CreateAlert
from .create_amendment import CreateAmendment
from .create_api_client import CreateApiClient
from .create_assistance_notice import CreateAssistanceNotice
from .create_bid import CreateBid
from .create_contract import CreateContract
from .create_discipline import CreateDiscipline
from .create_enrollment import CreateEnrollment
from .create_evaluation import CreateEvaluation
from .create_finding import CreateFinding
from .create_hours_entry import CreateHoursEntry
from .create_meeting import CreateMeeting
from .create_milestone import CreateMilestone
from .create_organization import CreateOrganization
from .create_outcome import CreateOutcome
from .create_participant import CreateParticipant
from .create_plan import CreatePlan
from .create_procurement import CreateProcurement
from .create_referral import CreateReferral
from .create_report import CreateReport
from .create_session import CreateSession
from .create_task import CreateTask
from .create_user import CreateUser
from .criterion import Criterion
from .criterion_score import CriterionScore
from .csv_encoding import CsvEncoding
from .decision_note import DecisionNote
from .discipline_history import DisciplineHistory
from .discipline_kind import DisciplineKind
from .discipline_record import DisciplineRecord
from .earned_hours import EarnedHours
from .enrollment import Enrollment
from .enrollment_outcome import EnrollmentOutcome
from .entry_source import EntrySource
from .entry_status import EntryStatus
from .escalation import Escalation
from .evaluation import Evaluation
from .excuse import Excuse
from .field_error import FieldError
from .finding import Finding
from .finding_response import FindingResponse
from .finding_state import FindingState
from .finding_subject import FindingSubject
from .finding_subject_kind import FindingSubjectKind
from .format_ import Format
from .gender_code import GenderCode
from .goal_in_month import GoalInMonth
from .goal_state import GoalState
from .health_state import HealthState
from .hours_category import HoursCategory
from .hours_entry import HoursEntry
from .hours_status import HoursStatus
from .import_result import ImportResult
from .import_row import ImportRow
from .import_status import ImportStatus
from .item_person import ItemPerson
from .kpi_metric import KpiMetric
from .kpi_rating import KpiRating
from .kpi_target import KpiTarget
from .kpi_value import KpiValue
from .level_requirement import LevelRequirement
from .me import Me
from .meeting import Meeting
from .meeting_level import MeetingLevel
from .meeting_state import MeetingState
from .member_gender import MemberGender
from .milestone import Milestone
from .milestone_state import MilestoneState
from .month_closure import MonthClosure
from .month_hours import MonthHours
from .monthly_hours import MonthlyHours
from .notice_state import NoticeState
from .office_compliance import OfficeCompliance
from .organization import Organization
from .organization_kind import OrganizationKind
from .outcome import Outcome
from .outcome_kind import OutcomeKind
from .overview_contract import OverviewContract
from .overview_kpi import OverviewKpi
from .overview_stats import OverviewStats
from .overview_stats_contracts_by_status import OverviewStatsContractsByStatus
from .overview_stats_hours_by_category import OverviewStatsHoursByCategory
from .overview_stats_outcomes_by_kind import OverviewStatsOutcomesByKind
from .overview_stats_sessions_by_type import OverviewStatsSessionsByType
from .page_agenda_item import PageAgendaItem
from .page_alert import PageAlert
from .page_amendment import PageAmendment
from .page_api_client import PageApiClient
from .page_assistance_notice import PageAssistanceNotice
from .page_audit_checkpoint import PageAuditCheckpoint
from .page_audit_event import PageAuditEvent
from .page_bid import PageBid
from .page_contract import PageContract
from .page_enrollment import PageEnrollment
from .page_evaluation import PageEvaluation
from .page_finding import PageFinding
from .page_meeting import PageMeeting
from .page_milestone import PageMilestone
from .page_organization import PageOrganization
from .page_outcome import PageOutcome
from .page_participant import PageParticipant
from .page_participant_enrollment import PageParticipantEnrollment
from .page_plan import PagePlan
from .page_procurement import PageProcurement
from .page_referral import PageReferral
from .page_report import PageReport
from .page_session import PageSession
from .page_task import PageTask
from .page_user import PageUser
from .participant import Participant
from .participant_enrollment import ParticipantEnrollment
from .participant_kind import ParticipantKind
from .participant_state import ParticipantState
from .payment_rule_band import PaymentRuleBand
from .permission import Permission
from .person_record import PersonRecord
from .plan import Plan
from .plan_hours import PlanHours
from .planned_kpi import PlannedKpi
from .problem import Problem
from .procurement import Procurement
from .procurement_state import ProcurementState
from .put_requirement_policy import PutRequirementPolicy
from .put_team import PutTeam
from .rating import Rating
from .record_discipline import RecordDiscipline
from .record_referral import RecordReferral
from .record_session import RecordSession
from .records_export import RecordsExport
from .referral import Referral
from .referral_answer import ReferralAnswer
from .referral_need import ReferralNeed
from .referral_office import ReferralOffice
from .referral_person import ReferralPerson
from .referral_response import ReferralResponse
from .referral_state import ReferralState
from .refresh_request import RefreshRequest
from .reopen_finding import ReopenFinding
from .report import Report
from .report_metrics import ReportMetrics
from .report_metrics_outcomes import ReportMetricsOutcomes
from .report_state import ReportState
from .required_hours import RequiredHours
from .requirement_policy import RequirementPolicy
from .resolution import Resolution
from .return_report import ReturnReport
from .reverse_hours_entry import ReverseHoursEntry
from .score_sheet import ScoreSheet
from .session import Session
from .session_goal_body import SessionGoalBody
from .session_goal_view import SessionGoalView
from .session_state import SessionState
from .session_type import SessionType
from .status import Status
from .status_change import StatusChange
from .supervision_level import SupervisionLevel
from .sync_batch import SyncBatch
from .sync_event import SyncEvent
from .sync_result import SyncResult
from .sync_results import SyncResults
from .sync_status import SyncStatus
from .task import Task
from .task_state import TaskState
from .team import Team
from .team_member_body import TeamMemberBody
from .team_member_view import TeamMemberView
from .team_role import TeamRole
from .token_pair import TokenPair
from .token_request import TokenRequest
from .token_type import TokenType
from .transfer import Transfer
from .transfer_request import TransferRequest
from .transition_reason import TransitionReason
from .update_contract import UpdateContract
from .update_meeting import UpdateMeeting
from .update_organization import UpdateOrganization
from .update_participant import UpdateParticipant
from .update_procurement import UpdateProcurement
from .update_report import UpdateReport
from .update_session import UpdateSession
from .update_user import UpdateUser
from .user import User
from .user_role import UserRole

__all__ = (
    "AcceptReport",
    "ActorType",
    "AgencyType",
    "AgendaItem",
    "AgendaTopic",
    "Alert",
    "AlertKind",
    "AlertNote",
    "AlertState",
    "Amendment",
    "AmendmentState",
    "ApiClient",
    "ApiClientCreated",
    "AssistanceNotice",
    "AuditCheckpoint",
    "AuditEvent",
    "AuditVerification",
    "AwardRequest",
    "AwardResult",
    "Bid",
    "BidState",
    "Certificate",
    "CertificateActivity",
    "ChangePassword",
    "CheckEvent",
    "CheckEventRecorded",
    "CheckinCode",
    "CheckKind",
    "CheckpointCheck",
    "CheckpointResult",
    "CheckSource",
    "ClientScope",
    "ClientToken",
    "ClientTokenRequest",
    "CompleteTask",
    "ComplianceStats",
    "Contract",
    "ContractState",
    "CorrectionType",
    "CreateAgendaItem",
    "CreateAlert",
    "CreateAmendment",
    "CreateApiClient",
    "CreateAssistanceNotice",
    "CreateBid",
    "CreateContract",
    "CreateDiscipline",
    "CreateEnrollment",
    "CreateEvaluation",
    "CreateFinding",
    "CreateHoursEntry",
    "CreateMeeting",
    "CreateMilestone",
    "CreateOrganization",
    "CreateOutcome",
    "CreateParticipant",
    "CreatePlan",
    "CreateProcurement",
    "CreateReferral",
    "CreateReport",
    "CreateSession",
    "CreateTask",
    "CreateUser",
    "Criterion",
    "CriterionScore",
    "CsvEncoding",
    "DecisionNote",
    "DisciplineHistory",
    "DisciplineKind",
    "DisciplineRecord",
    "EarnedHours",
    "Enrollment",
    "EnrollmentOutcome",
    "EntrySource",
    "EntryStatus",
    "Escalation",
    "Evaluation",
    "Excuse",
    "FieldError",
    "Finding",
    "FindingResponse",
    "FindingState",
    "FindingSubject",
    "FindingSubjectKind",
    "Format",
    "GenderCode",
    "GoalInMonth",
    "GoalState",
    "HealthState",
    "HoursCategory",
    "HoursEntry",
    "HoursStatus",
    "ImportResult",
    "ImportRow",
    "ImportStatus",
    "ItemPerson",
    "KpiMetric",
    "KpiRating",
    "KpiTarget",
    "KpiValue",
    "LevelRequirement",
    "Me",
    "Meeting",
    "MeetingLevel",
    "MeetingState",
    "MemberGender",
    "Milestone",
    "MilestoneState",
    "MonthClosure",
    "MonthHours",
    "MonthlyHours",
    "NoticeState",
    "OfficeCompliance",
    "Organization",
    "OrganizationKind",
    "Outcome",
    "OutcomeKind",
    "OverviewContract",
    "OverviewKpi",
    "OverviewStats",
    "OverviewStatsContractsByStatus",
    "OverviewStatsHoursByCategory",
    "OverviewStatsOutcomesByKind",
    "OverviewStatsSessionsByType",
    "PageAgendaItem",
    "PageAlert",
    "PageAmendment",
    "PageApiClient",
    "PageAssistanceNotice",
    "PageAuditCheckpoint",
    "PageAuditEvent",
    "PageBid",
    "PageContract",
    "PageEnrollment",
    "PageEvaluation",
    "PageFinding",
    "PageMeeting",
    "PageMilestone",
    "PageOrganization",
    "PageOutcome",
    "PageParticipant",
    "PageParticipantEnrollment",
    "PagePlan",
    "PageProcurement",
    "PageReferral",
    "PageReport",
    "PageSession",
    "PageTask",
    "PageUser",
    "Participant",
    "ParticipantEnrollment",
    "ParticipantKind",
    "ParticipantState",
    "PaymentRuleBand",
    "Permission",
    "PersonRecord",
    "Plan",
    "PlanHours",
    "PlannedKpi",
    "Problem",
    "Procurement",
    "ProcurementState",
    "PutRequirementPolicy",
    "PutTeam",
    "Rating",
    "RecordDiscipline",
    "RecordReferral",
    "RecordSession",
    "RecordsExport",
    "Referral",
    "ReferralAnswer",
    "ReferralNeed",
    "ReferralOffice",
    "ReferralPerson",
    "ReferralResponse",
    "ReferralState",
    "RefreshRequest",
    "ReopenFinding",
    "Report",
    "ReportMetrics",
    "ReportMetricsOutcomes",
    "ReportState",
    "RequiredHours",
    "RequirementPolicy",
    "Resolution",
    "ReturnReport",
    "ReverseHoursEntry",
    "ScoreSheet",
    "Session",
    "SessionGoalBody",
    "SessionGoalView",
    "SessionState",
    "SessionType",
    "Status",
    "StatusChange",
    "SupervisionLevel",
    "SyncBatch",
    "SyncEvent",
    "SyncResult",
    "SyncResults",
    "SyncStatus",
    "Task",
    "TaskState",
    "Team",
    "TeamMemberBody",
    "TeamMemberView",
    "TeamRole",
    "TokenPair",
    "TokenRequest",
    "TokenType",
    "Transfer",
    "TransferRequest",
    "TransitionReason",
    "UpdateContract",
    "UpdateMeeting",
    "UpdateOrganization",
    "UpdateParticipant",
    "UpdateProcurement",
    "UpdateReport",
    "UpdateSession",
    "UpdateUser",
    "User",
    "UserRole",
)
