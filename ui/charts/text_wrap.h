#pragma once

#include <QFont>
#include <QString>

namespace mtrec::ui {

/// `text` broken into lines no wider than `width` pixels in `font`, at spaces; a word wider than
/// the width (a long run name) is broken after a '-', '_' or '/', else at any character. Existing
/// line breaks are kept. For chart texts (QCPTextElement does not wrap), whose one-line width
/// would otherwise set the chart's minimum width.
QString wrapToWidth(const QString& text, const QFont& font, int width);

}  // namespace mtrec::ui
