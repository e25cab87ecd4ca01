#include "Redact.h"

namespace oas::secrets {

QString redact(QString text, const QStringList &secrets)
{
    for (const QString &s : secrets) {
        if (s.size() >= MinimumLength && text.contains(s))  // replace() builds a matcher even when nothing matches
            text.replace(s, QStringLiteral("***"));
    }
    return text;
}

QStringList redact(QStringList lines, const QStringList &secrets)
{
    for (QString &line : lines)
        line = redact(line, secrets);
    return lines;
}

void addSecret(QStringList &secrets, const QString &secret)
{
    if (secret.size() < MinimumLength || secrets.contains(secret))
        return;
    secrets.append(secret);
    // As SQL literals show it (the step view's bound values): quotes doubled.
    if (secret.contains(QLatin1Char('\'')))
        secrets.append(QString(secret).replace(QLatin1Char('\''), QLatin1String("''")));
    // Longest first: a secret that contains another is replaced whole.
    std::sort(secrets.begin(), secrets.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

}  // namespace oas::secrets
