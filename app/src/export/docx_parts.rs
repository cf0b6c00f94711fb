//! What the DOCX writer needs beyond docx-rs: headings collected for the
//! table of contents, text runs with their line breaks, and what docx-rs
//! cannot write as Word and LibreOffice both read it: repeating table header
//! rows, and a contents field (docx-rs nests it in two content controls,
//! which LibreOffice shows as the field's code).

use docx_rs::{BreakType, Paragraph, Run, Table, XMLDocx};

/// The body, built before the contents that list its headings.
// A document holds a few hundred parts, built once per download: their
// sizes do not matter, boxing them would only add noise.
#[allow(clippy::large_enum_variant)]
pub enum Part {
    P(Paragraph),
    T(Table),
}

/// The document's headings: (level, text, bookmark).
#[derive(Default)]
pub struct Headings(Vec<(usize, String, String)>);

/// Stands for the contents in the body until `finish` writes them.
const CONTENTS_MARK: &str = "\u{E000}contents\u{E000}";

impl Headings {
    /// A heading of `level` (1 or 2), bookmarked for its contents entry.
    pub fn add(&mut self, level: usize, text: &str) -> Paragraph {
        let id = self.0.len() + 1;
        let key = format!("_Toc{id:08}");
        self.0.push((level, crate::domain::typed_text::clean(text).replace('\n', " "), key.clone()));
        Paragraph::new()
            .style(&format!("Heading{level}"))
            .keep_next(true)
            .add_bookmark_start(id, &key)
            .add_run(lines_run(Run::new(), text))
            .add_bookmark_end(id)
    }

    /// Where the contents go.
    pub fn placeholder() -> Paragraph {
        Paragraph::new().add_run(Run::new().add_text(CONTENTS_MARK))
    }

    /// A TOC field as Word writes it: inside a "Table of Contents" content
    /// control, its result one linked entry per heading. Page numbers are left
    /// to the reader's program: Word fills them in on opening (`updateFields`),
    /// LibreOffice on Tools › Update; written here they could only be wrong.
    fn contents_xml(&self) -> String {
        let mut xml = String::from(
            r#"<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents" /><w:docPartUnique /></w:docPartObj></w:sdtPr><w:sdtContent>"#,
        );
        for (i, (level, text, key)) in self.0.iter().enumerate() {
            let indent = if *level > 1 { r#"<w:ind w:left="440" />"# } else { "" };
            xml += &format!(r#"<w:p><w:pPr><w:pStyle w:val="TOC{level}" />{indent}</w:pPr>"#);
            if i == 0 {
                xml += r#"<w:r><w:fldChar w:fldCharType="begin" w:dirty="true" /></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate" /></w:r>"#;
            }
            xml += &format!(
                r#"<w:hyperlink w:anchor="{key}" w:history="1"><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:hyperlink></w:p>"#,
                escape(text)
            );
        }
        xml + r#"<w:p><w:r><w:fldChar w:fldCharType="end" /></w:r></w:p></w:sdtContent></w:sdt>"#
    }
}

/// Text for XML content and attribute values.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

/// A run of text with its line breaks. Cleaned on the way out too: a
/// control character (Word's Shift+Enter pastes `\x0b`) makes the whole
/// document unreadable, and text saved before cleaning existed may hold one.
pub fn lines_run(mut run: Run, s: &str) -> Run {
    let s = crate::domain::typed_text::clean(s);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

/// The header row of every table is the only one marked `cantSplit`: it gets
/// `tblHeader` too (repeat on each page). The contents replace their
/// placeholder, and Word updates fields on opening (their page numbers).
pub fn finish(mut xml: XMLDocx, headings: &Headings) -> Result<Vec<u8>, String> {
    // A document without tables has no header row to mark.
    xml.document = replace(&xml.document, "<w:cantSplit />", "<w:cantSplit /><w:tblHeader />", false)?;
    xml.document = with_contents(&xml.document, &headings.contents_xml())?;
    xml.settings = replace(&xml.settings, "</w:settings>", "<w:updateFields w:val=\"true\" /></w:settings>", true)?;
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// The placeholder's whole paragraph replaced by `contents`.
fn with_contents(xml: &[u8], contents: &str) -> Result<Vec<u8>, String> {
    let text = std::str::from_utf8(xml).map_err(|e| e.to_string())?;
    let at = text.find(CONTENTS_MARK).ok_or("docx: no contents placeholder")?;
    let start = text[..at].rfind("<w:p ").or_else(|| text[..at].rfind("<w:p>")).ok_or("docx: no paragraph")?;
    let end = at + text[at..].find("</w:p>").ok_or("docx: no paragraph end")? + "</w:p>".len();
    Ok(format!("{}{contents}{}", &text[..start], &text[end..]).into_bytes())
}

/// Every `marker` replaced by `with`; an error if a `required` one is absent.
fn replace(xml: &[u8], marker: &str, with: &str, required: bool) -> Result<Vec<u8>, String> {
    let text = std::str::from_utf8(xml).map_err(|e| e.to_string())?;
    if required && !text.contains(marker) {
        return Err(format!("docx: no {marker}"));
    }
    Ok(text.replace(marker, with).into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contents_list_every_heading_escaped_inside_one_toc_field() {
        let mut headings = Headings::default();
        let _ = headings.add(1, "Políticas & <instituciones>");
        let _ = headings.add(2, "Área \"ILAC\" 1");
        let xml = headings.contents_xml();
        assert_eq!(xml.matches("<w:hyperlink ").count(), 2);
        assert!(xml.contains(">Políticas &amp; &lt;instituciones&gt;</w:t>"), "{xml}");
        assert!(xml.contains(r#"w:anchor="_Toc00000002""#) && xml.contains(">Área &quot;ILAC&quot; 1</w:t>"));
        assert_eq!((xml.matches("fldCharType=\"begin\"").count(), xml.matches("fldCharType=\"end\"").count()), (1, 1));
        let body = format!("<w:body><w:p w14:paraId=\"1\"><w:r><w:t>{CONTENTS_MARK}</w:t></w:r></w:p><w:p>after</w:p></w:body>");
        let done = String::from_utf8(with_contents(body.as_bytes(), &xml).unwrap()).unwrap();
        assert!(done.starts_with("<w:body><w:sdt>") && done.ends_with("</w:sdt><w:p>after</w:p></w:body>"), "{done}");
    }
}
