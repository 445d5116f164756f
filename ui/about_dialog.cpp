#include "about_dialog.h"

#include <QMessageBox>
#include <QtGlobal>

#include "experiment/build_versions.h"

namespace mtrec::ui {
namespace {

QString row(const QString& name, const QString& version) {
    return QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;%2</td></tr>")
        .arg(name.toHtmlEscaped(), version.toHtmlEscaped());
}

}  // namespace

QString aboutText() {
    QString rows = row(QStringLiteral("Qt"), QString::fromLatin1(qVersion()));
    for (const auto& component : experiment::componentVersions())
        rows +=
            row(QString::fromStdString(component.name), QString::fromStdString(component.version));
    return QObject::tr(
               "<p><b>mTREC Workbench</b>: hybrid batch training vs. multitask fine-tuning "
               "for multilingual dual-encoder retrieval, compared per language pair.</p>"
               "<table>%1</table>")
        .arg(rows);
}

void showAboutDialog(QWidget* parent) {
    QMessageBox::about(parent, QObject::tr("About mTREC Workbench"), aboutText());
}

}  // namespace mtrec::ui
