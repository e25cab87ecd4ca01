#include "SecretValue.h"

#include "SecretFile.h"

namespace oas::secrets {

namespace {

struct Prefix {
    const char *word;
    Form form;
};
const Prefix kPrefixes[] = {
    {"scrambled:", Form::Scrambled}, {"encrypted:", Form::Encrypted}, {"env:", Form::Env},
    {"file:", Form::File},           {"keychain:", Form::Keychain},
};

}  // namespace

Written parseWritten(const QString &text)
{
    if (text.startsWith(QLatin1String("plain:")))
        return {Form::Plain, text.mid(6)};
    for (const Prefix &p : kPrefixes) {
        const QLatin1String word(p.word);
        if (text.startsWith(word))
            return {p.form, text.mid(word.size())};
    }
    return {Form::Plain, text};
}

QString formName(Form form)
{
    switch (form) {
    case Form::Plain: return QStringLiteral("plain");
    case Form::Scrambled: return QStringLiteral("scrambled");
    case Form::Encrypted: return QStringLiteral("encrypted");
    case Form::Env: return QStringLiteral("env");
    case Form::File: return QStringLiteral("file");
    case Form::Keychain: return QStringLiteral("keychain");
    }
    return {};
}

bool isProtected(Form form)
{
    return form == Form::Encrypted || form == Form::Env || form == Form::File || form == Form::Keychain;
}

Resolver::Resolver(QString keySource, QString baseDir)
    : m_keySource(keySource.isEmpty() ? defaultKeySource() : std::move(keySource)), m_baseDir(std::move(baseDir))
{
}

const Key *Resolver::key(QString *error)
{
    if (!m_keyTried) {
        m_keyTried = true;
        m_key = loadKey(m_keySource, &m_keyError);
    }
    if (!m_key)
        *error = m_keyError;
    return m_key ? &*m_key : nullptr;
}

Resolved Resolver::resolve(const QString &text)
{
    const Written w = parseWritten(text);
    Resolved r;
    switch (w.form) {
    case Form::Plain:
        r.value = w.payload;
        r.origin = QStringLiteral("plain");
        break;
    case Form::Scrambled:
        r.value = unscramble(w.payload);
        r.origin = QStringLiteral("scrambled");
        if (!r.value)
            r.error = QStringLiteral("the scrambled value is damaged");
        break;
    case Form::Encrypted: {
        const Key *k = key(&r.error);
        if (!k)
            break;
        const Decrypted d = decrypt(*k, w.payload);
        r.value = d.value;
        r.error = d.error;
        r.origin = QStringLiteral("encrypted (key id %1 from %2)").arg(k->id(), k->source);
        break;
    }
    case Form::Env: {
        r.origin = QStringLiteral("env:") + w.payload;
        const QByteArray name = w.payload.toLocal8Bit();
        if (w.payload.isEmpty() || !qEnvironmentVariableIsSet(name.constData()))
            r.error = QStringLiteral("the environment variable %1 is not set").arg(w.payload);
        else
            r.value = qEnvironmentVariable(name.constData());
        break;
    }
    case Form::File: {
        const QString path = expandPath(w.payload, m_baseDir);
        r.origin = QStringLiteral("file:") + path;
        r.value = readSecretFile(path, &r.error);
        break;
    }
    case Form::Keychain:
        r.origin = QStringLiteral("keychain:") + w.payload;
        if (m_keychain.contains(w.payload))
            r.value = m_keychain.value(w.payload);
        else
            r.error = QStringLiteral("keychain:%1 is read by the Studio only; for jobs started from the command line "
                                     "use env:, file: or encrypted:").arg(w.payload);
        break;
    }
    if (r.value)
        r.error.clear();
    return r;
}

}  // namespace oas::secrets
