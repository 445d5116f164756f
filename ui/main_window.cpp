#include "main_window.h"

#include <QApplication>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include "runs_table_model.h"

namespace mtrec::ui {

MainWindow::MainWindow(std::unique_ptr<store::ExperimentStore> store, QWidget* parent)
    : QMainWindow(parent), store_(std::move(store)) {
    setWindowTitle(tr("mTREC Workbench"));
    buildMenus();
    setCentralWidget(buildRunsPanel());
    databaseLabel_ = new QLabel(this);
    statusBar()->addPermanentWidget(databaseLabel_);
    resize(1100, 640);
    showStore();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open database…"), QKeySequence::Open, this, &MainWindow::openDatabase);
    file->addAction(tr("&Refresh runs"), QKeySequence::Refresh, this, &MainWindow::refreshRuns);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About"), this, [this] {
        QMessageBox::about(this, tr("About mTREC Workbench"),
                           tr("mTREC Workbench %1\nHybrid batch training vs multitask fine-tuning for "
                              "multilingual dual-encoder retrieval.")
                               .arg(QStringLiteral(MTREC_VERSION)));
    });
}

QWidget* MainWindow::buildRunsPanel() {
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    filterEdit_ = new QLineEdit(panel);
    filterEdit_->setPlaceholderText(tr("Filter runs by name, strategy or status"));
    filterEdit_->setClearButtonEnabled(true);
    layout->addWidget(filterEdit_);

    runsModel_ = new RunsTableModel(this);
    runsProxy_ = new QSortFilterProxyModel(this);
    runsProxy_->setSourceModel(runsModel_);
    runsProxy_->setSortRole(Qt::UserRole);
    runsProxy_->setFilterKeyColumn(-1);
    runsProxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(filterEdit_, &QLineEdit::textChanged, runsProxy_,
            &QSortFilterProxyModel::setFilterFixedString);

    runsView_ = new QTableView(panel);
    runsView_->setModel(runsProxy_);
    runsView_->setSortingEnabled(true);
    runsView_->sortByColumn(RunsTableModel::Id, Qt::DescendingOrder);
    runsView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    runsView_->setAlternatingRowColors(true);
    runsView_->verticalHeader()->hide();
    runsView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    runsView_->horizontalHeader()->setSectionResizeMode(RunsTableModel::Name, QHeaderView::Stretch);

    auto* empty = new QLabel(tr("No runs yet.\nRuns you train or evaluate are recorded in this "
                                "database and appear here."),
                             panel);
    empty->setAlignment(Qt::AlignCenter);
    empty->setObjectName(QStringLiteral("emptyRunsLabel"));

    runsStack_ = new QStackedWidget(panel);
    runsStack_->addWidget(runsView_);
    runsStack_->addWidget(empty);
    layout->addWidget(runsStack_);
    return panel;
}

void MainWindow::showStore() {
    databaseLabel_->setText(QString::fromStdString(store_->path()));
    refreshRuns();
}

void MainWindow::refreshRuns() {
    auto runs = store_->runs().list();
    if (!runs) {
        statusBar()->showMessage(tr("Could not read runs: %1")
                                     .arg(QString::fromStdString(runs.error().message)));
        return;
    }
    runsModel_->setRuns(std::move(runs).value());
    const int count = runsModel_->rowCount();
    runsStack_->setCurrentIndex(count == 0 ? 1 : 0);
    statusBar()->showMessage(count == 1 ? tr("1 run") : tr("%1 runs").arg(count));
}

void MainWindow::openDatabase() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open experiments database"), QString(), tr("SQLite databases (*.db);;All files (*)"));
    if (path.isEmpty()) return;
    auto opened = store::ExperimentStore::open(path.toStdString());
    if (!opened) {
        QMessageBox::warning(this, tr("Cannot open database"),
                             QString::fromStdString(opened.error().message));
        return;
    }
    store_ = std::make_unique<store::ExperimentStore>(std::move(opened).value());
    showStore();
}

}  // namespace mtrec::ui
