#pragma once
// Helpers shared by the test suites: building configs from snippets and reading diagnostics back.
#include "config/ConfigParser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace oas::test {

// The seed of a property test: OAS_SEED when set (to repeat a run), else a random one; printed either way.
inline quint32 propertySeed()
{
    const quint32 seed = qEnvironmentVariableIsSet("OAS_SEED") ? quint32(qEnvironmentVariableIntValue("OAS_SEED"))
                                                                : QRandomGenerator::global()->generate();
    qInfo("seed %u (OAS_SEED=%u repeats it)", seed, seed);
    return seed;
}

// A valid base configuration of 9 lines; a snippet appended to it starts at line 10.
inline QString baseConfig(const QString &version = QStringLiteral("1.06"))
{
    return QStringLiteral("[version]\n"
                          "Version=%1\n"
                          "[attributes]\n"
                          "GN=Employees.FirstName\n"
                          "SN=Employees.LastName\n"
                          "T=Employees.Title\n"
                          "EID=Employees.EmployeeID\n"
                          "[database]\n"
                          "DSN=Northwind\n")
        .arg(version);
}

inline config::ParseResult parse(const QString &text, config::Operation op = config::Operation::Any)
{
    return config::parseConfig(text.toUtf8(), config::ParseOptions{op, QStringLiteral("test.ini")});
}

// Every diagnostic in the manual's form, joined by newlines.
inline QString diagnosticsText(const config::ParseResult &result)
{
    QStringList parts;
    for (const config::Diagnostic &d : result.diagnostics)
        parts.append(d.toText());
    return parts.join(QLatin1Char('\n'));
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace oas::test
