#include "RecordCheck.h"

#include "DateValue.h"

#include "../db/SqlTypes.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>

#include <sql.h>
#include <sqlext.h>

namespace oas::importer {

namespace {

void addIfAny(CheckedRecord &r, Event::Kind kind, const QString &title, const QStringList &names, bool toExceptions = false)
{
    if (names.isEmpty())
        return;
    r.events.append({kind, QStringList{title} + names, false, toExceptions});
    if (kind == Event::Kind::Error)
        r.failed = true;
}

// Why a value cannot be a number of the column's type, where the database enforces it (PostgreSQL would
// refuse it with a message that does not name the attribute); empty when it can.
QString numberProblem(const db::ColumnInfo &column, const QString &value)
{
    static const QRegularExpression integer(QStringLiteral("^[+-]?[0-9]+$"));
    static const QRegularExpression decimal(QStringLiteral("^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$"));
    static const QRegularExpression special(QStringLiteral("^(NaN|[+-]?Infinity|[+-]?inf)$"), QRegularExpression::CaseInsensitiveOption);
    struct Range {
        int sqlType;
        qint64 low;
        qint64 high;
    };
    static const Range ranges[] = {{SQL_SMALLINT, -32768, 32767}, {SQL_INTEGER, -2147483648LL, 2147483647LL},
                                   {SQL_BIGINT, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()}};
    for (const Range &r : ranges) {
        if (column.sqlType != r.sqlType)
            continue;
        bool ok = false;
        if (column.isUnsigned) {  // MariaDB: SMALLINT UNSIGNED 0-65535, INT UNSIGNED 0-4294967295, ...
            const quint64 high = r.sqlType == SQL_BIGINT ? std::numeric_limits<quint64>::max() : quint64(r.high) * 2 + 1;
            const quint64 n = value.startsWith(QLatin1Char('+')) ? value.mid(1).toULongLong(&ok) : value.toULongLong(&ok);
            if (integer.match(value).hasMatch() && ok && n <= high)
                return {};
            return QStringLiteral("an integer from 0 to %1 expected").arg(high);
        }
        const qint64 n = value.toLongLong(&ok);
        if (integer.match(value).hasMatch() && ok && n >= r.low && n <= r.high)
            return {};
        return QStringLiteral("an integer from %1 to %2 expected").arg(r.low).arg(r.high);
    }
    const bool exact = column.sqlType == SQL_NUMERIC || column.sqlType == SQL_DECIMAL;
    const bool floating = column.sqlType == SQL_REAL || column.sqlType == SQL_FLOAT || column.sqlType == SQL_DOUBLE;
    if (!exact && !floating)
        return {};
    if (special.match(value).hasMatch())
        return {};
    // psqlODBC reports MONEY as a floating-point type: its text ("$1,234.56") is the server's to judge.
    if (floating)
        return decimal.match(value).hasMatch() && std::isinf(value.toDouble())
                   ? QStringLiteral("a number within the range of %1 expected").arg(db::sqlTypeName(column.sqlType))
                   : QString();
    return decimal.match(value).hasMatch() ? QString() : QStringLiteral("a number expected");
}

// Lengths are counted in characters (Unicode code points), the unit databases enforce, not in UTF-16
// units: a character outside the BMP (an emoji) is one character, and a cut never splits one.
qsizetype characterCount(const QString &value)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (!(value.at(i).isLowSurrogate() && i > 0 && value.at(i - 1).isHighSurrogate()))
            ++n;
    }
    return n;
}

// value cut after its first `characters` characters.
void truncateCharacters(QString &value, qsizetype characters)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i).isLowSurrogate() && i > 0 && value.at(i - 1).isHighSurrogate())
            continue;
        if (n++ == characters) {
            value.truncate(i);
            return;
        }
    }
}

void checkLength(CheckedRecord &r, const ImportAttribute &a, QString &value)
{
    const bool strict = a.naming || a.failIfTooBig;
    const qsizetype length = characterCount(value);
    if (a.maximum && length > *a.maximum) {
        const QString detail = QStringLiteral("%1: %2 characters, maximum %3").arg(a.abbreviation).arg(length).arg(*a.maximum);
        if (strict) {
            r.events.append(Event::error(QStringLiteral("error: value too long\n") + detail));
            r.failed = true;
        } else {
            r.events.append(Event::warning(QStringLiteral("warning: value truncated\n") + detail));
            truncateCharacters(value, *a.maximum);
        }
    } else if (a.minimum && length < *a.minimum) {
        const QString detail = QStringLiteral("%1: %2 characters, minimum %3").arg(a.abbreviation).arg(length).arg(*a.minimum);
        if (strict) {
            r.events.append(Event::error(QStringLiteral("error: value too short\n") + detail));
            r.failed = true;
        } else {
            r.events.append(Event::warning(QStringLiteral("warning: value padded with blanks\n") + detail));
            value += QString(*a.minimum - length, QLatin1Char(' '));
        }
    }
}

}  // namespace

