#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include "main_window.h"
#include "store/experiment_store.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mTREC Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(MTREC_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Multilingual retrieval experiment workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dbOption(QStringLiteral("db"),
                                QStringLiteral("Runs database (created when missing)."),
                                QStringLiteral("path"),
                                QString::fromUtf8(mtrec::store::kDefaultDatabaseName));
    parser.addOption(dbOption);
    parser.process(app);

    const QString path = parser.value(dbOption);
    auto store = mtrec::store::ExperimentStore::open(path.toStdString());
    if (!store) {
        QMessageBox::critical(nullptr, QStringLiteral("mTREC Workbench"),
                              QStringLiteral("Cannot open the runs database:\n%1")
                                  .arg(QString::fromStdString(store.error().message)));
        return 1;
    }
    mtrec::ui::MainWindow window(
        std::make_unique<mtrec::store::ExperimentStore>(std::move(store).value()));
    window.show();
    return QApplication::exec();
}
