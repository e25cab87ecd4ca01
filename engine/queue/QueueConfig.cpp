#include "QueueConfig.h"

#include "../config/SourceText.h"

#include <QFile>
#include <QRegularExpression>

namespace oas::queue {

namespace {

bool isName(const QString &s)
{
    static const QRegularExpression form(QStringLiteral("^[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?$"));
    return form.match(s).hasMatch();
}

}  // namespace

QueueParse parseQueueConfig(const QString &fileName, const QByteArray &bytes)
{
    QueueParse r;
    r.config.fileName = fileName;
    auto error = [&](int line, const QString &message) {
        config::Diagnostic d;
        d.file = fileName;
        d.pos.line = line;
        d.message = message;
        r.diagnostics.append(d);
    };
    QString text = QString::fromUtf8(bytes);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    static const QRegularExpression header(QStringLiteral("^\\[\\s*([^\\]]*?)\\s*\\]$"));
    QString section;
    QueueTable *table = nullptr;
    for (int i = 0; i < lines.size(); ++i) {
        const int line = i + 1;
        const QString t = lines.at(i).trimmed();
        if (t.isEmpty() || t.startsWith(QLatin1Char('#')) || t.startsWith(QLatin1Char(';')))
            continue;
        if (const auto m = header.match(t); m.hasMatch()) {
            section = m.captured(1);
            table = nullptr;
            const QString lower = section.toLower();
            if (lower == QLatin1String("database")) {
                r.config.database.present = true;
            } else if (lower != QLatin1String("queue")) {
                if (!isName(section)) {
                    error(line, QStringLiteral("invalid table name [%1]").arg(section));
                    section.clear();
                    continue;
                }
                for (const QueueTable &other : r.config.tables) {
                    if (other.name.compare(section, Qt::CaseInsensitive) == 0)
                        error(line, QStringLiteral("table %1 is configured twice (first at line %2)").arg(section).arg(other.line));
                }
                r.config.tables.append({section, section, {}, {}, line});
                table = &r.config.tables.last();
            }
            continue;
        }
        const qsizetype eq = t.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            error(line, QStringLiteral("expected NAME=VALUE"));
            continue;
        }
        const QString key = t.left(eq).trimmed();
        const QString value = t.mid(eq + 1).trimmed();
        const config::SourcePos pos{line, 0, 0};
        auto is = [&](const char *name) { return key.compare(QLatin1String(name), Qt::CaseInsensitive) == 0; };
        const QString lower = section.toLower();
        if (section.isEmpty()) {
            error(line, QStringLiteral("%1 is outside a section").arg(key));
        } else if (lower == QLatin1String("database")) {
            if (is("User") || is("Password")) {
                config::Setting<QString> &s = is("User") ? r.config.database.user : r.config.database.password;
                s.value = value;
                s.present = true;
                s.pos = pos;
            } else {
                r.config.database.driverFields.append({key, value, pos});
            }
        } else if (lower == QLatin1String("queue")) {
            if (is("Schema") || is("TablePrefix")) {
                config::Setting<QString> &s = is("Schema") ? r.config.schema : r.config.prefix;
                if (!value.isEmpty() && !QRegularExpression(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$")).match(value).hasMatch())
                    error(line, QStringLiteral("invalid %1 %2: letters, digits and _ only").arg(key, value));
                s.value = value;
                s.present = true;
                s.pos = pos;
            } else {
                error(line, QStringLiteral("unknown field %1 in [queue], expected Schema or TablePrefix").arg(key));
            }
        } else if (table) {
            if (is("Key")) {
                table->keys = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
                for (QString &k : table->keys) {
                    k = k.trimmed();
                    if (!isName(k))
                        error(line, QStringLiteral("invalid key column %1").arg(k));
                }
            } else if (is("Changed")) {
                table->changed = value;
                if (!isName(value))
                    error(line, QStringLiteral("invalid change-timestamp column %1").arg(value));
            } else if (is("Source")) {
                table->source = value;
                if (!isName(value))
                    error(line, QStringLiteral("invalid source table %1").arg(value));
            } else {
                error(line, QStringLiteral("unknown field %1 in [%2], expected Key, Changed or Source").arg(key, table->name));
            }
        }
    }
    if (r.config.schema.present && r.config.prefix.present)
        error(r.config.prefix.pos.line, QStringLiteral("Schema and TablePrefix both given: the queue tables go to one or the other"));
    if (r.config.database.driverFields.isEmpty())
        error(0, QStringLiteral("no data source: [database] needs DSN= or DRIVER= and its fields"));
    if (r.config.tables.isEmpty())
        error(0, QStringLiteral("no tables: add a section per source table, e.g. [Customers] with Key=CustomerID"));
    for (const QueueTable &t : r.config.tables) {
        if (t.keys.isEmpty())
            error(t.line, QStringLiteral("table %1 has no Key= (the columns that identify a row)").arg(t.name));
    }
    return r;
}

QueueParse readQueueConfig(const QString &path)
{
    QString error;
    const std::optional<QByteArray> bytes = config::readBoundedFile(path, &error);
    if (!bytes) {
        QueueParse r;
        config::Diagnostic d;
        d.file = path;
        d.message = error;
        r.diagnostics.append(d);
        return r;
    }
    return parseQueueConfig(path, *bytes);
}

}  // namespace oas::queue
