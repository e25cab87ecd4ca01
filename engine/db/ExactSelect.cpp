#include "ExactSelect.h"

#include "SqlTypes.h"
#include "Statement.h"
#include "ValueRead.h"

#include <QLocale>

#include <cstring>

#include <sql.h>
#include <sqlext.h>

namespace oas::db {

namespace {

bool isDateTimeType(int t)
{
    return t == SQL_TYPE_DATE || t == SQL_TYPE_TIME || t == SQL_TYPE_TIMESTAMP || t == SQL_DATE || t == SQL_TIME
           || t == SQL_TIMESTAMP;
}

bool isFloatType(int t)
{
    return t == SQL_REAL || t == SQL_FLOAT || t == SQL_DOUBLE;
}

// The top-level parts of sql outside quotes, brackets and parentheses: where each top-level occurrence of
// word (case-insensitive, as a whole word) starts; -1 for none.
QList<qsizetype> topLevel(const QString &sql, QLatin1String word)
{
    const bool wholeWord = word.size() > 0 && QChar(word.front()).isLetter();
    QList<qsizetype> at;
    int depth = 0;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('[')) {
            const QChar close = c == QLatin1Char('[') ? QLatin1Char(']') : c;
            const qsizetype end = sql.indexOf(close, i + 1);
            if (end < 0)
                return {};
            i = end;
        } else if (c == QLatin1Char('(')) {
            ++depth;
        } else if (c == QLatin1Char(')')) {
            --depth;
        } else if (depth == 0 && sql.mid(i, word.size()).compare(word, Qt::CaseInsensitive) == 0
                   && (!wholeWord || ((i == 0 || !sql.at(i - 1).isLetterOrNumber())
                                      && (i + word.size() >= sql.size() || !sql.at(i + word.size()).isLetterOrNumber())))) {
            at.append(i);
        }
    }
    return at;
}

// SQLite runs a CTE whose query has an ORDER BY as a co-routine (each row copied once more: the ordered
// export took half as long again). A trailing ORDER BY of the export's own form - terms that are items of
// its select list - moves to the outer query as the CTE's column names (c1, ...), which keep the values and
// collations; nullopt when the statement is not of that form (then it stays inside, slower but right).
struct MovedOrder {
    QString inner;  // sql without the ORDER BY
    QString order;  // " ORDER BY c2, c1"
};
std::optional<MovedOrder> moveOrderBy(const QString &sql)
{
    const QList<qsizetype> orders = topLevel(sql, QLatin1String("ORDER"));
    const QList<qsizetype> froms = topLevel(sql, QLatin1String("FROM"));
    if (orders.size() != 1 || froms.isEmpty() || !sql.trimmed().startsWith(QLatin1String("SELECT "), Qt::CaseInsensitive))
        return std::nullopt;
    const qsizetype orderAt = orders.first();
    QString tail = sql.mid(orderAt + 5).trimmed();
    if (!tail.startsWith(QLatin1String("BY "), Qt::CaseInsensitive))
        return std::nullopt;
    tail = tail.mid(3);
    const qsizetype selectAt = sql.indexOf(QLatin1String("SELECT "), 0, Qt::CaseInsensitive) + 7;
    QStringList items;
    const QString list = sql.mid(selectAt, froms.first() - selectAt);
    qsizetype start = 0;
    for (qsizetype comma : topLevel(list, QLatin1String(","))) {
        items.append(list.mid(start, comma - start).trimmed());
        start = comma + 1;
    }
    items.append(list.mid(start).trimmed());
    QStringList order;
    start = 0;
    QList<qsizetype> commas = topLevel(tail, QLatin1String(","));
    commas.append(tail.size());
    for (qsizetype comma : commas) {
        const QString term = tail.mid(start, comma - start).trimmed();
        start = comma + 1;
        const qsizetype index = items.indexOf(term);
        if (term.isEmpty() || index < 0 || items.lastIndexOf(term) != index)
            return std::nullopt;
        order.append(QStringLiteral("c%1").arg(index + 1));
    }
    return MovedOrder{sql.left(orderAt).trimmed(), QStringLiteral(" ORDER BY ") + order.join(QStringLiteral(", "))};
}

}  // namespace

