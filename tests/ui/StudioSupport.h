#pragma once
// What the Studio's GUI tests share: settings kept in the test's own folder, and a main window shown with a
// workspace and one of its files open.
#include "MainWindow.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTest>

namespace oas::test {

inline void isolateSettings(const QString &folder)
{
    QCoreApplication::setOrganizationName(QStringLiteral("oas-tests"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder + QStringLiteral("/settings"));
}

inline bool showWorkspaceFile(ui::MainWindow &w, const QString &workspace, const QString &path, QSize size = {1400, 900})
{
    w.resize(size);
    w.show();
    return QTest::qWaitForWindowExposed(&w) && w.openWorkspace(workspace) && w.openFile(path);
}

}  // namespace oas::test