CheckedRecord checkRecord(const datafile::Record &record, const ImportPlan &plan, const QString &changeTypeAttribute)
{
    CheckedRecord r;
    r.line = record.line;
    r.values.resize(size_t(plan.attributes().size()));
    r.emptyStrings.assign(size_t(plan.attributes().size()), false);
    for (const datafile::RecordProblem &p : record.problems) {
        r.events.append(Event::error(QStringLiteral("error: unreadable input\nline %1: %2").arg(p.line).arg(p.message)));
        r.failed = true;
    }
    QString rawChange;
    r.change = datafile::changeTypeOf(record, changeTypeAttribute, &rawChange);
    if (r.change == datafile::ChangeType::Invalid) {
        r.events.append(Event::error(QStringLiteral("error: invalid change type (add, modify or delete expected)\n%1: %2")
                                         .arg(changeTypeAttribute, rawChange)));
        r.failed = true;
    }
    QStringList unrecognized;
    QStringList repeated;
    bool changeSeen = false;
    for (const datafile::Attribute &a : record.attributes) {
        if (a.name.compare(changeTypeAttribute, Qt::CaseInsensitive) == 0) {
            if (changeSeen && !repeated.contains(a.name, Qt::CaseInsensitive))
                repeated.append(a.name);
            changeSeen = true;
            continue;
        }
        const int i = plan.indexOf(a.name);
        if (i < 0) {
            if (!unrecognized.contains(a.name))
                unrecognized.append(a.name);
            continue;
        }
        if (r.values[size_t(i)]) {
            if (!repeated.contains(a.name, Qt::CaseInsensitive))
                repeated.append(a.name);
            continue;  // the first value counts
        }
        r.values[size_t(i)] = a.value;
        r.emptyStrings[size_t(i)] = a.emptyString;
    }
    addIfAny(r, Event::Kind::Warning, QStringLiteral("warning: unrecognized attribute in import data file"), unrecognized);
    addIfAny(r, Event::Kind::Warning, QStringLiteral("warning: repeated attribute, first value used"), repeated, true);

    QStringList unset;
    QStringList emptyNaming;
    QStringList labelParts;
    for (int i : plan.namingOrder()) {
        const auto &v = r.values[size_t(i)];
        if (!v)
            unset.append(plan.at(i).abbreviation);
        else if (v->isEmpty() && !r.emptyString(size_t(i)))
            emptyNaming.append(plan.at(i).abbreviation);
        else
            labelParts.append(*v);
    }
    r.label = labelParts.join(QLatin1Char('/'));
    addIfAny(r, Event::Kind::Error, QStringLiteral("unset naming attributes"), unset);
    addIfAny(r, Event::Kind::Error, QStringLiteral("error: empty naming attribute"), emptyNaming);

    for (int i = 0; i < plan.attributes().size(); ++i) {
        const ImportAttribute &a = plan.at(i);
        auto &v = r.values[size_t(i)];
        if (!v || !(a.naming || a.modify || a.insertable))
            continue;
        if (v->isEmpty()) {
            if (!a.naming && !r.emptyString(size_t(i)))
                r.events.append(Event::warning(QStringLiteral("warning: empty import attribute\n") + a.abbreviation, true));
            continue;
        }
        if (a.described && (isDateColumn(a.column.sqlType) || isTimestampColumn(a.column.sqlType))) {
            const std::optional<QString> date = dateColumnText(*v, plan.dateFormat(), isTimestampColumn(a.column.sqlType),
                                                               plan.typesEnforced());
            if (!date) {
                r.events.append(Event::error(QStringLiteral("error: invalid date\n%1: %2 (expected %3 or {d 'YYYY-MM-DD'})")
                                                 .arg(a.abbreviation, *v, plan.dateFormat().text)));
                r.failed = true;
                continue;
            }
            *v = *date;
            continue;
        }
        if (a.described && plan.typesEnforced()) {
            if (const QString problem = numberProblem(a.column, *v); !problem.isEmpty()) {
                r.events.append(Event::error(QStringLiteral("error: invalid number\n%1: %2 (%3)").arg(a.abbreviation, v->left(80), problem)));
                r.failed = true;
                continue;
            }
        }
        if (a.described && db::isBinaryType(a.column.sqlType)) {
            // Binary data comes as hex digits, as the export writes it (DataFiles: bytea, BLOB).
            if (!db::isHexText(*v)) {
                r.events.append(Event::error(QStringLiteral("error: invalid binary value\n%1: %2 (an even number of hex digits expected)")
                                                 .arg(a.abbreviation, v->left(80))));
                r.failed = true;
            }
            continue;
        }
        checkLength(r, a, *v);
    }
    return r;
}

}  // namespace oas::importer
