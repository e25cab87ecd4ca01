#pragma once
// Reference file names Rymmddnn (y = last digit of the year, GMT date, nn = sequence of the day) and the
// manual's rules for the next name. The one-digit year is read as a window (DECISIONS.md 8): a digit 1-4
// years ahead of today's (mod 10) is in the future, 5-9 ahead is in the past.
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace oas::exporter::delta {

struct ReferenceName {
    int yearDigit = 0;
    int month = 1;
    int day = 1;
    int sequence = 0;

    static std::optional<ReferenceName> parse(const QString &fileName);  // "R9061015"
    QString toString() const;
    QDate dateNear(const QDate &today) const;  // the full date, by the year window
};

// The name for a new reference file. previous: the base file's name (may be in another format or empty);
// existing: names of files already in the reference directory.
QString nextReferenceName(const QString &previous, const QStringList &existing, const QDate &todayUtc);
// Reference files in a directory, newest first (by date through the year window, then sequence).
QStringList referenceFilesIn(const QString &directory, const QDate &todayUtc);

}  // namespace oas::exporter::delta
