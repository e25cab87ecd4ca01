// The small sections: [version], [database], [EncryptedAttributes].
#include "SectionParsers.h"

#include <QRegularExpression>

namespace oas::config {

QString versionName(int version)
{
    if (version == OldVersion)
        return QStringLiteral("old");
    return QStringLiteral("%1.%2").arg(version / 100).arg(version % 100, 2, 10, QLatin1Char('0'));
}

void parseVersionField(const FieldLine &field, ParseContext &ctx, AgentConfig &config)
{
    if (reportIfEmpty(field, ctx))
        return;
    static const QRegularExpression form(QStringLiteral("^(\\d+)\\.(\\d\\d)$"));
    const auto m = form.match(field.value);
    // In 64 bits: a major version of any length (Version=957755418.00, found by fuzzing) is simply too high.
    const qint64 major = m.hasMatch() ? m.captured(1).toLongLong() : -1;
    const qint64 hundredths = major >= 0 && major < 1000 ? major * 100 + m.captured(2).toInt() : -1;
    if (hundredths < 100 || hundredths > LatestVersion) {
        ctx.error(field.valuePos(), QStringLiteral("unsupported version %1, expected 1.00 to %2")
                                        .arg(field.value, versionName(LatestVersion)));
        return;
    }
    config.version.value = int(hundredths);
    config.version.present = true;
    config.version.pos = field.valuePos();
}

void parseDatabaseField(const FieldLine &field, ParseContext &ctx, DatabaseSection &section)
{
    const bool isUser = field.name.compare(QLatin1String("User"), Qt::CaseInsensitive) == 0;
    const bool isPassword = field.name.compare(QLatin1String("Password"), Qt::CaseInsensitive) == 0;
    if (isUser || isPassword) {
        const FieldSpec *spec = findField(Section::Database, field.name);
        Setting<QString> &setting = isUser ? section.user : section.password;
        if (setting.present) {
            ctx.error(field.valuePos(0, 0), QStringLiteral("duplicate %1 setting").arg(spec->name));
            return;
        }
        if (ctx.version < spec->minVersion) {
            ctx.error(field.namePos(),
                      QStringLiteral("%1 in the configuration file is not supported by %2; it needs Version=1.04 "
                                     "or later (or give it with -%3 on the command line)")
                          .arg(spec->name,
                               ctx.version == OldVersion ? QStringLiteral("files without a version section")
                                                         : QStringLiteral("Version=") + versionName(ctx.version),
                               isUser ? QStringLiteral("n") : QStringLiteral("p")));
            return;
        }
        setting.value = field.value;
        setting.present = true;
        setting.pos = field.valuePos();
        return;
    }
    for (const DatabaseField &existing : section.driverFields) {
        if (existing.key.compare(field.name, Qt::CaseInsensitive) == 0) {
            ctx.error(field.valuePos(0, 0), QStringLiteral("duplicate %1 setting").arg(field.name));
            return;
        }
    }
    if (field.name.contains(QLatin1Char(';')) || field.name.contains(QLatin1Char('{'))
        || field.name.contains(QLatin1Char('}'))) {
        ctx.error(field.namePos(), QStringLiteral("invalid driver field name %1").arg(field.name));
        return;
    }
    section.driverFields.append({field.name, field.value, field.namePos()});
}

void parseEncryptedField(const FieldLine &field, ParseContext &ctx, EncryptedAttributesSection &section)
{
    if (!isAbbreviation(field.name)) {
        ctx.error(field.namePos(), QStringLiteral("invalid attribute abbreviation %1").arg(field.name));
        return;
    }
    if (field.value != QLatin1String("1")) {
        ctx.error(field.valuePos(), QStringLiteral("invalid EncryptedAttributes value for %1, expected 1")
                                        .arg(field.name));
        return;
    }
    for (const NameRef &existing : section.attributes) {
        if (existing.name.compare(field.name, Qt::CaseInsensitive) == 0) {
            ctx.error(field.valuePos(0, 0), QStringLiteral("duplicate %1 setting").arg(field.name));
            return;
        }
    }
    section.attributes.append({field.name, field.namePos()});
}

}  // namespace oas::config
