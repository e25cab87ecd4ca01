#include "SecretCommand.h"

#include "../config/ConfigParser.h"
#include "../run/JobSecrets.h"
#include "../secrets/Cipher.h"
#include "../secrets/SecretFile.h"
#include "ExitCode.h"

#include <QDir>
#include <QFileInfo>

#include <termios.h>
#include <unistd.h>

namespace oas::cli {

namespace {

const char kUsage[] =
    "usage: odbc-agent secret COMMAND\n"
    "  new-key [FILE]                     make a key file only you can read (default: the key source's file)\n"
    "  scramble                           print the scrambled form of the secret read from standard input\n"
    "                                     (obfuscation: anyone with this program can read it back)\n"
    "  encrypt [--key-source SPEC]        print the encrypted form of the secret read from standard input\n"
    "  reencrypt [--key-source SPEC]      print an encrypted: value read from standard input in the current\n"
    "                                     format (values of format 1 keep working; this moves them to 2)\n"
    "  check CONFIG [--key-source SPEC]   say where CONFIG's user and password come from, and whether they can\n"
    "                                     be read (never printing them)\n"
    "The key source is file:PATH or env:NAME; default $OAS_KEY_SOURCE, else file:~/.config/odbc-agent/secret.key.\n";

// One line of standard input; on a terminal it is asked for with echo off.
std::optional<QString> readSecret(QTextStream &in, QTextStream &err)
{
    const bool terminal = ::isatty(STDIN_FILENO);
    termios saved {};
    if (terminal) {
        err << "secret (not shown): " << Qt::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QString line = in.readLine();
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err << '\n';
    }
    if (line.isEmpty()) {
        err << "odbc-agent secret: no secret on standard input (give it as one line)\n";
        return std::nullopt;
    }
    return line;
}

// Takes "--key-source SPEC" out of args.
QString takeKeySource(QStringList &args)
{
    const qsizetype i = args.indexOf(QStringLiteral("--key-source"));
    if (i < 0 || i + 1 >= args.size())
        return QString();
    const QString spec = args.at(i + 1);
    args.remove(i, 2);
    return spec;
}

int newKey(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QString path;
    if (!args.isEmpty()) {
        path = args.first();
    } else {
        const QString source = secrets::defaultKeySource();
        if (!source.startsWith(QLatin1String("file:"))) {
            err << "odbc-agent secret new-key: the key source " << source << " is not a file; give the file to make\n";
            return NotDone;
        }
        path = secrets::expandPath(source.mid(5), {});
    }
    const QFileInfo file(path);
    if (!QDir().mkpath(file.absolutePath())) {
        err << "odbc-agent secret new-key: cannot create the folder " << file.absolutePath() << '\n';
        return NotDone;
    }
    QFile::setPermissions(file.absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QString error;
    const QByteArray key = secrets::newKeyBytes();
    if (!secrets::writeSecretFile(path, secrets::keyText(key), &error)) {
        err << "odbc-agent secret new-key: " << error << '\n';
        return NotDone;
    }
    out << "key written to " << path << " (key id " << secrets::Key{key, {}}.id() << "); keep a copy where only you "
        << "can read it: values encrypted with it cannot be read without it\n";
    return Success;
}

int check(QStringList args, QTextStream &out, QTextStream &err)
{
    const QString keySource = takeKeySource(args);
    if (args.size() != 1) {
        err << kUsage;
        return NotDone;
    }
    const config::ParseResult parsed = config::parseConfigFile(args.first(), config::Operation::Any);
    if (!parsed.ok()) {
        err << config::formatReport(parsed.diagnostics, args.first());
        return NotDone;
    }
    run::SecretSettings settings;
    settings.keySource = keySource;
    const run::JobCredentials c = run::resolveCredentials(parsed.config, {}, settings);
    if (!c.ok) {
        err << c.error << '\n';
        return NotDone;
    }
    if (c.audit.isEmpty())
        out << "no user or password in " << args.first() << '\n';
    for (const QString &line : c.audit)
        out << line << ": readable\n";
    return Success;
}

}  // namespace

int secretCommand(const QStringList &arguments, QTextStream &in, QTextStream &out, QTextStream &err)
{
    QStringList args = arguments;
    const QString command = args.isEmpty() ? QString() : args.takeFirst();
    if (command == QLatin1String("new-key") && args.size() <= 1)
        return newKey(args, out, err);
    if (command == QLatin1String("check"))
        return check(args, out, err);
    if (command == QLatin1String("scramble") && args.isEmpty()) {
        const auto secret = readSecret(in, err);
        if (!secret)
            return NotDone;
        out << secrets::scramble(*secret) << '\n';
        return Success;
    }
    if (command == QLatin1String("encrypt") || command == QLatin1String("reencrypt")) {
        QString keySource = takeKeySource(args);
        if (!args.isEmpty()) {
            err << kUsage;
            return NotDone;
        }
        QString error;
        const auto key = secrets::loadKey(keySource.isEmpty() ? secrets::defaultKeySource() : keySource, &error);
        if (!key) {
            err << "odbc-agent secret " << command << ": " << error << '\n';
            return NotDone;
        }
        auto secret = readSecret(in, err);
        if (!secret)
            return NotDone;
        if (command == QLatin1String("reencrypt")) {
            const QString value = secret->trimmed();
            if (!value.startsWith(QLatin1String("encrypted:"))) {
                err << "odbc-agent secret reencrypt: an encrypted: value expected on standard input\n";
                return NotDone;
            }
            const secrets::Decrypted d = secrets::decrypt(*key, value.mid(10));
            if (!d.value) {
                err << "odbc-agent secret reencrypt: " << d.error << '\n';
                return NotDone;
            }
            secret = d.value;
        }
        out << secrets::encrypt(*key, *secret) << '\n';
        return Success;
    }
    err << kUsage;
    return NotDone;
}

}  // namespace oas::cli
