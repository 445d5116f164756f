#include "report/table_format.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "report/csv_writer.h"

namespace mtrec::report {

namespace {

void checkShape(const Table& table) {
    for (const auto& row : table.rows)
        if (row.size() != table.header.size())
            throw std::logic_error("table '" + table.caption + "' has a row of " +
                                   std::to_string(row.size()) + " cells for " +
                                   std::to_string(table.header.size()) + " columns");
}

bool isNumeric(const Table& table, std::size_t column) {
    return column < table.numeric.size() && table.numeric[column];
}

/// True when `<` at `at` could open raw HTML ("<b>", "</b>", "<!--"); "p < 0.05" cannot.
bool opensHtml(const std::string& text, std::size_t at) {
    if (text[at] != '<' || at + 1 >= text.size()) return false;
    const unsigned char next = static_cast<unsigned char>(text[at + 1]);
    return std::isalpha(next) || next == '/' || next == '!' || next == '?';
}

/// True when `&` at `at` opens a character reference ("&lt;", "&#60;"), which a renderer would
/// show as the character it names; "R&D" and "a & b" do not.
bool opensEntity(const std::string& text, std::size_t at) {
    if (text[at] != '&') return false;
    std::size_t i = at + 1;
    if (i < text.size() && text[i] == '#') ++i;
    const std::size_t name = i;
    while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]))) ++i;
    return i > name && i < text.size() && text[i] == ';';
}

/// True when `]` at `at` closes a link's text ("[a](url)", "[a][ref]"); a bracket that stands alone
/// ("[contaminated: …]") links nowhere without a reference definition, which a row cannot hold.
bool closesLinkText(const std::string& text, std::size_t at) {
    return text[at] == ']' && at + 1 < text.size() && (text[at + 1] == '(' || text[at + 1] == '[');
}

/// Escapes what would end a cell or start inline markup: | * _ \, a backquote (a code span would
/// swallow the escapes after it), ~ (GitHub's strike-through), the ] of a link, a < that could
/// open raw HTML (a run named "<b>x</b>") and an & that opens a character reference. Line breaks
/// become spaces: a row is one line.
std::string markdownText(const std::string& text) {
    static const std::string inline_markup = "|*_\\`~";
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inline_markup.find(c) != std::string::npos || closesLinkText(text, i) ||
            opensHtml(text, i) || opensEntity(text, i))
            out += '\\';
        out += (c == '\n' || c == '\r') ? ' ' : c;
    }
    return out;
}

/// markdownText for text that stands as a paragraph of its own (a table's note): a first
/// character that would start a heading, quote, list or link reference definition is escaped too.
std::string markdownParagraph(const std::string& text) {
    const bool starts_block =
        !text.empty() && std::string("#>-+[").find(text[0]) != std::string::npos;
    return (starts_block ? "\\" : "") + markdownText(text);
}

std::string markdownCell(const TableCell& cell) {
    std::string out = markdownText(cell.text);
    for (char c : cell.mark) out += c == '*' ? std::string("\\*") : std::string(1, c);
    return out;
}

/// Display width of UTF-8 text: code points, not bytes (good enough for language codes and names).
std::size_t displayWidth(const std::string& text) {
    std::size_t width = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++width;
    return width;
}

std::string pad(const std::string& text, std::size_t width, bool right) {
    const std::size_t have = displayWidth(text);
    const std::string fill(width > have ? width - have : 0, ' ');
    return right ? fill + text : text + fill;
}

}  // namespace

std::string renderPlain(const Table& table) {
    checkShape(table);
    std::vector<std::size_t> widths(table.header.size());
    for (std::size_t c = 0; c < table.header.size(); ++c) widths[c] = displayWidth(table.header[c]);
    for (const auto& row : table.rows)
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(row[c].text + row[c].mark));
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (c) out += "  ";
            out += pad(cells[c], widths[c], isNumeric(table, c));
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out + "\n";
    };
    std::string out = table.caption.empty() ? std::string() : table.caption + "\n";
    out += line(table.header);
    for (const auto& row : table.rows) {
        std::vector<std::string> cells;
        for (const TableCell& cell : row) cells.push_back(cell.text + cell.mark);
        out += line(cells);
    }
    if (!table.note.empty()) out += table.note + "\n";
    return out;
}

