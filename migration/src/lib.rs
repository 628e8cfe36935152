//! Database migrations, applied at `serve` start and by `huigui migrate`.
//! One migration per change; a migration is never edited after it lands.

pub use sea_orm_migration::prelude::*;

mod m20261201_000001_foundation;
mod m20261201_000002_idempotency;
mod m20261202_000003_procurement;
mod m20261202_000004_participants;
mod m20261202_000005_sessions;
mod m20261202_000006_hours;
mod m20261202_000007_alerts;
mod m20261202_000008_reports;
mod m20261202_000009_rollups;
mod m20261202_000010_served_spans;
mod m20261203_000011_security;
mod m20261207_000012_agency_types_findings;
mod m20261207_000013_meetings;
mod m20261207_000014_assistance_notices;
mod m20261207_000015_correction_teams;
mod m20261207_000016_correction_plans;

/// Every migration in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261201_000001_foundation::Migration),
            Box::new(m20261201_000002_idempotency::Migration),
            Box::new(m20261202_000003_procurement::Migration),
            Box::new(m20261202_000004_participants::Migration),
            Box::new(m20261202_000005_sessions::Migration),
            Box::new(m20261202_000006_hours::Migration),
            Box::new(m20261202_000007_alerts::Migration),
            Box::new(m20261202_000008_reports::Migration),
            Box::new(m20261202_000009_rollups::Migration),
            Box::new(m20261202_000010_served_spans::Migration),
            Box::new(m20261203_000011_security::Migration),
            Box::new(m20261207_000012_agency_types_findings::Migration),
            Box::new(m20261207_000013_meetings::Migration),
            Box::new(m20261207_000014_assistance_notices::Migration),
            Box::new(m20261207_000015_correction_teams::Migration),
            Box::new(m20261207_000016_correction_plans::Migration),
        ]
    }
}
