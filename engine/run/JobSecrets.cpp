#include "JobSecrets.h"

#include "../secrets/Redact.h"
#include "../secrets/SecretValue.h"

#include <QDir>
#include <QFileInfo>

namespace oas::run {

namespace {

struct Source {
    QString where;  // "-p" or "employees.ini line 7"
    QString field;  // "User" / "Password"
    QString written;
    QString baseDir;
};

// -n / -p, else the [database] field.
std::optional<Source> sourceOf(const QString &fileName, const std::optional<QString> &given,
                               const config::Setting<QString> &setting, const QString &option, const QString &field)
{
    if (given)
        return Source{option, field, *given, QDir::currentPath()};
    if (!setting.present)
        return std::nullopt;
    const QFileInfo file(fileName);
    return Source{QStringLiteral("%1 line %2").arg(file.fileName()).arg(setting.pos.line), field, setting.value,
                  file.absolutePath()};
}

}  // namespace

JobCredentials resolveCredentials(const config::DatabaseSection &database, const QString &fileName,
                                  const db::Credentials &given, const SecretSettings &settings)
{
    JobCredentials r;
    const std::optional<Source> sources[2] = {
        sourceOf(fileName, given.user, database.user, QStringLiteral("-n"), QStringLiteral("User")),
        sourceOf(fileName, given.password, database.password, QStringLiteral("-p"), QStringLiteral("Password"))};
    for (int i = 0; i < 2; ++i) {
        if (!sources[i])
            continue;
        const Source &s = *sources[i];
        const secrets::Written written = secrets::parseWritten(s.written);
        const bool isPassword = i == 1;
        if (isPassword && !settings.encryptionMode.isEmpty() && !secrets::isProtected(written.form)) {
            r.error = QStringLiteral("%1: %2: -Enc %3 needs a protected password, but it is written %4; give it "
                                     "encrypted (odbc-agent secret encrypt), as env:NAME or as file:PATH")
                          .arg(s.where, s.field, settings.encryptionMode,
                               written.form == secrets::Form::Plain ? QStringLiteral("in clear")
                                                                    : QStringLiteral("scrambled (which is not protection)"));
            return r;
        }
        secrets::Resolver local(settings.keySource, s.baseDir);
        local.setKeychainValues(settings.keychain);
        const secrets::Resolved v = local.resolve(s.written);
        if (!v.value) {
            r.error = QStringLiteral("%1: %2: %3").arg(s.where, s.field, v.error);
            return r;
        }
        (isPassword ? r.credentials.password : r.credentials.user) = *v.value;
        r.audit.append(QStringLiteral("%1 (%2): %3").arg(s.field, s.where, v.origin));
        if (isPassword)
            secrets::addSecret(r.secrets, *v.value);
    }
    r.ok = true;
    return r;
}

}  // namespace oas::run
