#include "SecretFile.h"

#include "../config/SourceText.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace oas::secrets {

QString expandPath(const QString &path, const QString &baseDir)
{
    if (path == QLatin1String("~") || path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    if (QFileInfo(path).isRelative() && !baseDir.isEmpty())
        return QDir(baseDir).filePath(path);
    return path;
}

std::optional<QString> readSecretFile(const QString &path, QString *error)
{
    struct stat st {};
    const QByteArray native = QFile::encodeName(path);
    if (::stat(native.constData(), &st) != 0) {
        *error = QStringLiteral("cannot read secret file %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return std::nullopt;
    }
    if (!S_ISREG(st.st_mode)) {
        *error = QStringLiteral("secret file %1 is not a regular file").arg(path);
        return std::nullopt;
    }
    if (st.st_uid != ::geteuid() && st.st_uid != 0) {
        *error = QStringLiteral("secret file %1 belongs to another user (uid %2); it must be yours or root's")
                     .arg(path)
                     .arg(st.st_uid);
        return std::nullopt;
    }
    if (st.st_mode & (S_IRWXG | S_IRWXO)) {
        *error = QStringLiteral("secret file %1 is open to its group or others (mode %2); make it private with: chmod 600 %1")
                     .arg(path)
                     .arg(QString::number(st.st_mode & 07777, 8).rightJustified(4, QLatin1Char('0')));
        return std::nullopt;
    }
    std::optional<QByteArray> read = config::readBoundedFile(path, error, 64 * 1024);
    if (!read) {
        *error = QStringLiteral("secret file: %1").arg(*error);
        return std::nullopt;
    }
    QByteArray bytes = *read;
    if (bytes.endsWith('\n'))
        bytes.chop(bytes.endsWith("\r\n") ? 2 : 1);
    if (bytes.isEmpty()) {
        *error = QStringLiteral("secret file %1 is empty").arg(path);
        return std::nullopt;
    }
    return QString::fromUtf8(bytes);
}

bool writeSecretFile(const QString &path, const QByteArray &contents, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = errno == EEXIST ? QStringLiteral("%1 exists already; it is not replaced").arg(path)
                                 : QStringLiteral("cannot create %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    const bool written = ::write(fd, contents.constData(), size_t(contents.size())) == contents.size();
    const bool closed = ::close(fd) == 0;
    if (!written || !closed) {
        *error = QStringLiteral("cannot write %1").arg(path);
        ::unlink(native.constData());
        return false;
    }
    return true;
}

QString defaultKeySource()
{
    const QString configured = qEnvironmentVariable("OAS_KEY_SOURCE");
    if (!configured.isEmpty())
        return configured;
    const QString xdg = qEnvironmentVariable("XDG_CONFIG_HOME");
    return QStringLiteral("file:") + (xdg.isEmpty() ? QDir::homePath() + QStringLiteral("/.config") : xdg)
           + QStringLiteral("/odbc-agent/secret.key");
}

QByteArray keyText(const QByteArray &keyBytes)
{
    return keyBytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) + '\n';
}

std::optional<Key> loadKey(const QString &keySource, QString *error)
{
    QString text;
    if (keySource.startsWith(QLatin1String("file:"))) {
        const auto read = readSecretFile(expandPath(keySource.mid(5), {}), error);
        if (!read) {
            *error = QStringLiteral("key source %1: %2").arg(keySource, *error);
            return std::nullopt;
        }
        text = *read;
    } else if (keySource.startsWith(QLatin1String("env:"))) {
        text = qEnvironmentVariable(keySource.mid(4).toLocal8Bit().constData());
        if (text.isEmpty()) {
            *error = QStringLiteral("key source %1: the environment variable %2 is not set").arg(keySource, keySource.mid(4));
            return std::nullopt;
        }
    } else {
        *error = QStringLiteral("invalid key source %1, expected file:PATH or env:NAME").arg(keySource);
        return std::nullopt;
    }
    const auto bytes = QByteArray::fromBase64Encoding(text.trimmed().toLatin1(),
                                                      QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!bytes || bytes.decoded.size() != KeyBytes) {
        *error = QStringLiteral("key source %1 does not hold a key (expected %2 bytes in base64url, as made by "
                                "\"odbc-agent secret new-key\")")
                     .arg(keySource)
                     .arg(KeyBytes);
        return std::nullopt;
    }
    return Key{bytes.decoded, keySource};
}

}  // namespace oas::secrets
