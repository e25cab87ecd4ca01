#include "ValueRead.h"

#include "../exporter/ValueText.h"
#include "OdbcDiagnostics.h"
#include "SqlTypes.h"

#include <QDate>
#include <QStringDecoder>
#include <QDateTime>
#include <QTime>

#include <cstring>

#include <sql.h>
#include <sqlext.h>

namespace oas::db {

static_assert(sizeof(SQLWCHAR) == sizeof(char16_t), "unixODBC SQLWCHAR is UTF-16");

namespace {

bool isAscii(const char *p, qsizetype n)
{
    qsizetype i = 0;
    for (; i + 8 <= n; i += 8) {
        quint64 word;
        std::memcpy(&word, p + i, 8);
        if (word & 0x8080808080808080ULL)
            return false;
    }
    for (; i < n; ++i) {
        if (uchar(p[i]) & 0x80)
            return false;
    }
    return true;
}

}  // namespace

namespace {

// bytes decoded as the whole of text (UTF-16 never needs more units than UTF-8 has bytes); false when some
// were not UTF-8 (U+FFFD in their place).
bool decode(QString &text, const char *bytes, qsizetype size)
{
    text.resize(size);
    if (isAscii(bytes, size)) {
        char16_t *out = reinterpret_cast<char16_t *>(text.data());
        for (qsizetype i = 0; i < size; ++i)
            out[i] = uchar(bytes[i]);
        return true;
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    const QChar *end = utf8.appendToBuffer(text.data(), QByteArrayView(bytes, size));
    text.truncate(end - text.constData());
    return !utf8.hasError();
}

}  // namespace

void setUtf8(QString &text, const char *bytes, qsizetype size)
{
    decode(text, bytes, size);
}

bool setUtf8Checked(QString &text, QByteArrayView bytes)
{
    return decode(text, bytes.data(), bytes.size());
}

QString withoutTrailingSemicolons(const QString &sql)
{
    QString inner = sql.trimmed();
    while (inner.endsWith(QLatin1Char(';')))
        inner = inner.chopped(1).trimmed();
    return inner;
}

std::vector<char16_t> wideText(const QString &text)
{
    std::vector<char16_t> wide(text.utf16(), text.utf16() + text.size());
    wide.push_back(0);
    return wide;
}

bool describeColumn(void *stmt, int number, ColumnInfo *info)
{
    SQLWCHAR name[256] = {};
    SQLSMALLINT nameLength = 0;
    SQLSMALLINT type = 0;
    SQLULEN size = 0;
    SQLSMALLINT digits = 0;
    SQLSMALLINT nullable = SQL_NULLABLE_UNKNOWN;
    if (!SQL_SUCCEEDED(SQLDescribeColW(stmt, SQLUSMALLINT(number), name, 255, &nameLength, &type, &size, &digits, &nullable)))
        return false;
    info->name = QString::fromUtf16(reinterpret_cast<const char16_t *>(name), std::min<int>(nameLength, 255));
    info->sqlType = type;
    info->size = qint64(size);
    info->decimalDigits = digits;
    info->nullable = nullable != SQL_NO_NULLS;
    info->typeName = columnTypeName(stmt, number);
    SQLLEN unsignedColumn = SQL_FALSE;
    if (type == SQL_TINYINT || type == SQL_SMALLINT || type == SQL_INTEGER || type == SQL_BIGINT)
        info->isUnsigned = SQL_SUCCEEDED(SQLColAttributeW(stmt, SQLUSMALLINT(number), SQL_DESC_UNSIGNED, nullptr, 0, nullptr, &unsignedColumn))
                           && unsignedColumn == SQL_TRUE;
    return true;
}

QString columnTypeName(void *stmt, int number)
{
    SQLWCHAR buffer[64] = {};
    SQLSMALLINT bytes = 0;
    if (!SQL_SUCCEEDED(SQLColAttributeW(stmt, SQLUSMALLINT(number), SQL_DESC_TYPE_NAME, buffer, sizeof buffer, &bytes, nullptr)))
        return {};
    return QString::fromUtf16(reinterpret_cast<const char16_t *>(buffer), qsizetype(std::min<size_t>(size_t(bytes) / 2, 63)));
}

short cTypeForColumn(int sqlType, bool utf8Text)
{
    switch (sqlType) {
    case SQL_TYPE_DATE:
    case SQL_DATE: return SQL_C_TYPE_DATE;
    case SQL_TYPE_TIME:
    case SQL_TIME: return SQL_C_TYPE_TIME;
    case SQL_TYPE_TIMESTAMP:
    case SQL_TIMESTAMP: return SQL_C_TYPE_TIMESTAMP;
    case SQL_INTEGER:
    case SQL_SMALLINT:
    case SQL_TINYINT: return SQL_C_SBIGINT;
    // SQL_BIGINT comes as text: MariaDB's BIGINT UNSIGNED goes up to 18446744073709551615.
    case SQL_REAL:
    case SQL_FLOAT:
    case SQL_DOUBLE: return SQL_C_DOUBLE;
    default:
        // Character data, decimals as exact text, bits as 0/1; binary data as bytes.
        return isBinaryType(sqlType) ? SQL_C_BINARY : utf8Text ? SQL_C_CHAR : SQL_C_WCHAR;
    }
}

bool isFixedSizeCType(short cType)
{
    return cType == SQL_C_TYPE_DATE || cType == SQL_C_TYPE_TIME || cType == SQL_C_TYPE_TIMESTAMP
           || cType == SQL_C_SBIGINT || cType == SQL_C_DOUBLE;
}

QString fixedValueText(short cType, int sqlType, const char *p)
{
    switch (cType) {
    case SQL_C_TYPE_DATE: {
        const auto *d = reinterpret_cast<const SQL_DATE_STRUCT *>(p);
        return exporter::valueText(QDate(d->year, d->month, d->day), sqlType);
    }
    case SQL_C_TYPE_TIME: {
        const auto *t = reinterpret_cast<const SQL_TIME_STRUCT *>(p);
        return exporter::valueText(QTime(t->hour, t->minute, t->second), sqlType);
    }
    case SQL_C_TYPE_TIMESTAMP: {
        const auto *t = reinterpret_cast<const SQL_TIMESTAMP_STRUCT *>(p);
        return exporter::valueText(QDateTime(QDate(t->year, t->month, t->day),
                                             QTime(t->hour, t->minute, t->second, int(t->fraction / 1000000))),
                                   sqlType);
    }
    case SQL_C_SBIGINT: return QString::number(*reinterpret_cast<const SQLBIGINT *>(p));
    default: return exporter::valueText(*reinterpret_cast<const SQLDOUBLE *>(p), sqlType);  // SQL_C_DOUBLE
    }
}

bool readColumnValue(void *stmt, int number, short cType, int sqlType, std::optional<QString> &value,
                     QString *errorBlock)
{
    auto failure = [&] {
        *errorBlock = formatBlock(QStringLiteral("SQLGetData failure"), readDiagnostics(HandleKind::Statement, stmt));
        return false;
    };
    if (isFixedSizeCType(cType)) {  // one call into a small buffer
        alignas(8) char buffer[64] = {};
        SQLLEN indicator = 0;
        if (!SQL_SUCCEEDED(SQLGetData(stmt, SQLUSMALLINT(number), cType, buffer, sizeof buffer, &indicator)))
            return failure();
        if (indicator == SQL_NULL_DATA)
            value.reset();
        else
            value = fixedValueText(cType, sqlType, buffer);
        return true;
    }
    std::optional<QByteArray> bytes;
    if (!readColumnBytes(stmt, number, cType, bytes, errorBlock))
        return false;
    if (!bytes)
        value.reset();
    else if (cType == SQL_C_BINARY)
        value = QString::fromLatin1(bytes->toHex());
    else if (cType == SQL_C_WCHAR)
        value = QString::fromUtf16(reinterpret_cast<const char16_t *>(bytes->constData()), bytes->size() / 2);
    else
        value = exporter::valueText(QString::fromUtf8(*bytes), sqlType);
    return true;
}

bool readColumnBytes(void *stmt, int number, short cType, std::optional<QByteArray> &bytes, QString *errorBlock)
{
    // Long data in pieces: text is NUL-terminated in each piece, binary is not.
    bytes.emplace();
    char buffer[8192];
    const int terminator = cType == SQL_C_BINARY ? 0 : cType == SQL_C_WCHAR ? int(sizeof(SQLWCHAR)) : 1;
    for (;;) {
        SQLLEN indicator = 0;
        const SQLRETURN rc = SQLGetData(stmt, SQLUSMALLINT(number), cType, buffer, sizeof buffer, &indicator);
        if (rc == SQL_NO_DATA)
            break;
        if (!SQL_SUCCEEDED(rc)) {
            *errorBlock = formatBlock(QStringLiteral("SQLGetData failure"), readDiagnostics(HandleKind::Statement, stmt));
            return false;
        }
        if (indicator == SQL_NULL_DATA) {
            bytes.reset();
            return true;
        }
        const bool more = rc == SQL_SUCCESS_WITH_INFO && (indicator == SQL_NO_TOTAL || indicator > SQLLEN(sizeof buffer) - terminator);
        bytes->append(buffer, more ? qsizetype(sizeof buffer) - terminator : qsizetype(indicator));
        if (!more)
            break;
    }
    return true;
}

}  // namespace oas::db
