#include "DemoWorkspace.h"

#include "../db/SqliteLibrary.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace oas::demo {

namespace {

const char *const kFirst[] = {"Nancy", "Andrew", "Janet", "Margaret", "Steven", "Michael", "Robert", "Laura", "Anne",
                              "Jürgen", "Zoë", "Élodie"};
const char *const kLast[] = {"Davolio", "Fuller", "Leverling", "Peacock", "Buchanan", "Suyama", "King", "Callahan",
                             "Dodsworth", "Müller", "O'Brien", "Lowell Jr."};
const char *const kTitle[] = {"Sales Representative", "Vice President, Sales", "Sales Manager", "Inside Sales Coordinator"};
const char *const kCourtesy[] = {"Ms.", "Dr.", "Mr.", "Mrs."};
const char *const kCity[] = {"Seattle", "Tacoma", "Kirkland", "Redmond", "London", "Berlin"};
const char *const kCountry[] = {"USA", "USA", "USA", "USA", "UK", "Germany"};
const char *const kRegion[] = {"WA", "WA", "WA", "WA", nullptr, nullptr};

// Runs fn on a fresh ODBC connection to the demo database.
template <typename Fn>
bool withDatabase(const QString &file, QString *error, Fn fn)
{
    const QString name = QStringLiteral("demo-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        db::configureSqliteLibrary();
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QODBC"), name);
        db.setDatabaseName(sqliteConnectionString(file));
        db.setConnectOptions(QStringLiteral("SQL_ATTR_ODBC_VERSION=SQL_OV_ODBC3"));
        if (!db.open()) {
            *error = QStringLiteral("cannot open the demo database through the SQLite3 ODBC driver: %1\n%2")
                         .arg(db.lastError().text(), file);
        } else {
            ok = fn(db, error);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool exec(QSqlQuery &q, const QString &sql, QString *error)
{
    if (q.exec(sql))
        return true;
    *error = QStringLiteral("%1\n%2").arg(q.lastError().text(), sql);
    return false;
}

bool copyTemplate(const QString &name, const QString &directory, QString *error)
{
    const QString target = QDir(directory).filePath(name);
    QFile::remove(target);
    if (!QFile::copy(QStringLiteral(":/demo/") + name, target)) {
        *error = QStringLiteral("cannot write %1").arg(target);
        return false;
    }
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return true;
}

}  // namespace

namespace {
const QString kCreateEmployees = QStringLiteral(
    "CREATE TABLE Employees (EmployeeID INTEGER PRIMARY KEY, LastName VARCHAR(20) NOT NULL, FirstName VARCHAR(10) "
    "NOT NULL, Title VARCHAR(30), TitleOfCourtesy VARCHAR(25), BirthDate DATE, HireDate DATE, Address VARCHAR(60), "
    "City VARCHAR(15), Region VARCHAR(15), PostalCode VARCHAR(10), Country VARCHAR(15), HomePhone VARCHAR(24), "
    "Extension VARCHAR(4), Notes TEXT, ReportsTo INTEGER)");
}  // namespace

QString sqliteConnectionString(const QString &databaseFile)
{
    return QStringLiteral("DRIVER=SQLite3;Database=%1;").arg(databaseFile);
}

bool createWorkspace(const QString &directory, int employees, QString *error)
{
    QDir dir(directory);
    if (!dir.mkpath(QStringLiteral(".")) || !dir.mkpath(QStringLiteral("refs"))) {
        *error = QStringLiteral("cannot create the demo workspace %1").arg(directory);
        return false;
    }
    QDir(dir.filePath(QStringLiteral("refs"))).removeRecursively();
    dir.mkpath(QStringLiteral("refs"));
    for (const QString &f : {QStringLiteral("demo.db"), QStringLiteral("full.txt"), QStringLiteral("delta.txt"),
                             QStringLiteral("trace.txt"), QStringLiteral("replica.db"), QStringLiteral("replica.txt"),
                             QStringLiteral("source.txt"), QStringLiteral("replica-except.txt"),
                             QStringLiteral("replica-trace.txt")})
        QFile::remove(dir.filePath(f));
    for (const QString &t : {QStringLiteral("employees.ini"), QStringLiteral("replica.ini"), QStringLiteral("demo.sync")}) {
        if (!copyTemplate(t, directory, error))
            return false;
    }
    // The replica: the same table, empty, filled by importing what the source exports.
    if (!withDatabase(dir.filePath(QStringLiteral("replica.db")), error, [&](QSqlDatabase &db, QString *err) {
            QSqlQuery q(db);
            return exec(q, kCreateEmployees, err);
        }))
        return false;
    return withDatabase(dir.filePath(QStringLiteral("demo.db")), error, [&](QSqlDatabase &db, QString *err) {
        QSqlQuery q(db);
        if (!exec(q, kCreateEmployees, err))
            return false;
        db.transaction();
        q.prepare(QStringLiteral("INSERT INTO Employees VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (int i = 1; i <= employees; ++i) {
            const int f = (i - 1) % 12;
            const int l = ((i - 1) / 12 + (i - 1)) % 12;
            const int c = i % 6;
            q.addBindValue(i);
            q.addBindValue(QString::fromUtf8(kLast[l]) + (i > 144 ? QString::number(i) : QString()));
            q.addBindValue(QString::fromUtf8(kFirst[f]));
            q.addBindValue(QString::fromUtf8(kTitle[i % 4]));
            q.addBindValue(QString::fromUtf8(kCourtesy[i % 4]));
            q.addBindValue(QDate(1948 + i % 30, 1 + i % 12, 1 + i % 28));
            q.addBindValue(QDate(1992 + i % 10, 1 + (i * 7) % 12, 1 + (i * 3) % 28));
            q.addBindValue(QStringLiteral("%1 - 20th Ave. E.\r\nApt. %2").arg(500 + i).arg(i % 9 + 1));
            q.addBindValue(QString::fromUtf8(kCity[c]));
            q.addBindValue(kRegion[c] ? QVariant(QString::fromUtf8(kRegion[c])) : QVariant(QMetaType::fromType<QString>()));
            q.addBindValue(QString::number(98000 + i * 7));
            q.addBindValue(QString::fromUtf8(kCountry[c]));
            q.addBindValue(QStringLiteral("(206) 555-%1").arg(1000 + i, 4, 10, QLatin1Char('0')));
            q.addBindValue(QString::number(3000 + i));
            q.addBindValue(QStringLiteral("Employee %1 of the demo. Member of \"Toastmasters\" #%2.").arg(i).arg(i % 5));
            q.addBindValue(i == 1 ? QVariant(QMetaType::fromType<int>()) : QVariant(1 + i % 5));
            if (!q.exec()) {
                *err = q.lastError().text();
                db.rollback();
                return false;
            }
        }
        return db.commit();
    });
}

bool changeSomeRows(const QString &directory, DemoChanges *changes, QString *error)
{
    return withDatabase(QDir(directory).filePath(QStringLiteral("demo.db")), error, [&](QSqlDatabase &db, QString *err) {
        QSqlQuery q(db);
        QSqlQuery maxId(db);
        if (!exec(maxId, QStringLiteral("SELECT MAX(EmployeeID) FROM Employees"), err) || !maxId.next())
            return false;
        const int next = maxId.value(0).toInt() + 1;
        const QStringList statements = {
            QStringLiteral("UPDATE Employees SET Title = 'Senior Sales Representative' WHERE EmployeeID IN (3, 7)"),
            QStringLiteral("DELETE FROM Employees WHERE EmployeeID = 5"),
            QStringLiteral("INSERT INTO Employees (EmployeeID, LastName, FirstName, Title, City, Country) VALUES "
                           "(%1, 'Newhire', 'Alex', 'Sales Representative', 'Seattle', 'USA'), "
                           "(%2, 'Newhire', 'Sam', 'Intern', 'London', 'UK')")
                .arg(next)
                .arg(next + 1),
        };
        for (const QString &s : statements) {
            if (!exec(q, s, err))
                return false;
        }
        *changes = DemoChanges{2, 2, 1};
        return true;
    });
}

}  // namespace oas::demo
