#pragma once

#include <QColor>

namespace mtrec::ui {

/// The i-th colour of Okabe & Ito's eight colour-blind-safe categorical colours, in an order that
/// keeps neighbours apart (blue, orange, bluish green, reddish purple, sky blue, vermillion,
/// yellow, black), cycling after the eighth. Negative indices give the first.
QColor categoricalColor(int index);

}  // namespace mtrec::ui
