#pragma once
// [EncryptedAttributes]: the listed attributes' values arrive in the encrypted form (odbc-agent secret
// encrypt) and are decrypted before use. The decrypted values are handed back so that everything shown
// about the record (trace, exceptions comments, step view) can hide them; the exceptions file keeps the
// record as supplied, i.e. encrypted.
#include "RecordEvents.h"

#include "../config/AgentConfig.h"
#include "../datafile/DataFormat.h"
#include "../run/JobObserver.h"
#include "../secrets/Cipher.h"

#include <optional>

namespace oas::importer {

class AttributeDecryption {
public:
    AttributeDecryption() = default;  // nothing to decrypt
    AttributeDecryption(const config::EncryptedAttributesSection &section, secrets::Key key);
    bool active() const { return m_key.has_value(); }
    // Decrypts the listed attributes' non-empty values in place and returns them. A value that is not in the
    // encrypted form or does not decrypt becomes a problem of the record (which then fails), naming the
    // attribute and why, never the value.
    QStringList apply(datafile::Record &record) const;

private:
    QStringList m_names;
    std::optional<secrets::Key> m_key;
};

// The decryption an import run uses: none without [EncryptedAttributes] or when decryption is off (-Enc
// ADMIN_PW: only the password is protected); otherwise the key from keySource. nullopt with *error when the
// key cannot be had.
std::optional<AttributeDecryption> prepareDecryption(const config::AgentConfig &config, bool decrypt,
                                                     const QString &keySource, QString *error);

// The record as shown, with the given secrets replaced by ***.
Outcome redacted(Outcome outcome, const QStringList &secrets);
void redact(run::RecordStep &step, const QStringList &secrets);

}  // namespace oas::importer
