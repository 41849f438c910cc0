//! `wijktafel framework`: the framework as a hand-out, a worksheet or JSON
//! (`framework switch` is in `framework_switch.rs`).

use crate::framework::Framework;

use super::args::{Cli, FrameworkFormat};
use super::failure::Failure;
use super::output::write_stdout;

/// `framework`: the framework as a hand-out or as JSON.
pub(super) fn run(cli: &Cli, fw: &Framework, format: FrameworkFormat) -> Result<(), Failure> {
    let text = match format {
        FrameworkFormat::Json => fw.to_json() + "\n",
        FrameworkFormat::Md => fw.to_markdown(cli.lang),
        FrameworkFormat::Html => crate::export::handout_html(fw, cli.lang),
    };
    Ok(write_stdout(&text)?)
}
