#pragma once
// Keeping secrets out of text that is shown or written: every occurrence of a secret becomes "***".
// Secrets shorter than MinimumLength are left alone (replacing every "a" of a trace would hide everything
// and protect nothing).
#include <QStringList>

namespace oas::secrets {

inline constexpr int MinimumLength = 3;

QString redact(QString text, const QStringList &secrets);
QStringList redact(QStringList lines, const QStringList &secrets);
// Adds a secret to a list if it is long enough to be redacted and not in it yet, with its SQL-literal
// form (quotes doubled) when that differs.
void addSecret(QStringList &secrets, const QString &secret);

}  // namespace oas::secrets
