#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include "app_settings.h"
#include "main_window.h"
#include "store/experiment_store.h"

namespace {

/// --db when given; else the most recent database that still exists; else ./experiments.db.
QString databaseToOpen(const QCommandLineParser& parser, const QCommandLineOption& dbOption,
                       const mtrec::ui::AppSettings& settings) {
    if (parser.isSet(dbOption)) return parser.value(dbOption);
    const QString last = settings.lastExistingDatabase();
    return last.isEmpty() ? QString::fromUtf8(mtrec::store::kDefaultDatabaseName) : last;
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
    parser.addOption(dbOption);
    parser.process(app);

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
    window.show();
    return QApplication::exec();
}
