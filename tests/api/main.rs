//! Black-box tests through the real router, each on its own database
//! (a fresh SQLite file, or a fresh PostgreSQL database when
//! `TEST_DATABASE_URL` points at a server).

mod alerts;
mod api_clients;
mod audit;
mod auth;
mod authz;
mod cli;
mod collaboration;
mod console;
mod contract;
mod durability;
mod errors;
mod exposure;
mod hardening;
mod helpers;
mod hours;
mod idempotency;
mod mail;
mod ops;
mod organizations;
mod participants;
mod procurement;
mod reports;
mod roster;
mod scale;
mod sessions;
mod users;
