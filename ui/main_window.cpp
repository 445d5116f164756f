#include "main_window.h"

#include <algorithm>

#include <QCloseEvent>
#include <QCoreApplication>
#include <QCursor>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include "about_dialog.h"
#include "app_settings.h"
#include "bias_view.h"
#include "compare_view.h"
#include "experiment/training_run.h"
#include "export_shortcut.h"
#include "results_view.h"
#include "run_queue.h"
#include "run_view.h"
#include "runs_tree_model.h"
#include "setup/setup_form.h"
#include "trec_export_dialog.h"
#include "welcome_page.h"

namespace mtrec::ui {
namespace {

constexpr int kFollowIntervalMs = 1000;
constexpr int kDefaultWidth = 1280;
constexpr int kRunsPanelWidth = 560;

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
    followTimer_ = new QTimer(this);
    followTimer_->setInterval(kFollowIntervalMs);
    connect(followTimer_, &QTimer::timeout, this, &MainWindow::followChanges);
    followTimer_->start();
    queueLabel_ = new QLabel(this);
    statusBar()->addWidget(queueLabel_, 1);
    createQueue(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("mtrec")));
    buildQuickDemo();
    showStore();
}

QStringList MainWindow::viewNames() {
    return {QStringLiteral("runs"),    QStringLiteral("setup"), QStringLiteral("run"),
            QStringLiteral("results"), QStringLiteral("bias"),  QStringLiteral("compare")};
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!stopTrainingFirst(tr("Closing the window ends it."))) return event->ignore();
    settings_->saveWindow(saveGeometry(), saveState());
    event->accept();
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New database…"), QKeySequence::New, this, &MainWindow::newDatabase);
    file->addAction(tr("&Open database…"), QKeySequence::Open, this, &MainWindow::openDatabase);
    recentMenu_ = file->addMenu(tr("Open &recent"));
    file->addAction(tr("&Refresh runs"), QKeySequence::Refresh, this, &MainWindow::refreshRuns);
    file->addAction(
        tr("&Export chart or table…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, [this] {
            if (!popupExportMenu(QCursor::pos()))
                statusBar()->showMessage(tr("Point at a chart or click into a table to export it"));
        });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Filter runs"), QKeySequence::Find, this, [this] {
        filterEdit_->setFocus(Qt::ShortcutFocusReason);
        filterEdit_->selectAll();
    });
    view->addSeparator();
    const QStringList names = viewNames();
    for (int i = 1; i < names.size(); ++i)
        view->addAction(tr("Show %1").arg(names[i]),
                        QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + i)), this,
                        [this, name = names[i]] { showView(name); });

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->addAction(tr("&New experiment"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this,
                   [this] { showView(QStringLiteral("setup")); });
    run->addAction(tr("Run the &quick demo"), this, &MainWindow::runQuickDemo);
    run->addAction(tr("&Cancel the running run"), QKeySequence(Qt::Key_Escape), this,
                   [this] { queue_->cancelCurrent(); });
    run->addAction(tr("Cancel the whole &queue"), this, [this] { queue_->cancelAll(); });
    run->addAction(tr("&Duplicate and change…"), QKeySequence(Qt::CTRL | Qt::Key_D), this,
                   [this] { duplicateSelectedRun(); });
    run->addAction(tr("&Resume the selected runs"), this, [this] {
        for (qint64 id : selected_) queue_->enqueue(id);
    });
    run->addAction(tr("Export &TREC runs…"), this, [this] {
        exportTrecRunsInteractive(this, QString::fromStdString(store_->path()), selectedRuns());
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About mTREC Workbench"), QKeySequence::HelpContents, this,
                    [this] { showAboutDialog(this); });
}

QWidget* MainWindow::buildRunsPanel() {
    QWidget* panel = buildRunsTree(this);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(panel);
    split->addWidget(buildViews());
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({kRunsPanelWidth, kDefaultWidth - kRunsPanelWidth});  // room for the metrics

    welcome_ = new WelcomePage(this);
    connect(welcome_, &WelcomePage::newExperimentRequested, this,
            [this] { showView(QStringLiteral("setup")); });
    connect(welcome_, &WelcomePage::newDatabaseRequested, this, &MainWindow::newDatabase);
    connect(welcome_, &WelcomePage::openDatabaseRequested, this, &MainWindow::openDatabase);
    connect(welcome_, &WelcomePage::recentDatabaseChosen, this, &MainWindow::switchDatabase);

    runsStack_ = new QStackedWidget(this);
    runsStack_->setObjectName(QStringLiteral("mainStack"));
    runsStack_->addWidget(split);
    runsStack_->addWidget(welcome_);
    return runsStack_;
}

QWidget* MainWindow::buildViews() {
    views_ = new QTabWidget(this);
    setup_ = new SetupForm(QStringLiteral(MTREC_RESOURCES_DIR "/configs"), QString(), views_);
    connect(setup_, &SetupForm::runRequested, this, &MainWindow::queueRuns);
    // A newcomer's first experiment: the bundled demo corpus, ready to queue.
    setup_->loadPreset(QStringLiteral("demo-hybrid.json"));
    views_->addTab(setup_, tr("&Setup"));
    run_ = new RunView(views_);
    views_->addTab(run_, tr("R&un"));
    results_ = new ResultsView(views_);
    bias_ = new BiasView(views_);
    compare_ = new CompareView(views_);
    views_->addTab(results_, tr("&Results"));
    views_->addTab(bias_, tr("&Bias"));
    views_->addTab(compare_, tr("&Compare"));
    return views_;
}

void MainWindow::showStore() {
    welcomeDismissed_ = false;
    auto version = store_->changes().version();
    seenVersion_ = version ? version.value() : 0;
    selected_.clear();
    selectedKeys_.clear();
    const QString path = QString::fromStdString(store_->path());
    databaseLabel_->setText(path);
    setWindowTitle(tr("mTREC Workbench — %1").arg(QFileInfo(path).fileName()));
    settings_->addRecentDatabase(path);
    rebuildRecentMenu();
    refreshRuns();
    runsModel_->setBaselineKey(settings_->pinnedBaseline(path));
}

void MainWindow::showSelection() {
    if (selected_.isEmpty()) {
        run_->clear();
        results_->clear();
        bias_->clear();
        compare_->clear();
        return;
    }
    run_->showRun(*store_, selected_.first());
    results_->showRun(*store_, selected_.first());
    bias_->showRun(*store_, selected_.first());
    followGroupSelection();
    if (selected_.size() >= 2) {
        compare_->showRuns(*store_, {selected_.begin(), selected_.end()});
        views_->setCurrentWidget(compare_);
    } else {
        compare_->clear();
        if (views_->currentWidget() == compare_) views_->setCurrentWidget(results_);
    }
}

bool MainWindow::showView(const QString& name) {
    const int index = int(viewNames().indexOf(name));
    if (index < 0) return false;
    if (index == 0) {  // the runs table, or the welcome page while there are none
        runsView_->setFocus();
        return true;
    }
    welcomeDismissed_ = true;
    runsStack_->setCurrentIndex(0);
    views_->setCurrentIndex(index - 1);
    return true;
}

bool MainWindow::switchDatabase(const QString& path) {
    if (!stopTrainingFirst(tr("Its queue belongs to this database."))) return false;
    auto opened = store::ExperimentStore::open(path.toStdString());
    if (!opened) {
        QMessageBox::warning(this, tr("Cannot open database"),
                             QString::fromStdString(opened.error().message));
        return false;
    }
    store_ = std::make_unique<store::ExperimentStore>(std::move(opened).value());
    createQueue(trainerProgram_);  // the children write to the new database
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
