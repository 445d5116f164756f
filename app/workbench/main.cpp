#include <QApplication>
#include <QCommandLineParser>
#include <QMap>
#include <QMessageBox>

#include "app_settings.h"
#include "compare_view.h"
#include "main_window.h"
#include "screenshot.h"
#include "store/experiment_store.h"

namespace {

/// --db when given; else the most recent database that still exists; else ./experiments.db.
QString databaseToOpen(const QCommandLineParser& parser, const QCommandLineOption& dbOption,
                       const mtrec::ui::AppSettings& settings) {
    if (parser.isSet(dbOption)) return parser.value(dbOption);
    const QString last = settings.lastExistingDatabase();
    return last.isEmpty() ? QString::fromUtf8(mtrec::store::kDefaultDatabaseName) : last;
}

/// "3,4" -> {3, 4}; empty on any entry that is not a positive number.
QList<qint64> parseRunIds(const QString& text) {
    QList<qint64> ids;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (!ok || id <= 0) return {};
        ids.append(id);
    }
    return ids;
}

/// Renders the window to --screenshot's file and returns the exit code; errors go to stderr.
int renderScreenshot(mtrec::ui::MainWindow& window, const QCommandLineParser& parser,
                     const QCommandLineOption& screenshot, const QCommandLineOption& sizeOption) {
    const QSize size = mtrec::ui::parseScreenshotSize(parser.value(sizeOption));
    if (!size.isValid()) {
        qCritical("--size must be WIDTHxHEIGHT in pixels, 200..8000 each (got '%s')",
                  qPrintable(parser.value(sizeOption)));
        return 2;
    }
    const QString problem = mtrec::ui::saveScreenshot(window, size, parser.value(screenshot));
    if (!problem.isEmpty()) {
        qCritical("screenshot: %s", qPrintable(problem));
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("mTREC"));
    QApplication::setApplicationName(QStringLiteral("mTREC Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(MTREC_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Multilingual retrieval experiment workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dbOption(
        QStringLiteral("db"),
        QStringLiteral("Runs database (created when missing; default: the last one opened, else "
                       "./experiments.db)."),
        QStringLiteral("path"));
    QCommandLineOption viewOption(
        QStringLiteral("view"),
        QStringLiteral("View to show: %1.")
            .arg(mtrec::ui::MainWindow::viewNames().join(QStringLiteral(", "))),
        QStringLiteral("view"), QStringLiteral("runs"));
    QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral(
            "Render the view to this PNG file and exit (works with -platform offscreen)."),
        QStringLiteral("file"));
    QCommandLineOption sizeOption(QStringLiteral("size"),
                                  QStringLiteral("Window size for --screenshot, WIDTHxHEIGHT."),
                                  QStringLiteral("size"), QStringLiteral("1280x800"));
    QCommandLineOption runsOption(
        QStringLiteral("runs"), QStringLiteral("Runs to select, e.g. 3,4 (compare: A = 3, B = 4)."),
        QStringLiteral("ids"));
    QCommandLineOption groupsOption(
        QStringLiteral("seed-groups"),
        QStringLiteral("Compare the runs' seed groups, not the runs alone."));
    QCommandLineOption languagesOption(
        QStringLiteral("summary-languages"),
        QStringLiteral("Languages the Compare view's summary averages: all, seen or unseen."),
        QStringLiteral("set"), QStringLiteral("all"));
    parser.addOptions({dbOption, viewOption, runsOption, groupsOption, languagesOption,
                       screenshotOption, sizeOption});
    parser.process(app);
    using LanguageSet = mtrec::ui::CompareView::LanguageSet;
    const QMap<QString, LanguageSet> languageSets{{QStringLiteral("all"), LanguageSet::All},
                                                  {QStringLiteral("seen"), LanguageSet::Seen},
                                                  {QStringLiteral("unseen"), LanguageSet::Unseen}};
    if (!languageSets.contains(parser.value(languagesOption))) {
        qCritical("unknown --summary-languages '%s' (choose all, seen or unseen)",
                  qPrintable(parser.value(languagesOption)));
        return 2;
    }
    if (!mtrec::ui::MainWindow::viewNames().contains(parser.value(viewOption))) {
        qCritical("unknown view '%s' (choose %s)", qPrintable(parser.value(viewOption)),
                  qPrintable(mtrec::ui::MainWindow::viewNames().join(QStringLiteral(", "))));
        return 2;
    }

    auto settings = std::make_shared<mtrec::ui::AppSettings>();
    const QString path = databaseToOpen(parser, dbOption, *settings);
    auto store = mtrec::store::ExperimentStore::open(path.toStdString());
    if (!store) {
        QMessageBox::critical(nullptr, QStringLiteral("mTREC Workbench"),
                              QStringLiteral("Cannot open the runs database:\n%1")
                                  .arg(QString::fromStdString(store.error().message)));
        return 1;
    }
    mtrec::ui::MainWindow window(
        std::make_unique<mtrec::store::ExperimentStore>(std::move(store).value()), settings);
    const QList<qint64> runs = parseRunIds(parser.value(runsOption));
    if (parser.isSet(runsOption) && runs.isEmpty()) {
        qCritical("--runs must list run ids separated by commas, e.g. 3,4");
        return 2;
    }
    window.compareView()->setSeedGroups(parser.isSet(groupsOption));
    window.selectRuns(runs);
    window.showView(parser.value(viewOption));
    window.compareView()->setLanguageSet(languageSets.value(parser.value(languagesOption)));
    if (parser.isSet(screenshotOption))
        return renderScreenshot(window, parser, screenshotOption, sizeOption);
    window.show();
    return QApplication::exec();
}
