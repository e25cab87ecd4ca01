#include "TaggedWriter.h"

#include "Escaping.h"
#include "SmallCopy.h"

#include <algorithm>
#include <cstring>

namespace oas::datafile {

TaggedWriter::TaggedWriter(QIODevice *device, DataFormat format)
    : m_device(device), m_format(std::move(format)),
      m_separatorLine(encodeSeparator(m_format.recordSeparator, m_format.encoding) + '\n')
{
}

// The written forms of a name (':' as \x3a, a leading '#' as \#), remembered by its position in the record.
const TaggedWriter::NameForm &TaggedWriter::nameForm(const QString &name, qsizetype position) const
{
    if (position < m_names.size()) {
        const NameForm &known = m_names.at(position);
        if ((known.name.constData() == name.constData() && known.name.size() == name.size()) || known.name == name)
            return known;
    }
    if (position >= m_names.size())
        m_names.resize(position + 1);
    m_formsOf.clear();  // the forms by position change (and formsFor's views into them)
    NameForm &form = m_names[position];
    form = NameForm();
    form.name = name;
    auto escaped = escapeText(name, m_format, &form.bad);
    if (!escaped || escaped->isEmpty())
        return form;
    escaped->replace(':', "\\x3a");
    if (escaped->startsWith('#'))
        escaped->prepend('\\');
    form.prefix = *escaped + ": ";
    form.emptyLine = *escaped + ':';
    const QByteArray separator = m_separatorLine.chopped(1);
    for (const QByteArray &reserved : {separator, QByteArray("end:"), QByteArray("skip:")}) {
        if (form.emptyLine.compare(reserved, Qt::CaseInsensitive) == 0) {
            const QByteArray hex = "\\x" + QByteArray::number(uchar(form.emptyLine.at(0)), 16).rightJustified(2, '0');
            form.emptyLine.replace(0, 1, hex);
            break;
        }
    }
    form.emptyLine += '\n';
    return form;
}

bool TaggedWriter::appendLine(QByteArray &out, const QString &attributeName, const QString &value, qsizetype position,
                              QString *error) const
{
    const NameForm &form = nameForm(attributeName, position);
    char32_t bad = form.bad;
    if (!form.prefix.isEmpty()) {
        if (value.isEmpty()) {
            out += form.emptyLine;
            return true;
        }
        const qsizetype lineStart = out.size();
        out += form.prefix;
        if (appendEscaped(out, value, m_format, &bad)) {
            out += '\n';
            return true;
        }
        out.truncate(lineStart);
    }
    if (error)
        *error = unwritable(attributeName, bad);
    return false;
}

QString TaggedWriter::unwritable(const QString &attributeName, char32_t bad) const
{
    if (attributeName.isEmpty())
        return QStringLiteral("attribute without a name");
    return QStringLiteral("character U+%1 in attribute %2 cannot be written in %3")
        .arg(QString::number(uint(bad), 16).toUpper().rightJustified(4, QLatin1Char('0')), attributeName,
             m_format.encoding == config::Encoding::Latin1 ? QStringLiteral("ISO-8859-1") : QStringLiteral("UTF-8"));
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
        const Attribute &a = attributes.at(i);
        if (a.emptyString && a.value.isEmpty() && m_format.keepEmptyStrings && !nameForm(a.name, i).prefix.isEmpty()) {
            out += nameForm(a.name, i).prefix + "\\E\n";
            continue;
        }
        if (!appendLine(out, a.name, a.value, i, error))
            return false;
    }
    return true;
}

const std::vector<TaggedWriter::FormBytes> &TaggedWriter::formsFor(const QStringList &names) const
{
    if (names.constData() == m_formsOf.constData() && names.size() == m_formsOf.size())
        return m_forms;  // the same list as last time (its data shared): an export's rows all come with one
    m_forms.clear();
    for (qsizetype i = 0; i < names.size(); ++i)
        nameForm(names.at(i), i);  // m_names complete first: the views below point into it
    for (const NameForm &form : std::as_const(m_names).first(names.size()))
        m_forms.push_back({form.prefix.constData(), form.prefix.size(), form.emptyLine.constData(), form.emptyLine.size()});
    m_formsOf = names;  // after nameForm, which forgets it
    return m_forms;
}

// An empty value's line: "name: \E" where KeepEmptyStrings keeps an empty string apart from NULL, else
// "name:".
char *TaggedWriter::putEmpty(char *dst, const FormBytes &form, bool emptyString) const
{
    if (emptyString && m_format.keepEmptyStrings) {
        copySmall(dst, form.prefix, size_t(form.prefixSize));
        std::memcpy(dst + form.prefixSize, "\\E\n", 3);
        return dst + form.prefixSize + 3;
    }
    copySmall(dst, form.emptyLine, size_t(form.emptyLineSize));
    return dst + form.emptyLineSize;
}

