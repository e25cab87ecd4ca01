#include "SyncFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace oas::sync {

namespace {

constexpr qint64 kMaxFileBytes = 1024 * 1024;  // a sync file is a few lines; anything this large is not one

struct Parser {
    SyncDefinition &def;
    SyncStep *step = nullptr;  // the step being read; nullptr in [sync]
    QList<QSet<QString>> stepGuardKeys = {};  // per step, the guard keys it sets itself
    bool inSync = false;

    void problem(int line, const QString &message) { def.problems.append({line, message}); }

    bool boolValue(int line, const QString &key, const QString &value, bool *out)
    {
        const QString v = value.toLower();
        if (v == QLatin1String("on") || v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("1"))
            return *out = true, true;
        if (v == QLatin1String("off") || v == QLatin1String("false") || v == QLatin1String("no") || v == QLatin1String("0"))
            return *out = false, true;
        problem(line, QStringLiteral("%1 takes on or off, not %2").arg(key, value));
        return false;
    }

    bool numberValue(int line, const QString &key, const QString &value, qint64 lowest, qint64 highest, qint64 *out)
    {
        bool ok = false;
        const qint64 n = value.toLongLong(&ok);
        if (!ok || n < lowest || n > highest) {
            problem(line, QStringLiteral("%1 takes a whole number from %2 to %3, not %4").arg(key).arg(lowest).arg(highest).arg(value));
            return false;
        }
        *out = n;
        return true;
    }

    // The guard's keys, in [sync] or a step: the key (lower case) when it is one of them, else empty.
    QString guardKey(int line, const QString &key, const QString &value, GuardSettings &g)
    {
        const QString k = key.toLower();
        qint64 n = 0;
        if (k == QLatin1String("deleteguard"))
            boolValue(line, key, value, &g.on);
        else if (k == QLatin1String("maxdeletes")) {
            if (numberValue(line, key, value, 0, Q_INT64_C(1) << 50, &n))
                g.maxDeletes = n;
        } else if (k == QLatin1String("maxdeletepercent")) {
            if (numberValue(line, key, value, 0, 100, &n))
                g.maxDeletePercent = int(n);
        } else if (k == QLatin1String("minrows")) {
            if (numberValue(line, key, value, 0, Q_INT64_C(1) << 50, &n))
                g.minRows = n;
        } else
            return QString();
        return k;
    }

    void stepKey(int line, const QString &key, const QString &value)
    {
        const QString k = key.toLower();
        if (k == QLatin1String("kind")) {
            const QString v = value.toLower();
            if (v == QLatin1String("export"))
                step->kind = StepKind::Export;
            else if (v == QLatin1String("import"))
                step->kind = StepKind::Import;
            else if (v == QLatin1String("pair"))
                step->kind = StepKind::Pair;
            else if (v == QLatin1String("queue"))
                step->kind = StepKind::Queue;
            else
                problem(line, QStringLiteral("unknown Kind %1, expected export, import, pair or queue").arg(value));
        } else if (k == QLatin1String("config") || k == QLatin1String("folder")) {
            step->config = value;
        } else if (k == QLatin1String("output")) {
            step->output = value;
        } else if (k == QLatin1String("input")) {
            step->input = value;
        } else if (k == QLatin1String("mode")) {
            const QString v = value.toLower();
            if (v == QLatin1String("full"))
                step->fullExport = true;
            else if (v == QLatin1String("config") || v == QLatin1String("delta"))
                step->fullExport = false;
            else
                problem(line, QStringLiteral("unknown Mode %1, expected config (delta when the configuration keeps reference "
                                             "files) or full").arg(value));
        } else if (k == QLatin1String("pairs")) {
            step->pairs = value;
        } else if (k == QLatin1String("event")) {
            const QString v = value.toLower();
            if (v != QLatin1String("insert") && v != QLatin1String("update") && v != QLatin1String("delete"))
                problem(line, QStringLiteral("unknown Event %1, expected insert, update or delete").arg(value));
            step->event = v;
        } else if (k == QLatin1String("onerror") || k == QLatin1String("onwarnings")) {
            const QString v = value.toLower();
            if (v != QLatin1String("stop") && v != QLatin1String("continue")) {
                problem(line, QStringLiteral("%1 takes stop or continue, not %2").arg(key, value));
                return;
            }
            (k == QLatin1String("onerror") ? step->stopOnError : step->stopOnWarnings) = v == QLatin1String("stop");
        } else if (const QString g = guardKey(line, key, value, step->guard); !g.isEmpty()) {
            stepGuardKeys.last().insert(g);  // the step's own; the others come from [sync]
        } else {
            problem(line, QStringLiteral("unknown key %1 in a step (Kind, Config, Output, Input, Mode, Pairs, Folder, Event, "
                                         "OnError, OnWarnings, DeleteGuard, MaxDeletes, MaxDeletePercent, MinRows)").arg(key));
        }
    }

