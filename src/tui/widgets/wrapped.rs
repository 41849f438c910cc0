//! [`Wrapped`]: a paragraph whose text is wrapped by the program's one
//! wrap ([`crate::view::wrap::wrap_text`]) to the width it is drawn in, in
//! place of ratatui's own word wrapper, so what a screen measures (its
//! rows, where a scroll stops) is what it draws.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Text;
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::view::wrap::{wrap_line, wrap_text};

/// A wrapped paragraph: text, style, alignment, a block, a scroll offset.
#[derive(Clone)]
pub struct Wrapped<'a> {
    text: Text<'a>,
    style: Style,
    alignment: Option<Alignment>,
    block: Option<Block<'a>>,
    scroll: u16,
}

impl<'a> Wrapped<'a> {
    pub fn new(text: impl Into<Text<'a>>) -> Wrapped<'a> {
        Wrapped {
            text: text.into(),
            style: Style::default(),
            alignment: None,
            block: None,
            scroll: 0,
        }
    }

    pub fn style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    pub fn alignment(mut self, alignment: Alignment) -> Self {
        self.alignment = Some(alignment);
        self
    }

    pub fn block(mut self, block: Block<'a>) -> Self {
        self.block = Some(block);
        self
    }

    /// Rows scrolled past at the top.
    pub fn scroll(mut self, rows: u16) -> Self {
        self.scroll = rows;
        self
    }

    /// The rows the text takes in `width` columns (its block not counted).
    pub fn line_count(&self, width: u16) -> usize {
        wrap_text(self.text.clone(), width).lines.len()
    }
}

impl Widget for Wrapped<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let inner = self.block.as_ref().map_or(area, |b| b.inner(area));
        // only the rows that can show are wrapped: a frame costs what is
        // visible, not the length of the text (a point's notes over 100
        // workshops)
        let wanted = self.scroll as usize + inner.height as usize;
        let mut rows = Text::default().style(self.text.style);
        rows.alignment = self.text.alignment;
        for line in &self.text.lines {
            if rows.lines.len() >= wanted {
                break;
            }
            rows.lines.extend(wrap_line(line, inner.width as usize));
        }
        let mut p = Paragraph::new(rows)
            .style(self.style)
            .scroll((self.scroll, 0));
        if let Some(a) = self.alignment {
            p = p.alignment(a);
        }
        if let Some(b) = self.block {
            p = p.block(b);
        }
        p.render(area, buf);
    }
}
