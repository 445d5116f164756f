#include "welcome_page.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace mtrec::ui {

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("welcomePage"));
    auto* title =
        new QLabel(tr("<h2>mTREC Workbench</h2>"
                      "<p>Does hybrid batch training beat multitask fine-tuning for a "
                      "multilingual dual encoder, and how much language bias does each "
                      "leave?</p>"
                      "<p>This database holds no runs yet. Run the quick demo to see the whole "
                      "comparison in about three minutes: it trains mono, cross, hybrid and "
                      "multitask batches on the bundled demo corpus and evaluates them beside the "
                      "untrained encoder and BM25. Or set up an experiment of your own. Runs that "
                      "<code>mtrec train</code> or <code>mtrec eval --db</code> write to this "
                      "file from a terminal appear here as they are written.</p>"),
                   this);
    title->setWordWrap(true);
    title->setTextFormat(Qt::RichText);

    auto* demoButton = new QPushButton(tr("Run the quick demo"), this);
    demoButton->setObjectName(QStringLiteral("runQuickDemo"));
    demoButton->setDefault(true);
    connect(demoButton, &QPushButton::clicked, this, &WelcomePage::quickDemoRequested);
    auto* experimentButton = new QPushButton(tr("New experiment…"), this);
    experimentButton->setObjectName(QStringLiteral("newExperiment"));
    connect(experimentButton, &QPushButton::clicked, this, &WelcomePage::newExperimentRequested);
    auto* newButton = new QPushButton(tr("New database…"), this);
    auto* openButton = new QPushButton(tr("Open a database…"), this);
    connect(newButton, &QPushButton::clicked, this, &WelcomePage::newDatabaseRequested);
    connect(openButton, &QPushButton::clicked, this, &WelcomePage::openDatabaseRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(demoButton);
    buttons->addWidget(experimentButton);
    buttons->addWidget(newButton);
    buttons->addWidget(openButton);
    buttons->addStretch();

    recent_ = new QListWidget(this);
    recent_->setObjectName(QStringLiteral("recentDatabases"));
    recent_->setMaximumHeight(recent_->fontMetrics().height() * (8 + 1) + 8);
    connect(recent_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT recentDatabaseChosen(item->data(Qt::UserRole).toString());
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->addWidget(title);
    layout->addLayout(buttons);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(tr("Recent databases (double-click to open):"), this));
    layout->addWidget(recent_);
    layout->addStretch(1);
}

void WelcomePage::setRecentDatabases(const QStringList& paths) {
    recent_->clear();
    for (const QString& path : paths) {
        auto* item = new QListWidgetItem(path, recent_);
        item->setData(Qt::UserRole, path);
    }
}

}  // namespace mtrec::ui
