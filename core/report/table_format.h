#pragma once

#include <string>
#include <vector>

namespace mtrec::report {

/// A table cell: its text and an optional significance mark ("*", "**", "†") shown as a
/// superscript.
struct TableCell {
    std::string text;
    std::string mark;
    TableCell(std::string t = {}, std::string m = {}) : text(std::move(t)), mark(std::move(m)) {}
    TableCell(const char* t) : text(t) {}
};

/// A plain table for papers. Every row has header.size() cells (renderers throw std::logic_error
/// otherwise). Columns listed in `numeric` are right-aligned.
struct Table {
    std::string caption;
    std::vector<std::string> header;
    std::vector<std::vector<TableCell>> rows;
    std::vector<bool> numeric;  ///< per column; missing entries = text (left-aligned)
    std::string note;           ///< printed under the table (legend of marks, definitions)
};

/// GitHub-flavoured Markdown: caption as a bold line; in text | * _ \ ` and a < that could open
/// HTML escaped with a backslash, line breaks as spaces; marks as \*.
std::string renderMarkdown(const Table& table);
/// A booktabs `table` environment (needs \usepackage{booktabs}); text is escaped for LaTeX and
/// marks are set as $^{mark}$ († as \dagger).
std::string renderLatex(const Table& table);

/// Plain text for a terminal: caption line, columns padded to their widest cell (UTF-8 aware),
/// marks appended to the text, the note last.
std::string renderPlain(const Table& table);

/// RFC 4180 CSV: the header row, then one row per table row (cell texts only, marks dropped),
/// CRLF line ends; no caption or note.
std::string renderCsv(const Table& table);

/// Escapes LaTeX's special characters (\ { } $ & # ^ _ % ~) and | < > (which the default OT1
/// font encoding sets as other glyphs outside math); line breaks become spaces.
std::string latexEscape(const std::string& text);

}  // namespace mtrec::report
