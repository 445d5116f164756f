#pragma once

#include <QStringList>
#include <QWidget>

class QListWidget;

namespace mtrec::ui {

/// Shown in place of the runs when the database holds none: what the workbench is for, how runs get
/// here, and buttons to run the quick demo, set up an experiment, create or open a database, with
/// the recent databases to reopen.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

    /// Fills the recent list (absolute paths, newest first).
    void setRecentDatabases(const QStringList& paths);

Q_SIGNALS:
    /// "Run the quick demo": `mtrec demo --quick` into this database.
    void quickDemoRequested();
    void newExperimentRequested();
    void newDatabaseRequested();
    void openDatabaseRequested();
    void recentDatabaseChosen(const QString& path);

private:
    QListWidget* recent_ = nullptr;
};

}  // namespace mtrec::ui