// A row of the export, the hot path: room for the worst case is made once, every line written into it,
// and the rest given back. Unusual rows (a name that cannot be written, a value of more than 64k units)
// take the line-by-line way.
bool TaggedWriter::appendBody(QByteArray &out, const QStringList &names, const std::vector<std::optional<QString>> &values,
                              QString *error) const
{
    static const QString none;
    const qsizetype count = std::min(names.size(), qsizetype(values.size()));
    constexpr qsizetype kLongValue = 65536;
    const std::vector<FormBytes> &forms = formsFor(names);
    qsizetype room = 0;
    bool direct = true;
    for (qsizetype i = 0; i < count && direct; ++i) {
        const FormBytes &form = forms[size_t(i)];
        const qsizetype units = values[size_t(i)] ? values[size_t(i)]->size() : 0;
        direct = form.prefixSize > 0 && units <= kLongValue;
        room += units > 0 ? form.prefixSize + units * kMaxEscapedBytesPerUnit + 1
                          : std::max(form.emptyLineSize, form.prefixSize + 3);  // "name:" or "name: \E"
    }
    if (!direct) {
        for (qsizetype i = 0; i < count; ++i) {
            const std::optional<QString> &v = values[size_t(i)];
            if (v && v->isEmpty() && m_format.keepEmptyStrings && forms[size_t(i)].prefixSize > 0) {
                out += nameForm(names.at(i), i).prefix + "\\E\n";
                continue;
            }
            if (!appendLine(out, names.at(i), v ? *v : none, i, error))
                return false;
        }
        return true;
    }
    const qsizetype at = out.size();
    out.resize(at + room);
    char *dst = out.data() + at;
    for (qsizetype i = 0; i < count; ++i) {
        const FormBytes &form = forms[size_t(i)];
        const std::optional<QString> &v = values[size_t(i)];
        if (!v || v->isEmpty()) {
            dst = putEmpty(dst, form, v.has_value());
            continue;
        }
        copySmall(dst, form.prefix, size_t(form.prefixSize));
        char32_t bad = 0;
        char *end = escapeInto(dst + form.prefixSize, *v, m_format, &bad);
        if (!end) {
            out.truncate(at);
            if (error)
                *error = unwritable(names.at(i), bad);
            return false;
        }
        dst = end;
        *dst++ = '\n';
    }
    out.truncate(dst - out.constData());
    return true;
}

// The same from values as UTF-8 bytes (a row read without decoding). ASCII values are escaped straight from
// their bytes; any other value, or one longer than kLongValue, is decoded (decodeBytes) and written by
// appendLine: both give the bytes the QString row would give.
bool TaggedWriter::appendBody(QByteArray &out, const QStringList &names,
                              const std::vector<std::optional<QByteArrayView>> &utf8Values, QString *error) const
{
    const qsizetype count = std::min(names.size(), qsizetype(utf8Values.size()));
    constexpr qsizetype kLongValue = 65536;
    const std::vector<FormBytes> &forms = formsFor(names);
    qsizetype room = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const FormBytes &form = forms[size_t(i)];
        const qsizetype bytes = utf8Values[size_t(i)] ? std::min(utf8Values[size_t(i)]->size(), kLongValue) : 0;
        room += std::max(form.emptyLineSize, form.prefixSize + bytes * kMaxEscapedBytesPerAsciiByte + 3);  // + "\E" or "\n"
    }
    const qsizetype start = out.size();
    out.resize(start + room);
    char *base = out.data();
    char *dst = base + start;
    for (qsizetype i = 0; i < count; ++i) {
        const FormBytes &form = forms[size_t(i)];
        const std::optional<QByteArrayView> &v = utf8Values[size_t(i)];
        char *end = nullptr;
        if (form.prefixSize > 0 && (!v || v->isEmpty())) {
            end = putEmpty(dst, form, v.has_value());
        } else if (form.prefixSize > 0 && v->size() <= kLongValue) {
            copySmall(dst, form.prefix, size_t(form.prefixSize));
            end = escapeAscii(dst + form.prefixSize, *v);
            if (end)
                *end++ = '\n';
        }
        if (end) {
            dst = end;
            continue;
        }
        // Not ASCII, long, or a name that cannot be written: line by line, then room again for the rest.
        out.truncate(dst - base);
        bool utf8 = true;
        const QString text = v ? decodeBytes(v->toByteArray(), config::Encoding::Utf8, &utf8) : QString();
        if (!appendLine(out, names.at(i), text, i, error)) {
            out.truncate(start);
            return false;
        }
        const qsizetype used = out.size();
        out.resize(used + room);
        base = out.data();
        dst = base + used;
    }
    out.truncate(dst - base);
    return true;
}

bool TaggedWriter::canWrite(const QStringList &names, const std::vector<std::optional<QString>> &values,
                            QString *error) const
{
    const qsizetype count = std::min(names.size(), qsizetype(values.size()));
    const std::vector<FormBytes> &forms = formsFor(names);
    // Line by line, as appendBody writes them, so that the first line it would stop at is the one named.
    for (qsizetype i = 0; i < count; ++i) {
        if (forms[size_t(i)].prefixSize == 0) {
            if (error)
                *error = unwritable(names.at(i), m_names.at(i).bad);
            return false;
        }
        // UTF-8 writes every character (a lone surrogate as U+FFFD); ISO-8859-1 takes U+0000 to U+00FF, and
        // any other code unit belongs to a character it cannot take.
        const std::optional<QString> &v = values[size_t(i)];
        if (!v || m_format.encoding != config::Encoding::Latin1)
            continue;
        const char16_t *data = reinterpret_cast<const char16_t *>(v->constData());
        qsizetype k = 0;
        for (; k + 8 <= v->size(); k += 8) {  // eight units at a time while all are below U+0100
            quint64 a, b;
            std::memcpy(&a, data + k, 8);
            std::memcpy(&b, data + k + 4, 8);
            if ((a | b) & 0xFF00FF00FF00FF00ULL)
                break;
        }
        for (; k < v->size(); ++k) {
            if (data[k] <= 0xFF)
                continue;
            if (error) {
                const bool pair = QChar::isHighSurrogate(data[k]) && k + 1 < v->size() && QChar::isLowSurrogate(data[k + 1]);
                const char32_t bad = pair ? QChar::surrogateToUcs4(data[k], data[k + 1])
                                     : QChar::isSurrogate(data[k]) ? char32_t(QChar::ReplacementCharacter)
                                                                   : char32_t(data[k]);
                *error = unwritable(names.at(i), bad);
            }
            return false;
        }
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
