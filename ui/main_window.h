#pragma once

#include <QMainWindow>
#include <memory>

#include "experiment/training_config.h"
#include "store/experiment_store.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QMenu;
class QSortFilterProxyModel;
class QItemSelection;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;

namespace mtrec::ui {

class AppSettings;
class BiasView;
class ChildJob;
class CompareView;
class ResultsView;
class RunQueue;
enum class RunEnd;
class RunView;
struct RunProgress;
class RunsTableModel;
class SetupForm;
class WelcomePage;

/// The workbench's main window over one experiments database: its runs in a sortable, filterable
/// table beside Setup and the views of the selection (one run: Run, Results and Bias; two:
/// Compare), or a welcome
/// page while it holds none. Owns the store it shows (opened on the GUI thread; reads only) and
/// polls its change log every second, so runs other processes write appear and update live.
/// Remembers recent databases and its own geometry in `settings`.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(std::unique_ptr<store::ExperimentStore> store, std::shared_ptr<AppSettings> settings,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    RunsTableModel* runsModel() const { return runsModel_; }
    QTableView* runsView() const { return runsView_; }
    const store::ExperimentStore& store() const { return *store_; }
    ResultsView* resultsView() const { return results_; }
    RunView* runView() const { return run_; }
    BiasView* biasView() const { return bias_; }
    CompareView* compareView() const { return compare_; }
    SetupForm* setupForm() const { return setup_; }
    RunQueue* runQueue() const { return queue_; }
    /// The `mtrec` executable the queue trains with (default: the one beside this program).
    void setTrainerProgram(const QString& program);
    /// Queues the form's runs (one per strategy × seed) in the store and on the queue; a config the
    /// core refuses is shown in a dialog and nothing of it is queued. Returns the ids queued.
    QList<qint64> queueRuns(const QList<experiment::TrainingConfig>& configs);

    /// Starts `mtrec demo --quick` into this database in a child (the trainer program), its
    /// progress in the status bar with a Cancel button; its runs appear as the child writes them,
    /// and when it finishes the hybrid and multitask runs are selected (Compare). False, with a
    /// word in the status bar, while one runs already.
    bool runQuickDemo();
    /// The running quick demo's child, or nullptr.
    ChildJob* quickDemo() const { return demo_; }

    /// The selected runs in the order they were selected (A, B for Compare).
    QList<qint64> selectedRuns() const { return selected_; }

    /// The views --view names, in tab order after "runs".
    static QStringList viewNames();

public Q_SLOTS:
    /// Re-reads the runs from the database; a read error goes to the status bar, the table keeps
    /// its rows.
    void refreshRuns();
    /// Opens (ReadWriteCreate) the database at `path` and shows it; on failure says why in a dialog
    /// and keeps the current one. Returns whether it switched.
    bool switchDatabase(const QString& path);
    /// Selects these runs in the table, in this order (those not in the table are skipped).
    void selectRuns(const QList<qint64>& runIds);
    /// "Duplicate and change": the first selected run's stored config in the Setup form, to edit
    /// and queue as new runs. False (and a word in the status bar) for a run that has none.
    bool duplicateSelectedRun();
    /// Brings a view to the front: "runs" (the table), "results", "bias" or "compare".
    bool showView(const QString& name);
    /// Reads the change log; reloads the runs (and the views showing them) when any changed.
    void followChanges();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    QWidget* buildRunsPanel();
    void newDatabase();
    void openDatabase();
    void rebuildRecentMenu();
    void showStore();
    QWidget* buildViews();
    void createQueue(const QString& program);
    /// While a run trains: asks whether to stop it (saying `why`) and stops it with a checkpoint.
    /// False when the user keeps it running.
    bool stopTrainingFirst(const QString& why);
    void showQueueProgress(const RunProgress& report);
    void buildQuickDemo();
    void showDemoProgress(const RunProgress& report);
    void quickDemoEnded(RunEnd end, const QString& message);
    void selectionChanged(const QItemSelection& selected, const QItemSelection& deselected);
    void showSelection();
    qint64 runIdOfRow(int proxyRow) const;

    std::unique_ptr<store::ExperimentStore> store_;
    std::shared_ptr<AppSettings> settings_;
    RunsTableModel* runsModel_ = nullptr;
    QSortFilterProxyModel* runsProxy_ = nullptr;
    QTableView* runsView_ = nullptr;
    QLineEdit* filterEdit_ = nullptr;
    QStackedWidget* runsStack_ = nullptr;
    WelcomePage* welcome_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QLabel* databaseLabel_ = nullptr;
    QTabWidget* views_ = nullptr;
    RunView* run_ = nullptr;
    ResultsView* results_ = nullptr;
    BiasView* bias_ = nullptr;
    CompareView* compare_ = nullptr;
    QList<qint64> selected_;
    QTimer* followTimer_ = nullptr;
    SetupForm* setup_ = nullptr;
    RunQueue* queue_ = nullptr;
    QString trainerProgram_;
    QLabel* queueLabel_ = nullptr;
    ChildJob* demo_ = nullptr;           ///< the quick demo's child while it runs
    QPushButton* demoCancel_ = nullptr;  ///< in the status bar while it runs
    std::int64_t seenVersion_ = 0;
    bool welcomeDismissed_ = false;
    bool restoringSelection_ =
        false;  ///< followChanges reselecting: the views stay as they are  ///< the user asked for
                ///< a view: no welcome page until reopening
};

}  // namespace mtrec::ui