bool driverConverts(int t)
{
    return isDateTimeType(t) || isFloatType(t) || t == SQL_GUID;
}

namespace {

// SQLite 3.40's printf is off in the 17th digit for some values (the largest double comes out as
// 1.7976931348623156e+308): the 17 digits are used where SQLite reads them back as the same REAL, else 18.
// Infinities as 9e999, which SQLite reads back as the same REAL ("Inf" would stay text).
QString sqliteRealText(const QString &n)
{
    return QStringLiteral("(CASE WHEN %1 = 9e999 THEN '9e999' WHEN %1 = -9e999 THEN '-9e999' "
                          "WHEN CAST(printf('%!.17g', %1) AS REAL) = %1 THEN printf('%!.17g', %1) "
                          "ELSE printf('%!.18g', %1) END)").arg(n);
}

// Whether SQLite gives a column of this declared type TEXT affinity (its rules, in their order): such a
// column holds only texts, BLOBs and NULLs, numbers being turned into text when stored.
bool textAffinity(const QString &declaredType)
{
    const QString t = declaredType.toUpper();
    return !t.contains(QLatin1String("INT"))
           && (t.contains(QLatin1String("CHAR")) || t.contains(QLatin1String("CLOB")) || t.contains(QLatin1String("TEXT")));
}

// A column of SQLite as text that says what is stored. A REAL, a BLOB in a column that is not binary and
// anything but a BLOB in a binary one start with the byte 0xFF (never the first byte of UTF-8 text), their
// storage class and a blank; integers and texts where they belong come as they are, BLOBs in a binary column
// as hex digits. Cheap tests first, as they run for every value: in SQLite's order of values (numbers <
// texts < BLOBs), c >= x'' holds for BLOBs alone and c < '' for numbers alone; typeof() only for numbers
// (a typeof() on every value, or a check of every text, makes SQLite take half as long again or twice).
QString sqliteColumn(const QString &n, bool binary, bool text)
{
    const QString mark = QStringLiteral("CAST(x'ff' AS TEXT)");
    const QString real = QStringLiteral("%1 || 'real ' || %2").arg(mark, sqliteRealText(n));
    if (binary)
        return QStringLiteral("CASE WHEN %1 >= x'' THEN lower(hex(%1)) WHEN %1 IS NULL THEN NULL WHEN typeof(%1) = 'real' THEN %2 "
                              "ELSE %3 || typeof(%1) || ' ' || %1 END").arg(n, real, mark);
    const QString blob = QStringLiteral("WHEN %1 >= x'' THEN %2 || 'blob ' || lower(hex(%1)) ").arg(n, mark);
    if (text)
        return QStringLiteral("CASE %1ELSE %2 END").arg(blob, n);
    return QStringLiteral("CASE WHEN %1 < '' THEN (CASE WHEN typeof(%1) = 'real' THEN %2 ELSE %1 END) %3ELSE %1 END").arg(n, real, blob);
}

}  // namespace

