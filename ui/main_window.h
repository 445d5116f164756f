#pragma once

#include <QMainWindow>

namespace mtrec::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

}  // namespace mtrec::ui
