#include "TaggedWriter.h"

#include "Escaping.h"

namespace oas::datafile {

TaggedWriter::TaggedWriter(QIODevice *device, DataFormat format)
    : m_device(device), m_format(std::move(format)),
      m_separatorLine(encodeSeparator(m_format.recordSeparator, m_format.encoding) + '\n')
{
}

// The escaped form of a name (':' as \x3a, a leading '#' as \#), remembered by its position in the record.
const QByteArray *TaggedWriter::escapedName(const QString &name, qsizetype position, char32_t *bad) const
{
    if (position < m_names.size() && m_names.at(position).first == name)
        return &m_names.at(position).second;
    auto escaped = escapeText(name, m_format, bad);
    if (!escaped || escaped->isEmpty())
        return nullptr;
    escaped->replace(':', "\\x3a");
    if (escaped->startsWith('#'))
        escaped->prepend('\\');
    if (position >= m_names.size())
        m_names.resize(position + 1);
    m_names[position] = {name, *escaped};
    return &m_names.at(position).second;
}

bool TaggedWriter::appendLine(QByteArray &out, const QString &attributeName, const QString &value, qsizetype position,
                              QString *error) const
{
    char32_t bad = 0;
    const QByteArray *name = escapedName(attributeName, position, &bad);
    const qsizetype lineStart = out.size();
    if (name) {
        out += *name;
        out += ':';
        if (!value.isEmpty()) {
            out += ' ';
            if (!appendEscaped(out, value, m_format, &bad))
                name = nullptr;
        }
    }
    if (!name) {
        if (error) {
            *error = attributeName.isEmpty() ? QStringLiteral("attribute without a name")
                                      : QStringLiteral("character U+%1 in attribute %2 cannot be written in %3")
                                            .arg(QString::number(uint(bad), 16).toUpper().rightJustified(4, QLatin1Char('0')),
                                                 attributeName,
                                                 m_format.encoding == config::Encoding::Latin1 ? QStringLiteral("ISO-8859-1")
                                                                                                : QStringLiteral("UTF-8"));
        }
        return false;
    }
    if (value.isEmpty()) {
        // "name:" alone could read as a separator, end: or skip:; then its first character is escaped.
        const QByteArray line = out.mid(lineStart);
        const QByteArray separator = m_separatorLine.chopped(1);
        for (const QByteArray &reserved : {separator, QByteArray("end:"), QByteArray("skip:")}) {
            if (line.compare(reserved, Qt::CaseInsensitive) == 0) {
                const QByteArray hex = "\\x" + QByteArray::number(uchar(line.at(0)), 16).rightJustified(2, '0');
                out.replace(lineStart, 1, hex);
                break;
            }
        }
    }
    out += '\n';
    return true;
}

std::optional<QByteArray> TaggedWriter::formatBody(const QList<Attribute> &attributes, QString *error) const
{
    QByteArray out;
    out.reserve(256);
    if (!appendBody(out, attributes, error))
        return std::nullopt;
    return out;
}

bool TaggedWriter::appendBody(QByteArray &out, const QList<Attribute> &attributes, QString *error) const
{
    for (qsizetype i = 0; i < attributes.size(); ++i) {
        if (!appendLine(out, attributes.at(i).name, attributes.at(i).value, i, error))
            return false;
    }
    return true;
}

bool TaggedWriter::appendBody(QByteArray &out, const QStringList &names, const std::vector<std::optional<QString>> &values,
                              QString *error) const
{
    static const QString none;
    for (qsizetype i = 0; i < names.size() && size_t(i) < values.size(); ++i) {
        const std::optional<QString> &v = values[size_t(i)];
        if (!appendLine(out, names.at(i), v ? *v : none, i, error))
            return false;
    }
    return true;
}

std::optional<QByteArray> TaggedWriter::format(const QList<Attribute> &attributes, QString *error) const
{
    const auto body = formatBody(attributes, error);
    if (!body)
        return std::nullopt;
    return m_separatorLine + *body + '\n';
}

bool TaggedWriter::write(const QList<Attribute> &attributes, QString *error)
{
    const auto bytes = format(attributes, error);
    if (!bytes)
        return false;
    if (m_device->write(*bytes) != bytes->size()) {
        if (error)
            *error = QStringLiteral("cannot write: %1").arg(m_device->errorString());
        return false;
    }
    return true;
}

}  // namespace oas::datafile