/// A mark for math mode: "*" as it is, the seed level's dagger "†" as \dagger.
std::string latexMark(const std::string& mark) {
    static const std::string kDagger = "†";
    std::string out;
    for (std::size_t i = 0; i < mark.size();) {
        if (mark.compare(i, kDagger.size(), kDagger) == 0) {
            out += "\\dagger ";
            i += kDagger.size();
        } else {
            out += mark[i++];
        }
    }
    return out;
}

std::string latexEscape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '\\':
                out += "\\textbackslash{}";
                break;
            case '~':
                out += "\\textasciitilde{}";
                break;
            case '^':
                out += "\\textasciicircum{}";
                break;
            // Outside math, LaTeX's default OT1 encoding sets these three as other glyphs.
            case '|':
                out += "\\textbar{}";
                break;
            case '<':
                out += "\\textless{}";
                break;
            case '>':
                out += "\\textgreater{}";
                break;
            case '{':
            case '}':
            case '$':
            case '&':
            case '#':
            case '_':
            case '%':
                out += '\\';
                out += c;
                break;
            case '\n':
            case '\r':
                out += ' ';
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string renderMarkdown(const Table& table) {
    checkShape(table);
    std::string out;
    if (!table.caption.empty()) out += "**" + markdownText(table.caption) + "**\n\n";
    out += "|";
    for (const std::string& h : table.header) out += " " + markdownText(h) + " |";
    out += "\n|";
    for (std::size_t c = 0; c < table.header.size(); ++c)
        out += isNumeric(table, c) ? " ---: |" : " --- |";
    out += "\n";
    for (const auto& row : table.rows) {
        out += "|";
        for (const TableCell& cell : row) out += " " + markdownCell(cell) + " |";
        out += "\n";
    }
    if (!table.note.empty()) out += "\n" + markdownParagraph(table.note) + "\n";
    return out;
}

std::string renderLatex(const Table& table) {
    checkShape(table);
    std::string columns;
    for (std::size_t c = 0; c < table.header.size(); ++c)
        columns += isNumeric(table, c) ? 'r' : 'l';
    std::string out = "\\begin{table}[t]\n\\centering\n";
    if (!table.caption.empty()) out += "\\caption{" + latexEscape(table.caption) + "}\n";
    out += "\\begin{tabular}{" + columns + "}\n\\toprule\n";
    for (std::size_t c = 0; c < table.header.size(); ++c)
        out += (c ? " & " : "") + latexEscape(table.header[c]);
    out += " \\\\\n\\midrule\n";
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            out += (c ? " & " : "") + latexEscape(row[c].text);
            if (!row[c].mark.empty()) out += "$^{" + latexMark(row[c].mark) + "}$";
        }
        out += " \\\\\n";
    }
    out += "\\bottomrule\n\\end{tabular}\n";
    if (!table.note.empty())
        out += "\\par\\smallskip{\\footnotesize " + latexEscape(table.note) + "}\n";
    out += "\\end{table}\n";
    return out;
}

std::string renderCsv(const Table& table) {
    checkShape(table);
    const auto line = [](const std::vector<std::string>& fields) {
        std::string out;
        for (std::size_t i = 0; i < fields.size(); ++i)
            out += (i == 0 ? "" : ",") + csvField(fields[i]);
        return out + "\r\n";
    };
    std::string out = line(table.header);
    for (const auto& row : table.rows) {
        std::vector<std::string> texts;
        for (const TableCell& cell : row) texts.push_back(cell.text);
        out += line(texts);
    }
    return out;
}

}  // namespace mtrec::report
