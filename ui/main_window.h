#pragma once

#include <QMainWindow>
#include <memory>

#include "store/experiment_store.h"

class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace mtrec::ui {

class AppSettings;
class RunsTableModel;
class WelcomePage;

/// The workbench's main window over one experiments database: its runs in a sortable, filterable
/// table, or a welcome page while it holds none. Owns the store it shows (opened on the GUI thread;
/// reads only). Remembers recent databases and its own geometry in `settings`.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(std::unique_ptr<store::ExperimentStore> store, std::shared_ptr<AppSettings> settings,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    RunsTableModel* runsModel() const { return runsModel_; }
    QTableView* runsView() const { return runsView_; }
    const store::ExperimentStore& store() const { return *store_; }

public Q_SLOTS:
    /// Re-reads the runs from the database; a read error goes to the status bar, the table keeps
    /// its rows.
    void refreshRuns();
    /// Opens (ReadWriteCreate) the database at `path` and shows it; on failure says why in a dialog
    /// and keeps the current one. Returns whether it switched.
    bool switchDatabase(const QString& path);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    QWidget* buildRunsPanel();
    void newDatabase();
    void openDatabase();
    void rebuildRecentMenu();
    void showStore();

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
};

}  // namespace mtrec::ui
