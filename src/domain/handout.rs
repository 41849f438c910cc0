//! The framework as a printable handout for the participants (Markdown).

use crate::framework::Framework;
use crate::i18n::Lang;

impl Framework {
    /// A printable Markdown handout. The framework's text is taken as written
    /// (it may use Markdown), but control characters become spaces and bidi
    /// controls character references, so the handout is inert on a terminal.
    pub fn to_markdown(&self, lang: Lang) -> String {
        crate::safe_text::markdown_inert(&self.markdown_raw(lang)).into_owned()
    }

    fn markdown_raw(&self, lang: Lang) -> String {
        let s = lang.strings();
        let mut out = String::new();
        out.push_str(&format!("# {}\n\n", self.title));
        out.push_str(&format!("_{}: {}_\n\n", s.source, self.source));
        out.push_str(&format!("## {}\n\n", s.guidance));
        out.push_str(&quoted(&self.guidance));
        for b in &self.blocks {
            out.push_str(&format!("## {} {}. {}\n\n", s.block, b.id, b.title));
            out.push_str(&format!("{}\n\n", b.intro));
            out.push_str(&format!("**{}**\n\n", s.guidance));
            out.push_str(&quoted(&b.guidance));
            if !b.activities.is_empty() {
                out.push_str(&format!(
                    "**{}:** {}\n\n",
                    s.activities,
                    b.activities.join(" · ")
                ));
            }
            for st in &b.steps {
                out.push_str(&format!("### {} {} {}\n\n", s.step, st.id, st.title));
                out.push_str(&format!("> {}\n\n", st.consideration));
                if !st.refs.is_empty() {
                    let names: Vec<String> = st
                        .refs
                        .iter()
                        .filter_map(|r| self.reference(r))
                        .map(|r| self.reference_name(r, lang))
                        .collect();
                    out.push_str(&format!("_{}: {}_\n\n", s.see_also, names.join("; ")));
                }
                for (i, p) in st.points.iter().enumerate() {
                    out.push_str(&format!("{}. ☐ {} _({})_\n", i + 1, p.text, p.id));
                }
                out.push('\n');
                if let Some(q) = st.question.as_ref().filter(|_| st.decision) {
                    out.push_str(&format!("**{q}**\n\n"));
                }
                if st.decision && !st.routes.is_empty() {
                    out.push_str(&format!("**{}:**\n\n", s.no_go_routes));
                    for r in &st.routes {
                        out.push_str(&format!("- ☐ {}\n", r.text));
                    }
                    out.push('\n');
                    if let Some(q) = &st.pulse {
                        out.push_str(&format!("_{q}_\n\n"));
                    }
                }
            }
        }
        // a framework without principles or success factors gets no
        // empty heading for them
        for (head, list) in [
            (s.principles, &self.principles),
            (s.success_factors, &self.success_factors),
        ] {
            if list.is_empty() {
                continue;
            }
            out.push_str(&format!("## {head}\n\n"));
            for r in list {
                out.push_str(&format!("- **{} {}** — {}\n", r.id, r.title, r.summary));
            }
            out.push('\n');
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }
}

/// Text as a Markdown block quote, paragraph by paragraph, and a blank line.
fn quoted(text: &str) -> String {
    let paras: Vec<String> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("> {}", p.replace('\n', " ")))
        .collect();
    format!("{}\n\n", paras.join("\n>\n"))
}
