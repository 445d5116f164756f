#pragma once

#include <QObject>
#include <QSize>
#include <QString>
#include <functional>

class QAction;
class QCustomPlot;
class QMenu;

namespace mtrec::ui {

/// The right-click menu every chart carries: "Export PNG…" (asks size and DPI), "Export PDF…",
/// "Export CSV…" (the data behind the chart, from `csv`). Child of the plot it serves; file dialogs
/// are modal and run on the GUI thread.
class ChartExportMenu : public QObject {
    Q_OBJECT
public:
    using CsvProvider = std::function<QString()>;

    /// `baseName` is the suggested file name without extension, e.g. "heatmap-map-run12".
    ChartExportMenu(QCustomPlot* plot, CsvProvider csv, QString baseName);

    QMenu* menu() const { return menu_; }
    QAction* pngAction() const { return pngAction_; }
    QAction* pdfAction() const { return pdfAction_; }
    QAction* csvAction() const { return csvAction_; }
    void setBaseName(const QString& baseName) { baseName_ = baseName; }

    /// The non-interactive halves of the actions (what they do once the file is chosen).
    bool writePng(const QString& path, QSize pixels, int dpi);
    bool writePdf(const QString& path);
    bool writeCsv(const QString& path);

Q_SIGNALS:
    void exported(const QString& path);
    void exportFailed(const QString& message);

private:
    void exportPngInteractive();
    void exportPdfInteractive();
    void exportCsvInteractive();
    QString askPath(const QString& title, const QString& extension, const QString& filter);
    void report(bool ok, const QString& path);

    QCustomPlot* plot_;
    CsvProvider csv_;
    QString baseName_;
    QMenu* menu_;
    QAction* pngAction_;
    QAction* pdfAction_;
    QAction* csvAction_;
    QSize pngSize_{1200, 900};
    int pngDpi_ = 150;
};

}  // namespace mtrec::ui
