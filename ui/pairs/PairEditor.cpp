#include "PairEditor.h"

#include "pairs/PairRunner.h"
#include "sql/PairStatements.h"

#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <thread>

namespace oas::ui {

namespace {

enum Column { Target, Code, Type };

// Target field names completed from the table's columns once the connection was tested.
class TargetDelegate : public QStyledItemDelegate {
public:
    TargetDelegate(const QStringList *columns, QObject *parent) : QStyledItemDelegate(parent), m_columns(columns) {}
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor); line && index.column() == Target && !m_columns->isEmpty()) {
            auto *completer = new QCompleter(*m_columns, line);
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            line->setCompleter(completer);
        }
        return editor;
    }

private:
    const QStringList *m_columns;
};

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && s == s.trimmed())
        return s;
    return QLatin1Char('"') + QString(s).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

bool writeText(const QString &path, const QString &text, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0 || !f.commit()) {
        *error = QObject::tr("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

}  // namespace

PairEditor::PairEditor(QWidget *parent)
    : QWidget(parent), m_fields(new QTableWidget(0, 3, this)), m_source(new QPlainTextEdit(this)), m_user(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_table(new QLineEdit(this)), m_problems(new QListWidget(this)),
      m_preview(new QPlainTextEdit(this)), m_event(new QComboBox(this)), m_dataFile(new QLineEdit(this)), m_timer(new QTimer(this))
{
    m_fields->setHorizontalHeaderLabels({tr("Target field"), tr("Source field code"), tr("ODBC type")});
    m_fields->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_fields->setItemDelegate(new TargetDelegate(&m_columns, this));
    m_source->setPlaceholderText(tr("DRIVER=...\nDatabase=...  (one KEY=VALUE a line)"));
    // Room for two lines of the data source at least; the fields table takes what is left.
    m_source->setMinimumHeight(fontMetrics().lineSpacing() * 2 + 14);
    m_source->setMaximumHeight(fontMetrics().lineSpacing() * 4 + 14);
    m_fields->setMinimumHeight(110);
    m_dataFile->setObjectName(QStringLiteral("FireDataFile"));
    m_dataFile->setMinimumWidth(200);
    m_dataFile->setPlaceholderText(tr("data file, relative to the workspace"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("env:NAME, file:PATH, encrypted:..., keychain:NAME"));
    m_preview->setReadOnly(true);
    m_event->addItems({tr("by ChangeType"), QStringLiteral("insert"), QStringLiteral("update"), QStringLiteral("delete")});

    auto *rowButtons = new QHBoxLayout;
    auto button = [&](const QString &text, auto slot) {
        auto *b = new QPushButton(text, this);
        connect(b, &QPushButton::clicked, this, slot);
        rowButtons->addWidget(b);
        return b;
    };
    button(tr("Add field"), [this] {
        addRow({}, {}, QStringLiteral("CHAR"));
        changed();
    });
    button(tr("Remove field"), [this] {
        if (m_fields->currentRow() >= 0) {
            m_fields->removeRow(m_fields->currentRow());
            changed();
        }
    });
    button(tr("Up"), [this] { moveRow(-1); });
    button(tr("Down"), [this] { moveRow(1); });
    rowButtons->addStretch();

    auto *form = new QFormLayout;
    form->addRow(tr("Data source:"), m_source);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Target table:"), m_table);
    auto *test = new QPushButton(tr("Test connection"), this);
    connect(test, &QPushButton::clicked, this, &PairEditor::testConnection);
    form->addRow(QString(), test);

    auto *fire = new QHBoxLayout;
    fire->setSpacing(6);
    auto *browse = new QPushButton(tr("..."), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Records to fire the pair for"), QFileInfo(m_iniPath).absolutePath() + QStringLiteral("/.."));
        if (!path.isEmpty())
            m_dataFile->setText(path);
    });
    auto *fireButton = new QPushButton(tr("Fire"), this);
    connect(fireButton, &QPushButton::clicked, this, [this] {
        emit fireRequested(m_iniPath, m_dataFile->text().trimmed(), m_event->currentIndex() == 0 ? QString() : m_event->currentText());
    });
    fire->addWidget(new QLabel(tr("Fire for the records of:"), this));
    fire->addWidget(m_dataFile, 1);
    fire->addWidget(browse);
    fire->addWidget(m_event);
    fire->addWidget(fireButton);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(m_fields, 1);
    leftLayout->addLayout(rowButtons);
    leftLayout->addLayout(form);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(new QLabel(tr("Problems"), this));
    rightLayout->addWidget(m_problems, 1);
    rightLayout->addWidget(new QLabel(tr("SQL of the events"), this));
    rightLayout->addWidget(m_preview, 1);
    // The left side scrolls rather than squeezing its parts over each other (or making the window grow)
    // when the window is small.
    auto *leftScroll = new QScrollArea(this);
    leftScroll->setWidgetResizable(true);
    leftScroll->setFrameShape(QFrame::NoFrame);
    leftScroll->setWidget(left);
    auto *split = new QSplitter(this);
    split->addWidget(leftScroll);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(fire);

    m_timer->setSingleShot(true);
    m_timer->setInterval(300);
    connect(m_timer, &QTimer::timeout, this, &PairEditor::validate);
    connect(m_fields, &QTableWidget::itemChanged, this, &PairEditor::changed);
    for (QLineEdit *e : {m_user, m_password, m_table})
        connect(e, &QLineEdit::textEdited, this, &PairEditor::changed);
    connect(m_source, &QPlainTextEdit::textChanged, this, &PairEditor::changed);
}

void PairEditor::addRow(const QString &target, const QString &code, const QString &type)
{
    const int row = m_fields->rowCount();
    m_fields->insertRow(row);
    m_fields->setItem(row, Target, new QTableWidgetItem(target));
    m_fields->setItem(row, Code, new QTableWidgetItem(code));
    auto *types = new QComboBox(m_fields);
    types->addItems(pairs::typeNames());
    if (types->findText(type.toUpper()) < 0)
        types->addItem(type);  // what the file says, so the problem shows
    types->setCurrentText(type.toUpper() == type || types->findText(type.toUpper()) < 0 ? type : type.toUpper());
    connect(types, &QComboBox::currentTextChanged, this, &PairEditor::changed);
    m_fields->setCellWidget(row, Type, types);
}

QString PairEditor::typeAt(int row) const
{
    const auto *types = qobject_cast<QComboBox *>(m_fields->cellWidget(row, Type));
    return types ? types->currentText() : QString();
}

void PairEditor::moveRow(int delta)
{
    const int row = m_fields->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_fields->rowCount())
        return;
    const QString values[2][3] = {{m_fields->item(row, Target)->text(), m_fields->item(row, Code)->text(), typeAt(row)},
                                  {m_fields->item(to, Target)->text(), m_fields->item(to, Code)->text(), typeAt(to)}};
    m_loading = true;
    for (int i = 0; i < 2; ++i) {
        const int r = i == 0 ? to : row;
        m_fields->item(r, Target)->setText(values[i][0]);
        m_fields->item(r, Code)->setText(values[i][1]);
        qobject_cast<QComboBox *>(m_fields->cellWidget(r, Type))->setCurrentText(values[i][2]);
    }
    m_loading = false;
    m_fields->setCurrentCell(to, m_fields->currentColumn());
    changed();
}

bool PairEditor::openPair(const QString &path, QString *error)
{
    const QFileInfo info(path);
    const QString base = info.absolutePath() + QLatin1Char('/') + info.completeBaseName();
    m_csvPath = base + QStringLiteral(".csv");
    m_iniPath = base + QStringLiteral(".ini");
    QFile csv(m_csvPath);
    QFile ini(m_iniPath);
    const QByteArray csvBytes = csv.open(QIODevice::ReadOnly) ? csv.readAll() : QByteArray();
    const QByteArray iniBytes = ini.open(QIODevice::ReadOnly) ? ini.readAll() : QByteArray();
    if (!csv.isOpen() && !ini.isOpen()) {
        *error = tr("cannot read %1 or %2").arg(m_csvPath, m_iniPath);
        return false;
    }
    const pairs::PairParse parse = pairs::parsePair(info.completeBaseName(), m_csvPath, csvBytes, m_iniPath, iniBytes);
    m_loading = true;
    m_fields->setRowCount(0);
    m_header = QString::fromUtf8(csvBytes).section(QLatin1Char('\n'), 0, 0).trimmed();
    if (m_header.isEmpty() || (!parse.pair.fields.isEmpty() && parse.pair.fields.first().line == 1))
        m_header = QStringLiteral("ODBC Field Name,Field Code,ODBC Data Type");
    // Rows as the file has them, the invalid ones included, so that their problems can be mended here.
    const QStringList lines = QString::fromUtf8(csvBytes).split(QLatin1Char('\n'));
    for (int i = 1; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const pairs::PairParse one = pairs::parsePair(QStringLiteral("row"), QString(), (m_header + QLatin1Char('\n') + line).toUtf8(), QString(), {});
        if (!one.pair.fields.isEmpty()) {
            const pairs::PairField &f = one.pair.fields.first();
            addRow(f.target, f.code, pairs::typeName(f.type));
        } else {
            const QStringList cells = line.split(QLatin1Char(','));
            addRow(cells.value(0).trimmed(), cells.value(1).trimmed(), cells.value(2).trimmed());
        }
    }
    QStringList source;
    for (const config::DatabaseField &f : parse.pair.driverFields)
        source.append(f.key + QLatin1Char('=') + f.value);
    m_source->setPlainText(source.join(QLatin1Char('\n')));
    m_user->setText(parse.pair.user.value);
    m_password->setText(parse.pair.password.value);
    m_table->setText(parse.pair.table.value);
    QStringList comments;
    for (const QString &l : QString::fromUtf8(iniBytes).split(QLatin1Char('\n'))) {
        if (l.trimmed().startsWith(QLatin1Char('[')))
            break;
        if (l.trimmed().startsWith(QLatin1Char('#')) || l.trimmed().startsWith(QLatin1Char(';')))
            comments.append(l.trimmed());
    }
    m_iniComments = comments.join(QLatin1Char('\n'));
    m_loading = false;
    m_modified = false;
    validate();
    return true;
}

QString PairEditor::csvText() const
{
    QStringList lines{m_header};
    for (int row = 0; row < m_fields->rowCount(); ++row)
        lines.append(csvField(m_fields->item(row, Target)->text().trimmed()) + QLatin1Char(',')
                     + csvField(m_fields->item(row, Code)->text().trimmed()) + QLatin1Char(',') + typeAt(row));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString PairEditor::iniText() const
{
    QString text = m_iniComments.isEmpty() ? QString() : m_iniComments + QLatin1Char('\n');
    text += QStringLiteral("[database]\n");
    for (const QString &line : m_source->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        text += line.trimmed() + QLatin1Char('\n');
    if (!m_user->text().isEmpty())
        text += QStringLiteral("User=") + m_user->text() + QLatin1Char('\n');
    if (!m_password->text().isEmpty())
        text += QStringLiteral("Password=") + m_password->text() + QLatin1Char('\n');
    text += QStringLiteral("[target]\nTable=") + m_table->text().trimmed() + QLatin1Char('\n');
    return text;
}

void PairEditor::changed()
{
    if (m_loading)
        return;
    if (!m_modified) {
        m_modified = true;
        emit modificationChanged(true);
    }
    m_timer->start();
}

void PairEditor::validate()
{
    const QString name = QFileInfo(m_iniPath).completeBaseName();
    const pairs::PairParse parse = pairs::parsePair(name, QFileInfo(m_csvPath).fileName(), csvText().toUtf8(),
                                                    QFileInfo(m_iniPath).fileName(), iniText().toUtf8());
    m_problems->clear();
    m_loading = true;
    for (int row = 0; row < m_fields->rowCount(); ++row) {
        m_fields->setVerticalHeaderItem(row, new QTableWidgetItem(row == 0 ? tr("key") : QString::number(row + 1)));
        QTableWidgetItem *target = m_fields->item(row, Target);
        target->setBackground(QBrush());
        target->setToolTip(QString());
        if (m_columns.isEmpty() || target->text().isEmpty() || m_columns.contains(target->text()))
            continue;
        QString other;
        for (const QString &c : m_columns) {
            if (c.compare(target->text(), Qt::CaseInsensitive) == 0)
                other = c;
        }
        const QString message = other.isEmpty() ? tr("the table %1 has no field %2").arg(m_table->text(), target->text())
                                                : tr("the table %1 has no field %2, but has %3 (target field names are case-sensitive)")
                                                      .arg(m_table->text(), target->text(), other);
        target->setBackground(other.isEmpty() ? QColor(255, 200, 200) : QColor(255, 225, 170));
        target->setToolTip(message);
        m_problems->addItem(tr("%1 line %2: %3").arg(QFileInfo(m_csvPath).fileName()).arg(row + 2).arg(message));
    }
    m_loading = false;
    for (const QString &line : pairs::formatProblems(parse.diagnostics).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        m_problems->addItem(line);
    if (!m_connectionResult.isEmpty())
        m_problems->addItem(m_connectionResult);
    // The statements the events run, with every field (an event binds the fields its record supplies).
    QStringList targets;
    for (const pairs::PairField &f : parse.pair.fields)
        targets.append(f.target);
    QString preview;
    if (!targets.isEmpty() && !parse.pair.table.value.isEmpty()) {
        for (const auto e : {sql::PairEvent::Insert, sql::PairEvent::Update, sql::PairEvent::Delete})
            preview += QStringLiteral("-- %1\n%2;\n").arg(sql::pairEventName(e), sql::buildPairStatement(e, parse.pair.table.value, targets).sql);
    }
    m_preview->setPlainText(preview);
}

QStringList PairEditor::problems() const
{
    QStringList list;
    for (int i = 0; i < m_problems->count(); ++i)
        list.append(m_problems->item(i)->text());
    return list;
}

QString PairEditor::sqlPreview() const
{
    return m_preview->toPlainText();
}

bool PairEditor::save(QString *error)
{
    if (!writeText(m_csvPath, csvText(), error) || !writeText(m_iniPath, iniText(), error))
        return false;
    m_modified = false;
    emit modificationChanged(false);
    return true;
}

void PairEditor::setTargetColumns(const QStringList &columns)
{
    m_columns = columns;
    validate();
}

void PairEditor::setFireInput(const QString &dataFile, const QString &event)
{
    m_dataFile->setText(dataFile);
    m_event->setCurrentIndex(event.isEmpty() ? 0 : std::max(0, m_event->findText(event)));
}

void PairEditor::testConnection()
{
    QString error;
    if (m_modified && !save(&error)) {
        m_connectionResult = error;
        validate();
        emit connectionTested();
        return;
    }
    const QString folder = QFileInfo(m_iniPath).absolutePath();
    const QString name = QFileInfo(m_iniPath).completeBaseName();
    m_connectionResult = tr("testing the connection...");
    validate();
    const QPointer<PairEditor> self(this);
    std::thread([self, folder, name] {
        pairs::PairCatalog catalog(folder);
        pairs::PairRunner runner(catalog, {});
        QString error;
        const QStringList columns = runner.targetColumns(name, &error);
        QMetaObject::invokeMethod(qApp, [self, columns, error] {
            if (!self)
                return;
            self->m_connectionResult = error.isEmpty() ? tr("connected: the table has %1 fields").arg(columns.size())
                                                       : tr("connection test failed: %1").arg(error);
            self->setTargetColumns(columns);
            emit self->connectionTested();
        });
    }).detach();
}

}  // namespace oas::ui
