#include "ValueText.h"

#include "../db/SqlTypes.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QTime>

namespace oas::exporter {

QString valueText(const QVariant &value, int sqlType)
{
    switch (value.metaType().id()) {
    case QMetaType::QDate: return value.toDate().toString(QStringLiteral("yyyy-MM-dd"));
    case QMetaType::QTime: return value.toTime().toString(QStringLiteral("hh:mm:ss"));
    case QMetaType::QDateTime: {
        const QDateTime dt = value.toDateTime();
        return dt.toString(dt.time().msec() ? QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz") : QStringLiteral("yyyy-MM-dd hh:mm:ss"));
    }
    case QMetaType::Bool: return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    case QMetaType::Double: return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QMetaType::Float: return QString::number(value.toFloat(), 'g', QLocale::FloatingPointShortest);
    case QMetaType::QByteArray:
        if (db::isBinaryType(sqlType))
            return QString::fromLatin1(value.toByteArray().toHex());
        return QString::fromUtf8(value.toByteArray());
    default: break;
    }
    if (db::isBooleanType(sqlType)) {
        const QString t = value.toString();
        if (t.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 || t == QLatin1String("1"))
            return QStringLiteral("1");
        if (t.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0 || t == QLatin1String("0"))
            return QStringLiteral("0");
    }
    return value.toString();
}

}  // namespace oas::exporter
