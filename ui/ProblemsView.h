#pragma once
// The Problems list: every diagnostic of the configuration being edited, in the manual's words; activating
// one jumps to its line.
#include "config/Diagnostic.h"

#include <QTreeWidget>

namespace oas::ui {

class ProblemsView : public QTreeWidget {
    Q_OBJECT
public:
    explicit ProblemsView(QWidget *parent = nullptr);
    void showDiagnostics(const config::Diagnostics &diagnostics);

signals:
    void lineActivated(int line, int column);
};

}  // namespace oas::ui