    void syncKey(int line, const QString &key, const QString &value)
    {
        if (key.compare(QLatin1String("name"), Qt::CaseInsensitive) == 0) {
            def.name = value;
            return;
        }
        if (guardKey(line, key, value, def.guard).isEmpty())
            problem(line, QStringLiteral("unknown key %1 in [sync] (Name, DeleteGuard, MaxDeletes, MaxDeletePercent, MinRows)").arg(key));
    }
};

}  // namespace

QString stepKindName(StepKind kind)
{
    switch (kind) {
    case StepKind::Export: return QStringLiteral("export");
    case StepKind::Import: return QStringLiteral("import");
    case StepKind::Pair: return QStringLiteral("pair");
    case StepKind::Queue: return QStringLiteral("queue");
    }
    return QString();
}

QString SyncProblem::toText(const QString &path) const
{
    return line > 0 ? QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(message) : QStringLiteral("%1: %2").arg(path, message);
}

const SyncStep *SyncDefinition::step(const QString &stepName) const
{
    for (const SyncStep &s : steps) {
        if (s.name.compare(stepName, Qt::CaseInsensitive) == 0)
            return &s;
    }
    return nullptr;
}

bool isSyncFile(const QString &path)
{
    return path.endsWith(QLatin1String(".sync"), Qt::CaseInsensitive);
}

