// libFuzzer harness: any bytes as a configuration file (an agent's, a mapping pair's CSV and INI, a change
// queue's). Parsing, formatting the diagnostics and building every statement (even from a config with
// errors) must never crash, hang or trip a sanitizer.
#include "config/ConfigParser.h"
#include "pairs/PairDefinition.h"
#include "queue/QueueConfig.h"
#include "sql/PairStatements.h"
#include "sql/QueueStatements.h"
#include "sql/StatementBuilder.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto result = oas::config::parseConfig(bytes, {oas::config::Operation::Any, QStringLiteral("fuzz.ini")});
    const QString report = oas::config::formatReport(result.diagnostics, QStringLiteral("fuzz.ini"));
    if (report.isEmpty())
        __builtin_trap();  // a report always ends with its summary line
    for (const auto &d : result.diagnostics) {
        if (d.message.isEmpty())
            __builtin_trap();
    }
    const QString sql = oas::sql::describeStatements(result.config);
    (void)sql;
    for (const auto &decl : result.config.procedures.declarations)
        (void)decl.classify(0);

    const auto pair = oas::pairs::parsePair(QStringLiteral("fuzz"), QStringLiteral("fuzz.csv"), bytes, QStringLiteral("fuzz.ini"), bytes);
    (void)oas::pairs::formatProblems(pair.diagnostics);
    QStringList targets;
    for (const auto &f : pair.pair.fields)
        targets.append(f.target);
    if (!targets.isEmpty()) {
        for (const auto e : {oas::sql::PairEvent::Insert, oas::sql::PairEvent::Update, oas::sql::PairEvent::Delete})
            (void)oas::sql::buildPairStatement(e, pair.pair.table.value, targets);
    }
    const auto queue = oas::queue::parseQueueConfig(QStringLiteral("fuzz.ini"), bytes);
    for (const auto &t : queue.config.tables) {
        if (!t.keys.isEmpty())
            (void)oas::sql::QueueStatements::copyUntiedAt(t.name, t.source, t.changed, t.name, t.keys);
    }
    return 0;
}
