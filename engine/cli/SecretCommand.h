#pragma once
// odbc-agent secret ...: makes the written forms of secrets (docs/credentials.md). The secret itself is read
// from standard input (with echo off on a terminal), never from the command line, where ps would show it.
#include <QStringList>
#include <QTextStream>

namespace oas::cli {

// new-key [FILE] | scramble | encrypt [--key-source SPEC] | check CONFIG [--key-source SPEC]
int secretCommand(const QStringList &args, QTextStream &in, QTextStream &out, QTextStream &err);

}  // namespace oas::cli
