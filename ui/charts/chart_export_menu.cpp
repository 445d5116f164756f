#include "charts/chart_export_menu.h"

#include <qcustomplot.h>

#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QMenu>
#include <QSpinBox>
#include <utility>

#include "charts/chart_export.h"

namespace mtrec::ui {
namespace {

QSpinBox* spinBox(QWidget* parent, int min, int max, int value, const QString& suffix) {
    auto* box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}

// Asks width, height and DPI; false when cancelled.
bool askPngSettings(QWidget* parent, QSize* size, int* dpi) {
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("Export PNG"));
    auto* form = new QFormLayout(&dialog);
    auto* width = spinBox(&dialog, 64, 16000, size->width(), QObject::tr(" px"));
    auto* height = spinBox(&dialog, 64, 16000, size->height(), QObject::tr(" px"));
    auto* resolution = spinBox(&dialog, 48, 1200, *dpi, QObject::tr(" dpi"));
    form->addRow(QObject::tr("Width:"), width);
    form->addRow(QObject::tr("Height:"), height);
    form->addRow(QObject::tr("Resolution:"), resolution);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted) return false;
    *size = QSize(width->value(), height->value());
    *dpi = resolution->value();
    return true;
}

}  // namespace

ChartExportMenu::ChartExportMenu(QCustomPlot* plot, CsvProvider csv, QString baseName)
    : QObject(plot),
      plot_(plot),
      csv_(std::move(csv)),
      baseName_(std::move(baseName)),
      menu_(new QMenu(plot)) {
    pngAction_ = menu_->addAction(tr("Export PNG…"));
    pdfAction_ = menu_->addAction(tr("Export PDF…"));
    csvAction_ = menu_->addAction(tr("Export CSV…"));
    pngAction_->setObjectName(QStringLiteral("exportPngAction"));
    pdfAction_->setObjectName(QStringLiteral("exportPdfAction"));
    csvAction_->setObjectName(QStringLiteral("exportCsvAction"));
    csvAction_->setEnabled(bool(csv_));
    connect(pngAction_, &QAction::triggered, this, &ChartExportMenu::exportPngInteractive);
    connect(pdfAction_, &QAction::triggered, this, &ChartExportMenu::exportPdfInteractive);
    connect(csvAction_, &QAction::triggered, this, &ChartExportMenu::exportCsvInteractive);
    plot_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot_, &QWidget::customContextMenuRequested, this,
            [this](const QPoint& pos) { menu_->popup(plot_->mapToGlobal(pos)); });
}

bool ChartExportMenu::writePng(const QString& path, QSize pixels, int dpi) {
    return exportPng(plot_, path, pixels, dpi);
}

bool ChartExportMenu::writePdf(const QString& path) {
    const QSize size = plot_->size().isEmpty() ? QSize(1200, 900) : plot_->size();
    return exportPdf(plot_, path, size);
}

bool ChartExportMenu::writeCsv(const QString& path) {
    return csv_ && writeTextFile(path, csv_());
}

QString ChartExportMenu::askPath(const QString& title, const QString& extension,
                                 const QString& filter) {
    const QString suggested = QDir::home().filePath(baseName_ + QLatin1Char('.') + extension);
    QString path = QFileDialog::getSaveFileName(plot_, title, suggested, filter);
    if (!path.isEmpty() && !path.endsWith(QLatin1Char('.') + extension, Qt::CaseInsensitive))
        path += QLatin1Char('.') + extension;
    return path;
}

void ChartExportMenu::report(bool ok, const QString& path) {
    if (ok)
        Q_EMIT exported(path);
    else
        Q_EMIT exportFailed(tr("could not write %1").arg(path));
}

void ChartExportMenu::exportPngInteractive() {
    if (!askPngSettings(plot_, &pngSize_, &pngDpi_)) return;
    const QString path = askPath(tr("Export PNG"), QStringLiteral("png"), tr("PNG images (*.png)"));
    if (!path.isEmpty()) report(writePng(path, pngSize_, pngDpi_), path);
}

void ChartExportMenu::exportPdfInteractive() {
    const QString path = askPath(tr("Export PDF"), QStringLiteral("pdf"), tr("PDF files (*.pdf)"));
    if (!path.isEmpty()) report(writePdf(path), path);
}

void ChartExportMenu::exportCsvInteractive() {
    const QString path = askPath(tr("Export CSV"), QStringLiteral("csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty()) report(writeCsv(path), path);
}

}  // namespace mtrec::ui
