#include "Trace.h"

#include "../secrets/Redact.h"

namespace oas::trace {

Trace::Options Trace::Options::fromConfig(const config::ControlSection &control)
{
    Options o;
    o.toFile = control.trace.value;
    o.levels = control.traceLevel.value;
    o.fileName = control.traceFile.value;
    o.maxFiles = control.maxTraceFiles.value;
    o.maxFileSize = control.maxTraceFileSize.value;
    o.flow = control.traceFlow.value;
    return o;
}

Trace::Trace(Options options) : m_options(std::move(options)) {}

bool Trace::open(QString *error)
{
    if (!m_options.toFile)
        return true;
    m_file = std::make_unique<TraceFile>(m_options.fileName, m_options.maxFiles, m_options.maxFileSize);
    if (!m_file->open(error)) {
        m_file.reset();
        return false;
    }
    return true;
}

void Trace::emitBlock(run::TraceKind kind, config::TraceLevel level, const QString &block)
{
    const QString shown = m_secrets.isEmpty() ? block : redact(block);
    QString text = shown;
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    if (m_file)
        m_file->write(text.toUtf8());
    if (m_options.echo)
        *m_options.echo << text << Qt::flush;
    if (m_options.observer)
        m_options.observer->traceLine(kind, level, shown);
}

void Trace::write(config::TraceLevel level, const QString &block)
{
    if (on(level))
        emitBlock(run::TraceKind::Level, level, block);
}

void Trace::error(const QString &block)
{
    emitBlock(run::TraceKind::Error, {}, block);
}

void Trace::audit(const QString &block)
{
    emitBlock(run::TraceKind::Audit, {}, block);
}

void Trace::enter(const char *function)
{
    if (m_options.flow >= 1)
        emitBlock(run::TraceKind::Flow, {}, QStringLiteral("entering %1()").arg(QLatin1String(function)));
}

void Trace::exit(const char *function)
{
    if (m_options.flow >= 1)
        emitBlock(run::TraceKind::Flow, {}, QStringLiteral("exiting %1()").arg(QLatin1String(function)));
}

void Trace::hide(const QString &secret)
{
    secrets::addSecret(m_secrets, secret);
}

QString Trace::redact(const QString &text) const
{
    return secrets::redact(text, m_secrets);
}

void Trace::flush()
{
    if (m_file)
        m_file->flush();
}

}  // namespace oas::trace
