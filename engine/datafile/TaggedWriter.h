#pragma once
#include <optional>
#include <vector>
// Writes records in the tagged data file format: the separator line, one "name: value" line per attribute
// with every character that reading would change escaped, and a blank line. Reading what it wrote gives
// back exactly the same names and values.
#include "DataFormat.h"

#include <QIODevice>

namespace oas::datafile {

class TaggedWriter {
public:
    TaggedWriter(QIODevice *device, DataFormat format);

    // Writes one record; on failure nothing of the record is written and the message says which attribute
    // holds a character the file's encoding cannot represent, or why the device refused the bytes.
    bool write(const QList<Attribute> &attributes, QString *error = nullptr);
    // The bytes write() would produce (for tests and the Studio's preview).
    std::optional<QByteArray> format(const QList<Attribute> &attributes, QString *error = nullptr) const;
    // Only the attribute lines, and the separator line: a record is separatorLine() + bodies + "\n".
    std::optional<QByteArray> formatBody(const QList<Attribute> &attributes, QString *error = nullptr) const;
    // The attribute lines appended to out (a buffer reused from record to record); false: see error, and out
    // then holds part of a line.
    bool appendBody(QByteArray &out, const QList<Attribute> &attributes, QString *error = nullptr) const;
    // The same from names and values side by side (a row of the export: NULL is an empty value).
    bool appendBody(QByteArray &out, const QStringList &names, const std::vector<std::optional<QString>> &values,
                    QString *error = nullptr) const;
    // The same from values given as UTF-8 bytes (as a database sent them; decoded the way decodeBytes does):
    // the same bytes, written with less work where values are ASCII.
    bool appendBody(QByteArray &out, const QStringList &names, const std::vector<std::optional<QByteArrayView>> &utf8Values,
                    QString *error = nullptr) const;
    // Whether appendBody would write these (every name and value representable in the file's encoding),
    // without writing them; false with appendBody's message.
    bool canWrite(const QStringList &names, const std::vector<std::optional<QString>> &values,
                  QString *error = nullptr) const;
    const QByteArray &separatorLine() const { return m_separatorLine; }

private:
    // How a name is written, worked out once: its line's start before a value, and its whole line when the
    // value is empty.
    struct NameForm {
        QString name;
        QByteArray prefix;     // escaped name, ": "
        QByteArray emptyLine;  // escaped name, ":" and the line end ("name:" alone could read as a separator,
                               // end: or skip:; then its first character is escaped)
        char32_t bad = 0;      // a character of the name the encoding cannot take (prefix empty then)
    };
    bool appendLine(QByteArray &out, const QString &attributeName, const QString &value, qsizetype position,
                    QString *error) const;
    QString unwritable(const QString &attributeName, char32_t bad) const;
    const NameForm &nameForm(const QString &name, qsizetype position) const;

    QIODevice *m_device;
    DataFormat m_format;
    QByteArray m_separatorLine;
    // Names by position in the last record: records repeat their names, usually in the same order.
    mutable QList<NameForm> m_names;
    // The forms of a list of names by position as views of m_names' bytes, worked out once for a list: the
    // export's rows all come with the same list (known by its shared data). m_formsOf is cleared whenever
    // nameForm changes a form.
    struct FormBytes {
        const char *prefix;  // empty: the name cannot be written
        qsizetype prefixSize;
        const char *emptyLine;
        qsizetype emptyLineSize;
    };
    const std::vector<FormBytes> &formsFor(const QStringList &names) const;
    char *putEmpty(char *dst, const FormBytes &form, bool emptyString) const;
    mutable QStringList m_formsOf;
    mutable std::vector<FormBytes> m_forms;
};

}  // namespace oas::datafile