ExactSelect exactSelect(const Connection &connection, const QString &sql)
{
    ExactSelect exact;
    const bool postgres = connection.info().isPostgreSql();
    const bool sqlite = connection.info().isSqlite();
    const bool mariadb = connection.info().isMariaDb();
    QString ignored;  // a statement that cannot be described is run as it is, and fails there with its block
    if ((!postgres && !sqlite && !mariadb) || !describeQuery(connection, sql, &exact.columns, &ignored) || exact.columns.isEmpty())
        return {};
    const qsizetype n = exact.columns.size();
    exact.asText.assign(size_t(n), sqlite);
    exact.sqliteMarks = sqlite;
    QStringList names;
    QStringList outer;
    bool rewritten = sqlite;
    for (qsizetype i = 0; i < n; ++i) {
        const int type = exact.columns.at(i).sqlType;
        const QString name = QStringLiteral("c%1").arg(i + 1);
        names.append(name);
        if (sqlite) {
            outer.append(sqliteColumn(name, isBinaryType(type), textAffinity(exact.columns.at(i).typeName)));
        } else if (driverConverts(type) || (mariadb && exact.columns.at(i).typeName.compare(QLatin1String("YEAR"), Qt::CaseInsensitive) == 0)) {
            // (MariaDB's YEAR is a number to the driver: the year 0000 would come out as 0, which MariaDB reads
            // back as 2000.)
            // 64 characters hold every date / time / timestamp (with offset and era), double and uuid text.
            outer.append(QString::fromLatin1(mariadb ? "CAST(%1 AS CHAR(64))" : "CAST(%1 AS VARCHAR(64))").arg(name));
            exact.asText[size_t(i)] = true;
            rewritten = true;
        } else {
            outer.append(name);
        }
    }
    if (!rewritten)
        return exact;
    const QString list = names.join(QStringLiteral(", "));
    if (postgres) {
        exact.sql = QStringLiteral("SELECT %1 FROM (%2) AS exact(%3)").arg(outer.join(QStringLiteral(", ")), withoutTrailingSemicolons(sql), list);
        return exact;
    }
    // SQLite, and MariaDB (no column names for a derived table; an ORDER BY inside a CTE may be dropped):
    // a CTE, the ORDER BY moved out where it can be.
    const QString inner = withoutTrailingSemicolons(sql);
    const std::optional<MovedOrder> moved = moveOrderBy(inner);
    exact.sql = QStringLiteral("WITH exact(%3) AS (%2) SELECT %1 FROM exact%4")
                    .arg(outer.join(QStringLiteral(", ")), moved ? moved->inner : inner, list, moved ? moved->order : QString());
    return exact;
}

void shortestRealText(QString &text)
{
    bool ok = false;
    const double d = text.toDouble(&ok);
    if (ok)
        text = QString::number(d, 'g', QLocale::FloatingPointShortest);
}

std::optional<QString> sqliteStoredValue(QByteArrayView bytes, bool binaryColumn, const QString &columnType, QString &value)
{
    // The mark as exactSelect writes it: the byte 0xFF, a storage class, a blank, then a REAL's digits or a
    // BLOB's hex digits; else a text that starts with the byte 0xFF (not UTF-8). Most values have no 0xFF.
    const bool flagged = !bytes.isEmpty() && uchar(bytes.front()) == 0xFF;
    const qsizetype blank = flagged ? bytes.indexOf(' ') : -1;
    const QByteArrayView kind = blank > 0 ? bytes.sliced(1, blank - 1) : QByteArrayView();
    auto all = [&](const char *allowed) {
        for (char c : bytes.sliced(blank + 1))
            if (!std::strchr(allowed, c) || c == 0)
                return false;
        return true;
    };
    const bool marked = blank > 0
                        && ((kind == "real" && all("0123456789.e+-")) || (kind == "blob" && !binaryColumn && all("0123456789abcdef"))
                            || (binaryColumn && (kind == "integer" || kind == "text")));
    if (!marked) {
        // As it is: an integer or text in any column, or a BLOB's hex digits in a binary one.
        if (!setUtf8Checked(value, bytes))
            return QStringLiteral("a text that is not valid UTF-8 is written with U+FFFD in place of the bytes that are not");
        return std::nullopt;
    }
    setUtf8Checked(value, bytes.sliced(blank + 1));  // digits, ASCII
    if (kind == "real")
        shortestRealText(value);
    if (binaryColumn) {
        value = QString::fromLatin1(value.toUtf8().toHex());
        return QStringLiteral("%1 %2 stored in a %3 column is written as the hex digits of its text; an import "
                              "stores them as a BLOB").arg(kind == "integer" ? QStringLiteral("an") : QStringLiteral("a"),
                                                           QString::fromLatin1(kind).toUpper(), columnType);
    }
    if (kind == "blob")
        return QStringLiteral("a BLOB stored in a %1 column is written as hex digits; an import stores them as text").arg(columnType);
    return std::nullopt;  // a REAL
}

}  // namespace oas::db
