#pragma once

#include <QMainWindow>
#include <memory>

#include "store/experiment_store.h"

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace mtrec::ui {

class RunsTableModel;

/// The workbench's main window: the runs of one experiments database in a sortable, filterable table.
/// Owns the store it shows (opened on the GUI thread; reads only).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(std::unique_ptr<store::ExperimentStore> store, QWidget* parent = nullptr);
    ~MainWindow() override;

    RunsTableModel* runsModel() const { return runsModel_; }
    QTableView* runsView() const { return runsView_; }

public Q_SLOTS:
    /// Re-reads the runs from the database; a read error goes to the status bar, the table keeps its rows.
    void refreshRuns();

private:
    void buildMenus();
    QWidget* buildRunsPanel();
    void openDatabase();
    void showStore();

    std::unique_ptr<store::ExperimentStore> store_;
    RunsTableModel* runsModel_ = nullptr;
    QSortFilterProxyModel* runsProxy_ = nullptr;
    QTableView* runsView_ = nullptr;
    QLineEdit* filterEdit_ = nullptr;
    QStackedWidget* runsStack_ = nullptr;
    QLabel* databaseLabel_ = nullptr;
};

}  // namespace mtrec::ui
