#pragma once
// Edit > Protect password...: asks for the database password and writes it into the configuration in a
// form that keeps it out of the file: a keychain entry (when the desktop has a keychain), encrypted with
// the key source's key, or only scrambled (obfuscation, said so).
#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace oas::ui {

class PasswordDialog : public QDialog {
    Q_OBJECT
public:
    enum class Form { Keychain, Encrypted, Scrambled };
    explicit PasswordDialog(const QString &suggestedEntry, QWidget *parent = nullptr);
    // What to write after Password=, made from the dialog's fields; empty with *error when it cannot be made
    // (no keychain, no key, no password).
    QString writtenForm(QString *error) const;

    // For tests and callers that fill it in.
    void setPassword(const QString &password);
    void setForm(Form form);
    void setEntryName(const QString &name);

private:
    void updateHint();
    QLineEdit *m_password;
    QComboBox *m_form;
    QLineEdit *m_entry;
    QLabel *m_hint;
};

// The configuration text with Password= of [database] set to value (replaced in place, else added as the
// section's first field). nullopt when the text has no [database] section.
std::optional<QString> withDatabasePassword(const QString &text, const QString &value);

}  // namespace oas::ui
