//! Procurement to payment (政府购买服务): procurements, bids and their
//! scoring and award (`procurements`), and the contracts an award or a
//! direct purchase makes, with their KPIs, milestones, amendments and
//! evaluations (`contracts`). One group: awarding creates the contract.

/// Contracts, KPIs, milestones, amendments and evaluations.
pub mod contracts;
/// Procurements, bids, scores and the award.
pub mod procurements;