SyncDefinition parseSyncText(const QString &path, const QByteArray &text)
{
    SyncDefinition def;
    const QFileInfo info(path);
    def.path = info.absoluteFilePath();
    def.folder = info.absolutePath();
    def.name = info.completeBaseName();
    Parser p{def};
    if (text.contains('\0')) {
        p.problem(0, QStringLiteral("not a sync file: it holds NUL bytes"));
        return def;
    }
    static const QRegularExpression header(QStringLiteral("^\\[\\s*([^\\]]*?)\\s*\\]\\s*$"));
    static const QRegularExpression stepHeader(QStringLiteral("^step\\s+(\\S.*)$"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression stepName(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    bool anySection = false;
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char(';')) || line.startsWith(QLatin1Char('#')))
            continue;
        const auto h = header.match(line);
        if (h.hasMatch()) {
            anySection = true;
            const QString section = h.captured(1);
            if (section.compare(QLatin1String("sync"), Qt::CaseInsensitive) == 0) {
                p.inSync = true;
                p.step = nullptr;
                continue;
            }
            const auto s = stepHeader.match(section);
            if (!s.hasMatch()) {
                p.problem(lineNo, QStringLiteral("unknown section [%1], expected [sync] or [step NAME]").arg(section));
                p.inSync = false;
                p.step = nullptr;
                continue;
            }
            const QString name = s.captured(1).trimmed();
            if (!stepName.match(name).hasMatch())
                p.problem(lineNo, QStringLiteral("invalid step name %1: letters, digits, _ . - (at most 64)").arg(name));
            else if (def.step(name))
                p.problem(lineNo, QStringLiteral("a second step named %1").arg(name));
            def.steps.append(SyncStep());
            p.step = &def.steps.last();
            p.step->name = name;
            p.step->line = lineNo;
            p.stepGuardKeys.append(QSet<QString>());
            p.inSync = false;
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            p.problem(lineNo, QStringLiteral("expected KEY=value or a [section], not %1").arg(line.left(80)));
            continue;
        }
        const QString key = line.left(eq).trimmed();
        const QString value = line.mid(eq + 1).trimmed();
        if (p.step) {
            p.stepKey(lineNo, key, value);
        } else if (p.inSync) {
            p.syncKey(lineNo, key, value);
        } else {
            p.problem(lineNo, QStringLiteral("%1= outside a section; a sync file starts with [sync] or [step NAME]").arg(key));
        }
    }
    if (!anySection || def.steps.isEmpty())
        p.problem(0, QStringLiteral("no steps: a sync needs at least one [step NAME] section"));
    // A step's guard: [sync]'s, with the keys the step sets itself.
    for (int s = 0; s < def.steps.size(); ++s) {
        SyncStep &st = def.steps[s];
        GuardSettings own = st.guard;
        st.guard = def.guard;
        const QSet<QString> &keys = p.stepGuardKeys.at(s);
        if (keys.contains(QStringLiteral("deleteguard")))
            st.guard.on = own.on;
        if (keys.contains(QStringLiteral("maxdeletes")))
            st.guard.maxDeletes = own.maxDeletes;
        if (keys.contains(QStringLiteral("maxdeletepercent")))
            st.guard.maxDeletePercent = own.maxDeletePercent;
        if (keys.contains(QStringLiteral("minrows")))
            st.guard.minRows = own.minRows;
    }
    // What every step needs, and inputs that name earlier steps.
    for (int s = 0; s < def.steps.size(); ++s) {
        SyncStep &st = def.steps[s];
        const QString kind = stepKindName(st.kind);
        if (st.kind == StepKind::Pair) {
            if (st.pairs.isEmpty())
                p.problem(st.line, QStringLiteral("step %1: a pair step needs Pairs=NAME[,NAME]").arg(st.name));
            if (st.config.isEmpty())
                st.config = QStringLiteral("odbcsync");
        } else if (st.config.isEmpty()) {
            p.problem(st.line, QStringLiteral("step %1: an %2 step needs Config=").arg(st.name, kind));
        }
        if (st.kind == StepKind::Export && st.output.isEmpty())
            st.output = st.name + QStringLiteral(".txt");
        if ((st.kind == StepKind::Import || st.kind == StepKind::Pair) && st.input.isEmpty())
            p.problem(st.line, QStringLiteral("step %1: an %2 step needs Input= (a data file, or @STEP for an earlier export's "
                                              "output)").arg(st.name, kind));
        if (st.kind != StepKind::Export && !st.output.isEmpty())
            p.problem(st.line, QStringLiteral("step %1: Output= is for export steps").arg(st.name));
        if ((st.kind == StepKind::Export || st.kind == StepKind::Queue) && !st.input.isEmpty())
            p.problem(st.line, QStringLiteral("step %1: Input= is for import and pair steps").arg(st.name));
        const QString from = st.inputStep();
        if (!from.isEmpty()) {
            const SyncStep *source = def.step(from);
            const int at = source ? int(source - def.steps.constData()) : -1;
            if (!source || at >= s)
                p.problem(st.line, QStringLiteral("step %1: Input=@%2 names no earlier step").arg(st.name, from));
            else if (source->kind != StepKind::Export)
                p.problem(st.line, QStringLiteral("step %1: Input=@%2 is a %3 step; only export steps have an output")
                                       .arg(st.name, from, stepKindName(source->kind)));
        }
    }
    return def;
}

SyncDefinition readSyncFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        SyncDefinition def;
        def.path = QFileInfo(path).absoluteFilePath();
        def.problems.append({0, QStringLiteral("cannot open the sync file: %1").arg(f.errorString())});
        return def;
    }
    const QByteArray text = f.read(kMaxFileBytes + 1);
    if (text.size() > kMaxFileBytes) {
        SyncDefinition def;
        def.path = QFileInfo(path).absoluteFilePath();
        def.problems.append({0, QStringLiteral("not a sync file: larger than 1 MiB")});
        return def;
    }
    return parseSyncText(path, text);
}

}  // namespace oas::sync
