#pragma once
// The credentials a job connects with, from what is written (-n / -p, else User= / Password= of [database])
// to the values, in any of the secret forms (secrets/SecretValue.h). Errors name where the value was
// written: "employees.ini line 7: Password: the environment variable PGPASS is not set".
#include "../config/AgentConfig.h"
#include "../db/ConnectionString.h"

#include <QHash>
#include <QStringList>

namespace oas::run {

struct SecretSettings {
    QString keySource;                 // for encrypted: values; empty: secrets::defaultKeySource()
    QHash<QString, QString> keychain;  // keychain: entries the Studio read beforehand
    QString encryptionMode;            // -Enc: with either mode the password must not be in clear or scrambled
};

struct JobCredentials {
    bool ok = false;
    db::Credentials credentials;  // the values
    QString error;
    QStringList audit;    // where each came from, never the value: "Password: env:PGPASS"
    QStringList secrets;  // the password: to be kept out of every output
};

JobCredentials resolveCredentials(const config::DatabaseSection &database, const QString &fileName,
                                  const db::Credentials &given, const SecretSettings &settings);
// The same for an agent configuration's [database].
inline JobCredentials resolveCredentials(const config::AgentConfig &config, const db::Credentials &given,
                                         const SecretSettings &settings)
{
    return resolveCredentials(config.database, config.fileName, given, settings);
}

}  // namespace oas::run
