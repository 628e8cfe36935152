//! Procurement and contracts: procurements, bids, scores, contracts,
//! amendments, evaluations, payment milestones.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Procurements {
    Table,
    Id,
    BureauId,
    Title,
    Description,
    Categories,
    BudgetFen,
    ServiceStart,
    ServiceEnd,
    BidDeadline,
    KpiTemplate,
    Criteria,
    Status,
    AwardedBidId,
    AwardReason,
    AwardedAt,
    ContractId,
    CreatedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Bids {
    Table,
    Id,
    ProcurementId,
    NgoId,
    PriceFen,
    Proposal,
    PlannedKpis,
    Status,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum BidScores {
    Table,
    Id,
    BidId,
    EvaluatorId,
    Scores,
    WeightedX100,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Contracts {
    Table,
    Id,
    BureauId,
    ContractNo,
    Year,
    Seq,
    Title,
    ProcurementId,
    BidId,
    NgoId,
    Categories,
    AmountFen,
    OriginalAmountFen,
    StartDate,
    EndDate,
    MultiYear,
    MultiYearReason,
    Kpis,
    PaymentRule,
    Status,
    AwardedAt,
    SignedAt,
    StatusReason,
    CreatedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Amendments {
    Table,
    Id,
    ContractId,
    Reason,
    AmountFen,
    EndDate,
    Kpis,
    Status,
    ProposedBy,
    DecidedBy,
    DecidedAt,
    DecisionNote,
    Before,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Evaluations {
    Table,
    Id,
    ContractId,
    PeriodStart,
    PeriodEnd,
    Score,
    KpiRatings,
    Comment,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Milestones {
    Table,
    Id,
    ContractId,
    Name,
    DueDate,
    AmountFen,
    MinScore,
    Status,
    EvaluationId,
    PayableFen,
    ApprovedAt,
    PaidAt,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Procurements::Table)
                .col(pk_uuid(Procurements::Id))
                .col(uuid(Procurements::BureauId))
                .col(string(Procurements::Title))
                .col(text(Procurements::Description))
                .col(text(Procurements::Categories))
                .col(big_integer(Procurements::BudgetFen))
                .col(date(Procurements::ServiceStart))
                .col(date(Procurements::ServiceEnd))
                .col(timestamp_with_time_zone(Procurements::BidDeadline))
                .col(text(Procurements::KpiTemplate))
                .col(text(Procurements::Criteria))
                .col(string(Procurements::Status))
                .col(uuid_null(Procurements::AwardedBidId))
                .col(string_null(Procurements::AwardReason))
                .col(timestamp_with_time_zone_null(Procurements::AwardedAt))
                .col(uuid_null(Procurements::ContractId))
                .col(uuid(Procurements::CreatedBy))
                .col(integer(Procurements::Version))
                .col(timestamp_with_time_zone(Procurements::CreatedAt))
                .col(timestamp_with_time_zone(Procurements::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Procurements::Table, Procurements::BureauId)
                        .to(Organizations::Table, Organizations::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Bids::Table)
                .col(pk_uuid(Bids::Id))
                .col(uuid(Bids::ProcurementId))
                .col(uuid(Bids::NgoId))
                .col(big_integer(Bids::PriceFen))
                .col(text(Bids::Proposal))
                .col(text(Bids::PlannedKpis))
                .col(string(Bids::Status))
                .col(uuid(Bids::CreatedBy))
                .col(timestamp_with_time_zone(Bids::CreatedAt))
                .col(timestamp_with_time_zone(Bids::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Bids::Table, Bids::ProcurementId)
                        .to(Procurements::Table, Procurements::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Bids::Table, Bids::NgoId)
                        .to(Organizations::Table, Organizations::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(BidScores::Table)
                .col(pk_uuid(BidScores::Id))
                .col(uuid(BidScores::BidId))
                .col(uuid(BidScores::EvaluatorId))
                .col(text(BidScores::Scores))
                .col(big_integer(BidScores::WeightedX100))
                .col(timestamp_with_time_zone(BidScores::CreatedAt))
                .col(timestamp_with_time_zone(BidScores::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(BidScores::Table, BidScores::BidId)
                        .to(Bids::Table, Bids::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(BidScores::Table, BidScores::EvaluatorId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Contracts::Table)
                .col(pk_uuid(Contracts::Id))
                .col(uuid(Contracts::BureauId))
                .col(string_uniq(Contracts::ContractNo))
                .col(integer(Contracts::Year))
                .col(big_integer(Contracts::Seq))
                .col(string(Contracts::Title))
                .col(uuid_null(Contracts::ProcurementId))
                .col(uuid_null(Contracts::BidId))
                .col(uuid(Contracts::NgoId))
                .col(text(Contracts::Categories))
                .col(big_integer(Contracts::AmountFen))
                .col(big_integer(Contracts::OriginalAmountFen))
                .col(date(Contracts::StartDate))
                .col(date(Contracts::EndDate))
                .col(boolean(Contracts::MultiYear))
                .col(string_null(Contracts::MultiYearReason))
                .col(text(Contracts::Kpis))
                .col(text(Contracts::PaymentRule))
                .col(string(Contracts::Status))
                .col(timestamp_with_time_zone_null(Contracts::AwardedAt))
                .col(timestamp_with_time_zone_null(Contracts::SignedAt))
                .col(string_null(Contracts::StatusReason))
                .col(uuid(Contracts::CreatedBy))
                .col(integer(Contracts::Version))
                .col(timestamp_with_time_zone(Contracts::CreatedAt))
                .col(timestamp_with_time_zone(Contracts::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Contracts::Table, Contracts::BureauId)
                        .to(Organizations::Table, Organizations::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Contracts::Table, Contracts::NgoId)
                        .to(Organizations::Table, Organizations::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Amendments::Table)
                .col(pk_uuid(Amendments::Id))
                .col(uuid(Amendments::ContractId))
                .col(string(Amendments::Reason))
                .col(big_integer_null(Amendments::AmountFen))
                .col(date_null(Amendments::EndDate))
                .col(text_null(Amendments::Kpis))
                .col(string(Amendments::Status))
                .col(uuid(Amendments::ProposedBy))
                .col(uuid_null(Amendments::DecidedBy))
                .col(timestamp_with_time_zone_null(Amendments::DecidedAt))
                .col(string_null(Amendments::DecisionNote))
                .col(text_null(Amendments::Before))
                .col(timestamp_with_time_zone(Amendments::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Amendments::Table, Amendments::ContractId)
                        .to(Contracts::Table, Contracts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Evaluations::Table)
                .col(pk_uuid(Evaluations::Id))
                .col(uuid(Evaluations::ContractId))
                .col(date(Evaluations::PeriodStart))
                .col(date(Evaluations::PeriodEnd))
                .col(integer(Evaluations::Score))
                .col(text(Evaluations::KpiRatings))
                .col(text(Evaluations::Comment))
                .col(uuid(Evaluations::CreatedBy))
                .col(timestamp_with_time_zone(Evaluations::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Evaluations::Table, Evaluations::ContractId)
                        .to(Contracts::Table, Contracts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Milestones::Table)
                .col(pk_uuid(Milestones::Id))
                .col(uuid(Milestones::ContractId))
                .col(string(Milestones::Name))
                .col(date(Milestones::DueDate))
                .col(big_integer(Milestones::AmountFen))
                .col(integer(Milestones::MinScore))
                .col(string(Milestones::Status))
                .col(uuid_null(Milestones::EvaluationId))
                .col(big_integer_null(Milestones::PayableFen))
                .col(timestamp_with_time_zone_null(Milestones::ApprovedAt))
                .col(timestamp_with_time_zone_null(Milestones::PaidAt))
                .col(timestamp_with_time_zone(Milestones::CreatedAt))
                .col(timestamp_with_time_zone(Milestones::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Milestones::Table, Milestones::ContractId)
                        .to(Contracts::Table, Contracts::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Milestones::Table, Milestones::EvaluationId)
                        .to(Evaluations::Table, Evaluations::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_procurements_status")
                .table(Procurements::Table)
                .col(Procurements::Status)
                .col(Procurements::Id)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_bids_procurement")
                .table(Bids::Table)
                .col(Bids::ProcurementId)
                .col(Bids::Id)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_bid_scores")
                .table(BidScores::Table)
                .col(BidScores::BidId)
                .col(BidScores::EvaluatorId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_contracts_ngo")
                .table(Contracts::Table)
                .col(Contracts::NgoId)
                .col(Contracts::Id)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_contracts_year_seq")
                .table(Contracts::Table)
                .col(Contracts::BureauId)
                .col(Contracts::Year)
                .col(Contracts::Seq)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_amendments_contract")
                .table(Amendments::Table)
                .col(Amendments::ContractId)
                .col(Amendments::Id)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_evaluations_contract")
                .table(Evaluations::Table)
                .col(Evaluations::ContractId)
                .col(Evaluations::Id)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_milestones_contract")
                .table(Milestones::Table)
                .col(Milestones::ContractId)
                .col(Milestones::Id)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Milestones::Table.into_iden(),
            Evaluations::Table.into_iden(),
            Amendments::Table.into_iden(),
            Contracts::Table.into_iden(),
            BidScores::Table.into_iden(),
            Bids::Table.into_iden(),
            Procurements::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
