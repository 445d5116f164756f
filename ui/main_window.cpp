#include "main_window.h"

#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

#include "about_dialog.h"
#include "app_settings.h"
#include "runs_table_model.h"
#include "welcome_page.h"

namespace mtrec::ui {
namespace {

QString databaseFilter() {
    return QObject::tr("SQLite databases (*.db);;All files (*)");
}

}  // namespace

MainWindow::MainWindow(std::unique_ptr<store::ExperimentStore> store,
                       std::shared_ptr<AppSettings> settings, QWidget* parent)
    : QMainWindow(parent), store_(std::move(store)), settings_(std::move(settings)) {
    setWindowTitle(tr("mTREC Workbench"));
    buildMenus();
    setCentralWidget(buildRunsPanel());
    databaseLabel_ = new QLabel(this);
    statusBar()->addPermanentWidget(databaseLabel_);
    resize(1280, 800);
    restoreGeometry(settings_->windowGeometry());
    restoreState(settings_->windowState());
    showStore();
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent* event) {
    settings_->saveWindow(saveGeometry(), saveState());
    event->accept();
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New database…"), QKeySequence::New, this, &MainWindow::newDatabase);
    file->addAction(tr("&Open database…"), QKeySequence::Open, this, &MainWindow::openDatabase);
    recentMenu_ = file->addMenu(tr("Open &recent"));
    file->addAction(tr("&Refresh runs"), QKeySequence::Refresh, this, &MainWindow::refreshRuns);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Filter runs"), QKeySequence::Find, this, [this] {
        filterEdit_->setFocus(Qt::ShortcutFocusReason);
        filterEdit_->selectAll();
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About mTREC Workbench"), QKeySequence::HelpContents, this,
                    [this] { showAboutDialog(this); });
}

QWidget* MainWindow::buildRunsPanel() {
    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    filterEdit_ = new QLineEdit(panel);
    filterEdit_->setPlaceholderText(tr("Filter runs by name, strategy or status (Ctrl+F)"));
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

    welcome_ = new WelcomePage(panel);
    connect(welcome_, &WelcomePage::newDatabaseRequested, this, &MainWindow::newDatabase);
    connect(welcome_, &WelcomePage::openDatabaseRequested, this, &MainWindow::openDatabase);
    connect(welcome_, &WelcomePage::recentDatabaseChosen, this, &MainWindow::switchDatabase);

    runsStack_ = new QStackedWidget(panel);
    runsStack_->addWidget(runsView_);
    runsStack_->addWidget(welcome_);
    layout->addWidget(runsStack_);
    return panel;
}

void MainWindow::showStore() {
    const QString path = QString::fromStdString(store_->path());
    databaseLabel_->setText(path);
    setWindowTitle(tr("mTREC Workbench — %1").arg(QFileInfo(path).fileName()));
    settings_->addRecentDatabase(path);
    rebuildRecentMenu();
    refreshRuns();
}

void MainWindow::refreshRuns() {
    auto runs = store_->runs().list();
    if (!runs) {
        statusBar()->showMessage(
            tr("Could not read runs: %1").arg(QString::fromStdString(runs.error().message)));
        return;
    }
    runsModel_->setRuns(std::move(runs).value());
    const int count = runsModel_->rowCount();
    runsStack_->setCurrentIndex(count == 0 ? 1 : 0);
    statusBar()->showMessage(count == 1 ? tr("1 run") : tr("%1 runs").arg(count));
}

bool MainWindow::switchDatabase(const QString& path) {
    auto opened = store::ExperimentStore::open(path.toStdString());
    if (!opened) {
        QMessageBox::warning(this, tr("Cannot open database"),
                             QString::fromStdString(opened.error().message));
        return false;
    }
    store_ = std::make_unique<store::ExperimentStore>(std::move(opened).value());
    showStore();
    return true;
}

void MainWindow::newDatabase() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("New experiments database"), QStringLiteral("experiments.db"), databaseFilter());
    if (!path.isEmpty()) switchDatabase(path);
}

void MainWindow::openDatabase() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open experiments database"),
                                                      QString(), databaseFilter());
    if (!path.isEmpty()) switchDatabase(path);
}

void MainWindow::rebuildRecentMenu() {
    const QStringList recent = settings_->recentDatabases();
    recentMenu_->clear();
    for (const QString& path : recent)
        recentMenu_->addAction(path, this, [this, path] { switchDatabase(path); });
    recentMenu_->setEnabled(!recent.isEmpty());
    welcome_->setRecentDatabases(recent);
}

}  // namespace mtrec::ui
