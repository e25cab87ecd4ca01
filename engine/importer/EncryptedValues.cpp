#include "EncryptedValues.h"

#include "../secrets/Redact.h"
#include "../secrets/SecretFile.h"
#include "../secrets/SecretValue.h"

namespace oas::importer {

AttributeDecryption::AttributeDecryption(const config::EncryptedAttributesSection &section, secrets::Key key)
    : m_key(std::move(key))
{
    for (const config::NameRef &ref : section.attributes)
        m_names.append(ref.name);
}

QStringList AttributeDecryption::apply(datafile::Record &record) const
{
    QStringList decrypted;
    if (!m_key)
        return decrypted;
    for (datafile::Attribute &a : record.attributes) {
        if (a.value.isEmpty() || !m_names.contains(a.name, Qt::CaseInsensitive))
            continue;
        const secrets::Written w = secrets::parseWritten(a.value);
        const int line = a.line ? a.line : record.line;
        if (w.form != secrets::Form::Encrypted) {
            record.problems.append({line, QStringLiteral("%1 is an encrypted attribute ([EncryptedAttributes]) but its value "
                                                         "is not in the encrypted form (encrypted:..., made by odbc-agent "
                                                         "secret encrypt)").arg(a.name)});
            a.value.clear();
            continue;
        }
        const secrets::Decrypted d = secrets::decrypt(*m_key, w.payload);
        if (!d.value) {
            record.problems.append({line, QStringLiteral("%1 cannot be decrypted: %2").arg(a.name, d.error)});
            a.value.clear();
            continue;
        }
        a.value = *d.value;
        secrets::addSecret(decrypted, a.value);
    }
    return decrypted;
}

std::optional<AttributeDecryption> prepareDecryption(const config::AgentConfig &config, bool decrypt,
                                                     const QString &keySource, QString *error)
{
    if (!decrypt || config.encryptedAttributes.attributes.isEmpty())
        return AttributeDecryption();
    const std::optional<secrets::Key> key =
        secrets::loadKey(keySource.isEmpty() ? secrets::defaultKeySource() : keySource, error);
    if (!key) {
        *error = QStringLiteral("cannot decrypt the attributes of [EncryptedAttributes]\n") + *error;
        return std::nullopt;
    }
    return AttributeDecryption(config.encryptedAttributes, *key);
}

Outcome redacted(Outcome outcome, const QStringList &secrets)
{
    for (Event &e : outcome.events)
        e.lines = secrets::redact(e.lines, secrets);
    return outcome;
}

void redact(run::RecordStep &step, const QStringList &secrets)
{
    step.summary = secrets::redact(step.summary, secrets);
    step.attributes = secrets::redact(step.attributes, secrets);
    step.events = secrets::redact(step.events, secrets);
    step.statements = secrets::redact(step.statements, secrets);
    for (QStringList &row : step.rowsBefore)
        row = secrets::redact(row, secrets);
    for (QStringList &row : step.rowsAfter)
        row = secrets::redact(row, secrets);
}

}  // namespace oas::importer
