#include "TaggedWriter.h"

#include "Escaping.h"

namespace oas::datafile {

TaggedWriter::TaggedWriter(QIODevice *device, DataFormat format)
    : m_device(device), m_format(std::move(format)),
      m_separatorLine(encodeSeparator(m_format.recordSeparator, m_format.encoding) + '\n')
{
}

std::optional<QByteArray> TaggedWriter::formatLine(const Attribute &a, QString *error) const
{
    char32_t bad = 0;
    std::optional<QByteArray> name;
    if (const auto cached = m_names.constFind(a.name); cached != m_names.constEnd())
        name = *cached;
    else
        name = escapeText(a.name, m_format, &bad);
    auto value = name ? escapeText(a.value, m_format, &bad) : std::nullopt;
    if (!name || !value) {
        if (error)
            *error = QStringLiteral("character U+%1 in attribute %2 cannot be written in %3")
                         .arg(QString::number(uint(bad), 16).toUpper().rightJustified(4, QLatin1Char('0')), a.name,
                              m_format.encoding == config::Encoding::Latin1 ? QStringLiteral("ISO-8859-1")
                                                                             : QStringLiteral("UTF-8"));
        return std::nullopt;
    }
    if (name->isEmpty()) {
        if (error)
            *error = QStringLiteral("attribute without a name");
        return std::nullopt;
    }
    if (!m_names.contains(a.name)) {
        name->replace(':', "\\x3a");
        if (name->startsWith('#'))
            name->prepend('\\');
        if (m_names.size() < 4096)
            m_names.insert(a.name, *name);
    }
    QByteArray line = *name + ':';
    if (!value->isEmpty())
        line += ' ' + *value;
    // A line that reads like a separator, end: or skip: must not: escape the first character of the name.
    const QByteArray separator = m_separatorLine.chopped(1);
    for (const QByteArray &reserved : {separator, QByteArray("end:"), QByteArray("skip:")}) {
        if (line.compare(reserved, Qt::CaseInsensitive) == 0) {
            const QByteArray hex = QByteArray::number(uchar(line.at(0)), 16).rightJustified(2, '0');
            line = "\\x" + hex + line.mid(1);
        }
    }
    return line + '\n';
}

std::optional<QByteArray> TaggedWriter::formatBody(const QList<Attribute> &attributes, QString *error) const
{
    QByteArray out;
    for (const Attribute &a : attributes) {
        const auto line = formatLine(a, error);
        if (!line)
            return std::nullopt;
        out += *line;
    }
    return out;
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
