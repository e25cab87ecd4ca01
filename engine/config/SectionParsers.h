#pragma once
// One parser per section (each in its own file) and the cross-section checks; used by ConfigParser only.
#include "ConfigParser.h"
#include "ParseContext.h"

namespace oas::config {

void parseVersionField(const FieldLine &field, ParseContext &ctx, AgentConfig &config);
void parseAttributeField(const FieldLine &field, ParseContext &ctx, AttributesSection &section);
void parseDatabaseField(const FieldLine &field, ParseContext &ctx, DatabaseSection &section);
void parseExportField(const FieldLine &field, const FieldSpec &spec, ParseContext &ctx, ExportSection &section);
void parseImportField(const FieldLine &field, const FieldSpec &spec, ParseContext &ctx, ImportSection &section);
void parseProceduresField(const FieldLine &field, ParseContext &ctx, ProceduresSection &section);
void parseEncryptedField(const FieldLine &field, ParseContext &ctx, EncryptedAttributesSection &section);
void parseControlField(const FieldLine &field, const FieldSpec &spec, ParseContext &ctx, ControlSection &section);

void checkSemantics(AgentConfig &config, ParseContext &ctx, Operation operation);

}  // namespace oas::config
