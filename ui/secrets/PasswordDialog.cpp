#include "PasswordDialog.h"

#include "Keychain.h"
#include "secrets/Cipher.h"
#include "secrets/SecretFile.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>

namespace oas::ui {

PasswordDialog::PasswordDialog(const QString &suggestedEntry, QWidget *parent)
    : QDialog(parent), m_password(new QLineEdit(this)), m_form(new QComboBox(this)), m_entry(new QLineEdit(suggestedEntry, this)),
      m_hint(new QLabel(this))
{
    setWindowTitle(tr("Protect password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_form->addItem(tr("Desktop keychain entry"));
    m_form->addItem(tr("Encrypted with the key source's key"));
    m_form->addItem(tr("Scrambled (obfuscation only)"));
    m_hint->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Store as:"), m_form);
    form->addRow(tr("Keychain entry:"), m_entry);
    form->addRow(m_hint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_form, &QComboBox::currentIndexChanged, this, &PasswordDialog::updateHint);
    setForm(keychainBuiltIn() ? Form::Keychain : Form::Encrypted);
    updateHint();
}

void PasswordDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

void PasswordDialog::setForm(Form form)
{
    m_form->setCurrentIndex(int(form));
}

void PasswordDialog::setEntryName(const QString &name)
{
    m_entry->setText(name);
}

void PasswordDialog::updateHint()
{
    const Form f = Form(m_form->currentIndex());
    m_entry->setEnabled(f == Form::Keychain);
    switch (f) {
    case Form::Keychain:
        m_hint->setText(tr("The file gets Password=keychain:NAME. Only the Studio can read it: jobs started from "
                           "the command line need env:, file: or encrypted:."));
        break;
    case Form::Encrypted:
        m_hint->setText(tr("The file gets Password=encrypted:... Every agent reads it with the key from %1.")
                            .arg(secrets::defaultKeySource()));
        break;
    case Form::Scrambled:
        m_hint->setText(tr("Scrambling is obfuscation: anyone with this program can read the password back."));
        break;
    }
}

QString PasswordDialog::writtenForm(QString *error) const
{
    const QString password = m_password->text();
    if (password.isEmpty()) {
        *error = tr("no password given");
        return {};
    }
    switch (Form(m_form->currentIndex())) {
    case Form::Keychain: {
        const QString name = m_entry->text().trimmed();
        if (name.isEmpty()) {
            *error = tr("no keychain entry name given");
            return {};
        }
        *error = writeKeychain(name, password);
        return error->isEmpty() ? QStringLiteral("keychain:") + name : QString();
    }
    case Form::Encrypted: {
        const auto key = secrets::loadKey(secrets::defaultKeySource(), error);
        if (!key) {
            *error += tr("\n(make a key with: odbc-agent secret new-key)");
            return {};
        }
        return secrets::encrypt(*key, password);
    }
    case Form::Scrambled: return secrets::scramble(password);
    }
    return {};
}

std::optional<QString> withDatabasePassword(const QString &text, const QString &value)
{
    const QString newline = text.contains(QLatin1String("\r\n")) ? QStringLiteral("\r\n") : QStringLiteral("\n");
    QStringList lines = text.split(newline);
    static const QRegularExpression header(QStringLiteral("^\\s*\\[\\s*(\\w+)\\s*\\]"));
    static const QRegularExpression password(QStringLiteral("^\\s*password\\s*="), QRegularExpression::CaseInsensitiveOption);
    int section = -1;
    for (int i = 0; i < lines.size(); ++i) {
        const auto m = header.match(lines.at(i));
        if (m.hasMatch()) {
            if (section >= 0)
                break;  // the end of [database] without a Password=
            if (m.captured(1).compare(QLatin1String("database"), Qt::CaseInsensitive) == 0)
                section = i;
            continue;
        }
        if (section >= 0 && password.match(lines.at(i)).hasMatch()) {
            lines[i] = QStringLiteral("Password=") + value;
            return lines.join(newline);
        }
    }
    if (section < 0)
        return std::nullopt;
    lines.insert(section + 1, QStringLiteral("Password=") + value);
    return lines.join(newline);
}

}  // namespace oas::ui
