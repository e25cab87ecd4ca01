#pragma once
// The desktop keychain (QtKeychain: the Secret Service, KWallet) for keychain:NAME passwords. The engine
// has no keychain: the Studio reads the entries a configuration names before it starts a job and hands
// them over (run::SecretSettings::keychain). Calls wait for the keychain with a nested event loop, at
// most timeoutMs; without a keychain (a server, no D-Bus session) they fail with a message that names the
// other forms.
#include "config/AgentConfig.h"

#include <QHash>
#include <QStringList>

namespace oas::ui {

bool keychainBuiltIn();  // built with QtKeychain
QString keychainService();  // the service name entries are stored under

struct KeychainRead {
    QHash<QString, QString> values;
    QString error;  // empty when every name was read
};
KeychainRead readKeychain(const QStringList &names, int timeoutMs = 10000);
QString writeKeychain(const QString &name, const QString &secret, int timeoutMs = 10000);  // the error, or empty

// The keychain: names that User= / Password= use.
QStringList keychainNames(const config::Setting<QString> &user, const config::Setting<QString> &password);

}  // namespace oas::ui
