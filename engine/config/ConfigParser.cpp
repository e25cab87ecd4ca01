#include "ConfigParser.h"

#include "SectionParsers.h"

#include <QFile>
#include <QHash>
#include <QSet>

namespace oas::config {

namespace {

struct SectionBlock {
    const SectionSpec *spec = nullptr;  // nullptr: unknown section, its fields are skipped
    SourcePos headerPos;
    QList<FieldLine> fields;
};

// Pass 1: sections and "name = value" lines. Reports the purely lexical problems.
QList<SectionBlock> readStructure(const QList<LogicalLine> &lines, ParseContext &ctx)
{
    QList<SectionBlock> blocks;
    QHash<Section, int> blockOf;
    int current = -1;
    bool reportedOutside = false;
    for (const LogicalLine &line : lines) {
        const QString &text = line.text;
        int lead = 0;
        while (lead < text.size() && isBlank(text.at(lead)))
            ++lead;
        if (lead < text.size() && text.at(lead) == QLatin1Char('[')) {
            int close = int(text.indexOf(QLatin1Char(']'), lead));
            if (close < 0) {
                // Report it, then read the rest as the section name so its fields are still checked.
                ctx.error(line.posAt(int(trimBlanks(text).size()) + lead), QStringLiteral("missing closing bracket"));
                close = int(trimBlanks(text).size()) + lead;
            }
            const QString raw = text.mid(lead + 1, close - lead - 1);
            const QString name = trimBlanks(raw);
            const int nameAt = lead + 1 + int(raw.indexOf(name));
            if (close < text.size() && !trimBlanks(text.mid(close + 1)).isEmpty()) {
                int after = close + 1;
                while (after < text.size() && isBlank(text.at(after)))
                    ++after;
                ctx.error(line.posAt(after), QStringLiteral("unexpected text after section name"));
            }
            const SectionSpec *spec = findSection(name);
            if (!spec) {
                ctx.error(line.posAt(nameAt, int(name.size())), QStringLiteral("unknown section [%1]").arg(name));
                blocks.append(SectionBlock{nullptr, line.posAt(nameAt, int(name.size())), {}});
                current = int(blocks.size()) - 1;
                continue;
            }
            if (blockOf.contains(spec->section)) {
                ctx.error(line.posAt(nameAt, int(name.size())),
                          QStringLiteral("duplicate %1 section").arg(spec->name));
                current = blockOf.value(spec->section);
                continue;
            }
            blocks.append(SectionBlock{spec, line.posAt(nameAt, int(name.size())), {}});
            current = int(blocks.size()) - 1;
            blockOf.insert(spec->section, current);
            continue;
        }

        const int eq = int(text.indexOf(QLatin1Char('=')));
        if (eq < 0) {
            // The '??' goes where the '=' was expected: after the first word and its blanks.
            int p = lead;
            while (p < text.size() && !isBlank(text.at(p)))
                ++p;
            const QString word = text.mid(lead, p - lead);
            while (p < text.size() && isBlank(text.at(p)))
                ++p;
            ctx.error(line.posAt(p), QStringLiteral("missing equals sign"));
            if (current >= 0 && blocks[current].spec)
                ctx.markWritten(blocks[current].spec->section, word);
            continue;
        }
        FieldLine field;
        field.line = nullptr;  // set below, once the line's address is stable
        field.name = trimBlanks(text.left(eq));
        field.nameOffset = lead;
        field.equalsOffset = eq;
        int v = eq + 1;
        while (v < text.size() && isBlank(text.at(v)))
            ++v;
        field.valueOffset = v;
        field.value = trimBlanks(text.mid(eq + 1));
        field.line = &line;
        if (field.name.isEmpty()) {
            ctx.error(line.posAt(eq), QStringLiteral("missing field name"));
            continue;
        }
        if (current < 0) {
            if (!reportedOutside)
                ctx.error(field.namePos(), QStringLiteral("field outside any section"));
            reportedOutside = true;
            continue;
        }
        blocks[current].fields.append(field);
    }
    return blocks;
}

QString versionRequirement(const QString &what, int needed, int declared)
{
    const QString have = declared == OldVersion
                             ? QStringLiteral("files without a version section")
                             : QStringLiteral("Version=%1").arg(versionName(declared));
    return QStringLiteral("%1 is not supported by %2; it needs Version=%3 or later")
        .arg(what, have, versionName(needed));
}

void parseFixedField(const SectionBlock &block, const FieldLine &field, ParseContext &ctx, AgentConfig &config,
                     QSet<QString> &seen)
{
    const FieldSpec *spec = findField(block.spec->section, field.name);
    if (!spec) {
        ctx.error(field.namePos(), QStringLiteral("unknown field %1 in %2 section").arg(field.name, block.spec->name));
        return;
    }
    ctx.markWritten(block.spec->section, spec->name);
    if (seen.contains(spec->name)) {
        ctx.error(field.valuePos(0, 0), QStringLiteral("duplicate %1 setting").arg(spec->name));
        return;
    }
    seen.insert(spec->name);
    if (ctx.version < spec->minVersion) {
        ctx.error(field.namePos(), versionRequirement(spec->name, spec->minVersion, ctx.version));
        return;
    }
    switch (block.spec->section) {
    case Section::Version: parseVersionField(field, ctx, config); break;
    case Section::Export: parseExportField(field, *spec, ctx, config.exportSection); break;
    case Section::Import: parseImportField(field, *spec, ctx, config.importSection); break;
    case Section::Control: parseControlField(field, *spec, ctx, config.control); break;
    default: break;
    }
}

void parseBlock(const SectionBlock &block, ParseContext &ctx, AgentConfig &config)
{
    QSet<QString> seen;
    for (const FieldLine &field : block.fields) {
        switch (block.spec->section) {
        case Section::Attributes: parseAttributeField(field, ctx, config.attributes); break;
        case Section::Database: parseDatabaseField(field, ctx, config.database); break;
        case Section::Procedures: parseProceduresField(field, ctx, config.procedures); break;
        case Section::EncryptedAttributes: parseEncryptedField(field, ctx, config.encryptedAttributes); break;
        default: parseFixedField(block, field, ctx, config, seen); break;
        }
    }
}

void markPresent(const SectionBlock &block, AgentConfig &config)
{
    auto mark = [&](auto &section) {
        section.present = true;
        section.headerPos = block.headerPos;
    };
    switch (block.spec->section) {
    case Section::Version: config.versionSectionPresent = true; break;
    case Section::Attributes: mark(config.attributes); break;
    case Section::Database: mark(config.database); break;
    case Section::Import: mark(config.importSection); break;
    case Section::Export: mark(config.exportSection); break;
    case Section::Procedures: mark(config.procedures); break;
    case Section::EncryptedAttributes: mark(config.encryptedAttributes); break;
    case Section::Control: mark(config.control); break;
    }
}

}  // namespace

ParseResult parseConfig(const QByteArray &bytes, const ParseOptions &options)
{
    ParseResult result;
    result.config.fileName = options.fileName;
    const SourceText source = SourceText::fromBytes(bytes);
    const QList<LogicalLine> lines = source.logicalLines();
    ParseContext ctx(source, options.fileName);
    const QList<SectionBlock> blocks = readStructure(lines, ctx);

    // The version decides which fields are allowed, so it is read before everything else.
    for (const SectionBlock &block : blocks) {
        if (block.spec && block.spec->section == Section::Version) {
            markPresent(block, result.config);
            parseBlock(block, ctx, result.config);
            if (!ctx.wasWritten(Section::Version, QStringLiteral("Version")))
                ctx.error(block.headerPos, QStringLiteral("missing Version field in version section"));
        }
    }
    // A version that is written but wrong is reported once; the rest is then checked as the latest version
    // rather than flooding the file with "not supported" errors.
    ctx.version = result.config.versionSectionPresent && !result.config.version.present ? LatestVersion
                                                                                        : result.config.version.value;
    for (const SectionBlock &block : blocks) {
        if (!block.spec || block.spec->section == Section::Version)
            continue;
        if (ctx.version < block.spec->minVersion) {
            // Reported once; the section is then ignored, so its fields raise no further errors.
            ctx.error(block.headerPos,
                      versionRequirement(QStringLiteral("The %1 section").arg(block.spec->name),
                                         block.spec->minVersion, ctx.version));
            continue;
        }
        markPresent(block, result.config);
        parseBlock(block, ctx, result.config);
    }
    checkSemantics(result.config, ctx, options.operation);
    result.diagnostics = ctx.takeDiagnostics();
    sortByPosition(result.diagnostics);
    return result;
}

ParseResult parseConfigFile(const QString &path, Operation operation)
{
    QFile file(path);
    QString tooLarge;
    std::optional<QByteArray> bytes;
    if (file.open(QIODevice::ReadOnly)) {
        file.close();
        bytes = readBoundedFile(path, &tooLarge);
    }
    if (!bytes) {
        ParseResult result;
        result.config.fileName = path;
        Diagnostic d;
        d.file = path;
        d.message = tooLarge.isEmpty() ? QStringLiteral("cannot open configuration file for reading\n%1").arg(path) : tooLarge;
        result.diagnostics.append(d);
        return result;
    }
    return parseConfig(*bytes, ParseOptions{operation, path});
}

}  // namespace oas::config
