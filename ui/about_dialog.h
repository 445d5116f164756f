#pragma once

#include <QString>

class QWidget;

namespace mtrec::ui {

/// The About box's text: what the workbench is for and the versions it runs with (Qt, then every
/// component of experiment::componentVersions()), as an HTML table.
QString aboutText();

/// Shows the About box, modal to `parent`.
void showAboutDialog(QWidget* parent);

}  // namespace mtrec::ui
