#include "main_window.h"

namespace mtrec::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {}

}  // namespace mtrec::ui
