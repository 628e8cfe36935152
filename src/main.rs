//! `huigui` command line: thin; everything happens in the library.

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use huigui::{cli, config::Settings, startup};

/// mimalloc instead of glibc's allocator: a request allocates and frees many
/// small buffers on two threads at once, where glibc's arenas spent a tenth
/// of the check-in path's CPU (measured with `perf`, issue 21).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "huigui",
    version,
    about = "Community-corrections services backend"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP server (the default).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Print the OpenAPI spec, or write it to a file.
    Openapi {
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Administrative tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Exports for other systems.
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// Load the demo data set (refuses in production).
    Demo {
        /// Also generate a county at scale N: N × 100 persons under correction,
        /// N × 10,000 attendance rows over a year (N = 100: 10,000 people, 1,000,000 rows).
        #[arg(long)]
        scale: Option<u32>,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// A month's education and assistance records per person (CSV with the
    /// roster import's Chinese headers, or JSON when --out ends in .json).
    Records {
        /// YYYY-MM
        #[arg(long)]
        month: String,
        /// One judicial office (default: every office).
        #[arg(long)]
        office: Option<uuid::Uuid>,
        /// utf-8 (with BOM, the default) or gb18030.
        #[arg(long, default_value = "utf-8")]
        encoding: String,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a user in an existing organisation.
    CreateUser {
        #[arg(long)]
        email: String,
        /// admin, officer, office_staff, ngo_admin, ngo_staff, agency_staff, auditor
        #[arg(long)]
        role: String,
        #[arg(long)]
        organization_id: uuid::Uuid,
        #[arg(long)]
        display_name: Option<String>,
        /// Read from HUIGUI_NEW_USER_PASSWORD when not given; generated when neither is.
        #[arg(long, env = "HUIGUI_NEW_USER_PASSWORD", hide_env_values = true)]
        password: Option<String>,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Some(Command::Openapi { out }) = &cli.command {
        let spec = startup::spec_json();
        match out {
            Some(path) => std::fs::write(path, spec)?,
            None => print!("{spec}"),
        }
        return Ok(());
    }
    let settings = Settings::load()?;
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_new(&settings.log)
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        match cli.command.unwrap_or(Command::Serve) {
            Command::Serve => {
                let app = startup::Application::build(settings).await?;
                if let Some(addr) = app.local_addr() {
                    tracing::info!(%addr, "listening; Swagger UI at /docs");
                    println!("Huigui listening on http://{addr} (Swagger UI: /docs)");
                }
                app.run().await
            }
            Command::Migrate => {
                let db = huigui::store::Db::connect(&settings).await?;
                db.migrate().await?;
                huigui::store::rollups::ensure(&db, settings.tz()).await?;
                println!("migrations applied");
                Ok(())
            }
            Command::Demo { scale } => {
                cli::demo(settings.clone()).await?;
                match scale {
                    Some(n) => cli::scale(settings, n).await,
                    None => Ok(()),
                }
            }
            Command::Admin {
                command:
                    AdminCommand::CreateUser {
                        email,
                        role,
                        organization_id,
                        display_name,
                        password,
                    },
            } => {
                cli::create_user(
                    settings,
                    cli::CreateUserArgs {
                        email,
                        role,
                        organization_id,
                        display_name,
                        password,
                    },
                )
                .await
            }
            Command::Export {
                command:
                    ExportCommand::Records {
                        month,
                        office,
                        encoding,
                        out,
                    },
            } => cli::export_records(settings, &month, office, &encoding, &out).await,
            Command::Openapi { .. } => Ok(()),
        }
    })
}
