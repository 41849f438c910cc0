//! `wijktafel overzicht [MAP…]` (issue 30): where every area stands, from
//! every session in the store and in the folders named. Read only: each
//! file through the guarded reader (`store::load`), no lock taken, nothing
//! written but the `-o` file. A file that cannot be read is listed with
//! its reason; it never stops the overview.

use super::args::OverviewArgs;
use super::failure::Failure;
use crate::catalog::gather;
use crate::export::overview::{OverviewFormat, render};
use crate::framework::carried::Given;
use crate::store;

/// `overzicht`: gather, select, write.
pub fn run(
    cli: &super::args::Cli,
    given: Option<&Given>,
    args: &OverviewArgs,
) -> Result<(), Failure> {
    let lang = cli.lang;
    let store = super::launch::open_store(cli)?;
    if args.format == OverviewFormat::Xlsx
        && args.output.is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        return Err(Failure::Usage(lang.overview().not_to_terminal.into()));
    }
    let mut dirs = vec![store.dir().to_path_buf()];
    dirs.extend(args.dirs.iter().cloned());
    let today = jiff::Zoned::now().date();
    let mut report = gather(&dirs, given, today, lang);
    if let Some(m) = &args.municipality {
        let all = crate::overview::municipalities(&report.overview.areas);
        report.overview = report.overview.select(m);
        if report.overview.areas.is_empty() && !all.is_empty() {
            // a misspelt name is said, not answered with an empty overview
            let text = crate::i18n::fill(
                lang.overview().no_such_municipality,
                &[&crate::safe_text::safe_line(m), &all.join(", ")],
            );
            return Err(Failure::Usage(text));
        }
    }
    let bytes = render(&report, args.format, lang)?;
    match &args.output {
        Some(out) => {
            store::write_export(out, &bytes)?;
            Ok(super::output::write_path_line(out)?)
        }
        None => Ok(super::output::write_stdout_bytes(&bytes)?),
    }
}
