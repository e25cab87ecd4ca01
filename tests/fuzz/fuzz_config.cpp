// libFuzzer harness: any bytes as a configuration file. Parsing, formatting the diagnostics and building
// every statement (even from a config with errors) must never crash, hang or trip a sanitizer.
#include "config/ConfigParser.h"
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
    return 0;
}
