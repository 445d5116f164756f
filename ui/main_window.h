#pragma once

#include <QMainWindow>
#include <memory>
#include <vector>

#include "experiment/training_config.h"
#include "store/experiment_store.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QMenu;
class QItemSelection;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QTreeView;

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
class RunsFilterProxy;
class RunsTreeModel;
class SetupForm;
class WelcomePage;

/// The workbench's main window over one experiments database: its runs in a sortable, filterable
/// tree (seed groups as expandable rows) beside Setup and the views of the selection (one run: Run,
/// Results and Bias; two runs or groups: Compare), or a welcome page while it holds none. Owns the
/// store it shows (opened on the GUI thread; it writes only the tags and notes edited in the tree)
/// and polls its change log every second, so runs other processes write appear and update live.
/// Remembers recent databases, its own geometry and each database's pinned baseline in
/// `settings`.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(std::unique_ptr<store::ExperimentStore> store, std::shared_ptr<AppSettings> settings,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    RunsTreeModel* runsModel() const { return runsModel_; }
    QTreeView* runsView() const { return runsView_; }
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

    /// The selected runs in the order they were selected (A, B for Compare); a selected seed group
    /// counts as its first run (and turns Compare to seed groups).
    QList<qint64> selectedRuns() const { return selected_; }

    /// The views --view names, in tab order after "runs".
    static QStringList viewNames();

public Q_SLOTS:
    /// Re-reads the runs from the database, keeping the selection (without redrawing the views)
    /// and the open groups; a read error goes to the status bar, the tree keeps its rows.
    void refreshRuns();
    /// Opens (ReadWriteCreate) the database at `path` and shows it; on failure says why in a dialog
    /// and keeps the current one. Returns whether it switched.
    bool switchDatabase(const QString& path);
    /// Selects these runs in the tree, in this order (those not in it are skipped); a run in a
    /// seed group is selected as itself, its group opened.
    void selectRuns(const QList<qint64>& runIds);
    /// Pins the runs tree's baseline ("run:12", "group:12"; empty: unpins) and remembers it for
    /// this database.
    void pinBaseline(const QString& key);
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
    QWidget* buildRunsTree(QWidget* parent);
    /// refreshRuns, reading steps and notes again only for the runs in `written` when given.
    void reloadRuns(const std::vector<std::int64_t>* written);
    QLayout* buildRunsFilters(QWidget* parent);
    void refillRunsFilters();
    void showRunsMenu(const QPoint& position);
    void buildQuickDemo();
    void showDemoProgress(const RunProgress& report);
    void quickDemoEnded(RunEnd end, const QString& message);
    void selectionChanged(const QItemSelection& selected, const QItemSelection& deselected);
    /// Selects rows by their RunsTreeModel::KeyRole, in this order.
    void selectKeys(const QStringList& keys);
    QStringList expandedGroups() const;
    /// Compare shows seed groups while a group row is selected, and runs again once none is (a
    /// choice made without a group row, such as --seed-groups, is left alone).
    void followGroupSelection();
    void showSelection();

    std::unique_ptr<store::ExperimentStore> store_;
    std::shared_ptr<AppSettings> settings_;
    RunsTreeModel* runsModel_ = nullptr;
    RunsFilterProxy* runsProxy_ = nullptr;
    QTreeView* runsView_ = nullptr;
    QLineEdit* filterEdit_ = nullptr;
    QComboBox* tagFilter_ = nullptr;
    QComboBox* strategyFilter_ = nullptr;
    QComboBox* statusFilter_ = nullptr;
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
    QStringList selectedKeys_;  ///< the selected rows' KeyRole, in selection order
    bool seedGroupsBySelection_ = false;  ///< Compare's seed-group mode was set by a group row
    QTimer* followTimer_ = nullptr;
    SetupForm* setup_ = nullptr;
    RunQueue* queue_ = nullptr;
    QString trainerProgram_;
    QLabel* queueLabel_ = nullptr;
    ChildJob* demo_ = nullptr;           ///< the quick demo's child while it runs
    QPushButton* demoCancel_ = nullptr;  ///< in the status bar while it runs
    std::int64_t seenVersion_ = 0;
    bool welcomeDismissed_ = false;  ///< the user asked for a view: no welcome page until reopening
    bool restoringSelection_ = false;  ///< reselecting after a reload: the views stay as they are
};

}  // namespace mtrec::ui
