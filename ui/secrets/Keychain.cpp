#include "Keychain.h"

#include "secrets/SecretValue.h"

#include <QEventLoop>
#include <QTimer>

#ifdef OAS_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace oas::ui {

namespace {

const char kNoKeychain[] = "no desktop keychain is available here (%1); write the password as env:NAME, as file:PATH "
                           "(a file only you can read), or encrypted (odbc-agent secret encrypt)";

#ifdef OAS_HAVE_QTKEYCHAIN
// Runs a job and waits for it; the error text, or empty.
QString runJob(QKeychain::Job *job, int timeoutMs)
{
    job->setAutoDelete(false);
    job->setInsecureFallback(false);  // never a plain-text store
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!finished)
        loop.exec();
    if (!finished)
        return QObject::tr("the keychain did not answer within %1 s").arg(timeoutMs / 1000);
    switch (job->error()) {
    case QKeychain::NoError: return {};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError: return QString::fromLatin1(kNoKeychain).arg(job->errorString());
    default: return job->errorString();
    }
}
#endif

}  // namespace

bool keychainBuiltIn()
{
#ifdef OAS_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

QString keychainService()
{
    return QStringLiteral("ODBC Agent Studio");
}

KeychainRead readKeychain(const QStringList &names, int timeoutMs)
{
    KeychainRead r;
#ifdef OAS_HAVE_QTKEYCHAIN
    for (const QString &name : names) {
        QKeychain::ReadPasswordJob job(keychainService());
        job.setKey(name);
        const QString error = runJob(&job, timeoutMs);
        if (!error.isEmpty()) {
            r.error = QObject::tr("keychain:%1: %2").arg(name, error);
            return r;
        }
        r.values.insert(name, job.textData());
    }
#else
    if (!names.isEmpty())
        r.error = QObject::tr("keychain:%1: %2").arg(names.first(), QString::fromLatin1(kNoKeychain).arg(QStringLiteral("built without QtKeychain")));
    Q_UNUSED(timeoutMs);
#endif
    return r;
}

QString writeKeychain(const QString &name, const QString &secret, int timeoutMs)
{
#ifdef OAS_HAVE_QTKEYCHAIN
    QKeychain::WritePasswordJob job(keychainService());
    job.setKey(name);
    job.setTextData(secret);
    return runJob(&job, timeoutMs);
#else
    Q_UNUSED(name);
    Q_UNUSED(secret);
    Q_UNUSED(timeoutMs);
    return QString::fromLatin1(kNoKeychain).arg(QStringLiteral("built without QtKeychain"));
#endif
}

QStringList keychainNames(const config::Setting<QString> &user, const config::Setting<QString> &password)
{
    QStringList names;
    for (const config::Setting<QString> *s : {&user, &password}) {
        if (!s->present)
            continue;
        const secrets::Written w = secrets::parseWritten(s->value);
        if (w.form == secrets::Form::Keychain && !names.contains(w.payload))
            names.append(w.payload);
    }
    return names;
}

}  // namespace oas::ui
