#include "ReferenceFile.h"

#include <QtEndian>

#include <xxhash.h>

namespace oas::exporter::delta {

namespace {

const QByteArray kMagic("OASREF01");
const QByteArray kEndMagic("OASEND01");
constexpr quint32 kFormatVersion = 1;
constexpr qint64 kTrailerSize = 8 + 8 + 8 + 8;  // magic, record count, key data width, checksum

QString formName(config::SortForm f)
{
    switch (f) {
    case config::SortForm::Integer: return QStringLiteral("Integer");
    case config::SortForm::Numeric: return QStringLiteral("Numeric");
    case config::SortForm::CaseIgnore: return QStringLiteral("CaseIgnore");
    case config::SortForm::CaseSensitive: return QStringLiteral("CaseSensitive");
    case config::SortForm::Default: break;
    }
    return QStringLiteral("Any");
}

}  // namespace

QString ReferenceHeader::differenceFrom(const ReferenceHeader &o) const
{
    if (selection != o.selection)
        return QStringLiteral("the selection changed");
    if (keys != o.keys)
        return QStringLiteral("the keys changed");
    if (from != o.from)
        return QStringLiteral("the From field changed");
    if (where != o.where)
        return QStringLiteral("the Where field changed");
    if (hashSize != o.hashSize)
        return QStringLiteral("DataHash changed");
    if (eightBit != o.eightBit)
        return QStringLiteral("8bit changed");
    if (sortForms != o.sortForms)
        return QStringLiteral("the key sort order changed");
    if (savedColumns != o.savedColumns)
        return QStringLiteral("SaveAttr changed");
    return {};
}

QString ReferenceHeader::describe() const
{
    QStringList forms;
    for (config::SortForm f : sortForms)
        forms.append(formName(f));
    return QStringLiteral("reference info:\ntime-stamp=%1\nrecord count=%2\nkey data width=%3\nsupport-8-bits=%4\n"
                          "data hash size=%5\nselection=%6\nkeys=%7\nfrom=%8\nwhere=%9\nsort=%10")
        .arg(QLocale::c().toString(timestamp, QStringLiteral("ddd MMM d HH:mm:ss yyyy")))
        .arg(recordCount)
        .arg(keyDataWidth)
        .arg(eightBit ? QStringLiteral("TRUE") : QStringLiteral("FALSE"))
        .arg(hashSize)
        .arg(selection, keys, from, where.isEmpty() ? QStringLiteral("null") : where, forms.join(QStringLiteral(", ")));
}

bool ReferenceWriter::open(const QString &path, const ReferenceHeader &h, QString *error)
{
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot create reference file\n%1").arg(path);
        m_file.reset();
        return false;
    }
    m_hashState = XXH3_createState();
    XXH3_64bits_reset(static_cast<XXH3_state_t *>(m_hashState));
    QByteArray b = kMagic;
    appendU32(b, kFormatVersion);
    appendU64(b, quint64(h.timestamp.toMSecsSinceEpoch()));
    b.append(char(h.eightBit ? 1 : 0));
    b.append(char(h.hashSize));
    for (const QString &s : {h.selection, h.keys, h.from, h.where})
        appendString(b, s);
    appendU32(b, quint32(h.sortForms.size()));
    for (config::SortForm f : h.sortForms)
        b.append(char(int(f)));
    appendU32(b, quint32(h.savedColumns.size()));
    for (const QString &s : h.savedColumns)
        appendString(b, s);
    put(b);
    return true;
}

void ReferenceWriter::put(const QByteArray &bytes)
{
    XXH3_64bits_update(static_cast<XXH3_state_t *>(m_hashState), bytes.constData(), size_t(bytes.size()));
    if (m_file->write(bytes) != bytes.size())
        m_failed = true;
}

bool ReferenceWriter::append(const RefElement &e)
{
    m_keyWidth = std::max(m_keyWidth, appendElement(m_pending, e, false));
    if (m_pending.size() >= 64 * 1024)
        flushPending();
    ++m_count;
    return !m_failed;
}

void ReferenceWriter::flushPending()
{
    put(m_pending);
    m_pending.resize(0);
}

bool ReferenceWriter::commit(QString *error)
{
    flushPending();
    // Count and key width are known only at the end, so they live in the trailer.
    QByteArray t = kEndMagic;
    appendU64(t, quint64(m_count));
    appendU64(t, quint64(m_keyWidth));
    put(t);
    QByteArray sum;
    appendU64(sum, XXH3_64bits_digest(static_cast<XXH3_state_t *>(m_hashState)));
    m_file->write(sum);
    XXH3_freeState(static_cast<XXH3_state_t *>(m_hashState));
    m_hashState = nullptr;
    if (m_failed || !m_file->commit()) {
        *error = QStringLiteral("cannot write reference file\n%1").arg(m_file->fileName());
        m_file.reset();
        return false;
    }
    m_file.reset();
    return true;
}

void ReferenceWriter::abandon()
{
    if (m_hashState)
        XXH3_freeState(static_cast<XXH3_state_t *>(m_hashState));
    m_hashState = nullptr;
    if (m_file)
        m_file->cancelWriting();
    m_file.reset();
}

ReferenceReader::~ReferenceReader() = default;

bool ReferenceReader::open(const QString &path, QString *error)
{
    m_file.setFileName(path);
    auto fail = [&](const QString &why) {
        *error = QStringLiteral("reference file %1 is not usable: %2").arg(path, why);
        m_file.close();
        return false;
    };
    if (!m_file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot open it"));
    const qint64 size = m_file.size();
    if (size < kMagic.size() + kTrailerSize || m_file.read(kMagic.size()) != kMagic)
        return fail(QStringLiteral("not a reference file"));
    // Checksum of everything but the last 8 bytes.
    m_file.seek(0);
    XXH3_state_t *state = XXH3_createState();
    XXH3_64bits_reset(state);
    qint64 left = size - 8;
    while (left > 0) {
        const QByteArray chunk = m_file.read(std::min<qint64>(left, 1 << 20));
        if (chunk.isEmpty())
            break;
        XXH3_64bits_update(state, chunk.constData(), size_t(chunk.size()));
        left -= chunk.size();
    }
    const quint64 computed = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    m_file.seek(size - kTrailerSize);
    const QByteArray trailer = m_file.read(kTrailerSize);
    if (left != 0 || trailer.size() != kTrailerSize || !trailer.startsWith(kEndMagic)
        || qFromLittleEndian<quint64>(trailer.constData() + 24) != computed)
        return fail(QStringLiteral("it is incomplete or damaged (checksum mismatch)"));
    m_header.recordCount = qint64(qFromLittleEndian<quint64>(trailer.constData() + 8));
    m_header.keyDataWidth = qint64(qFromLittleEndian<quint64>(trailer.constData() + 16));

    m_file.seek(kMagic.size());
    m_reader.reset(&m_file);
    ElementReader &in = m_reader;
    quint32 version = 0;
    quint64 ms = 0;
    QByteArray flags;
    std::optional<QString> sel, keys, from, where;
    if (!in.u32(version) || version != kFormatVersion)
        return fail(QStringLiteral("unsupported format version %1").arg(version));
    if (!in.u64(ms) || !in.bytes(flags, 2) || !in.string(sel) || !in.string(keys) || !in.string(from) || !in.string(where))
        return fail(QStringLiteral("damaged header"));
    m_header.timestamp = QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC);
    m_header.eightBit = flags.at(0) != 0;
    m_header.hashSize = flags.at(1);
    m_header.selection = sel.value_or(QString());
    m_header.keys = keys.value_or(QString());
    m_header.from = from.value_or(QString());
    m_header.where = where.value_or(QString());
    quint32 n = 0;
    QByteArray forms;
    if (!in.u32(n) || n > 1000 || !in.bytes(forms, n))
        return fail(QStringLiteral("damaged header"));
    for (char f : forms)
        m_header.sortForms.append(config::SortForm(int(f)));
    if (!in.u32(n) || n > 1000)
        return fail(QStringLiteral("damaged header"));
    for (quint32 i = 0; i < n; ++i) {
        std::optional<QString> s;
        if (!in.string(s))
            return fail(QStringLiteral("damaged header"));
        m_header.savedColumns.append(s.value_or(QString()));
    }
    if (m_header.hashSize < 1 || m_header.hashSize > 16)
        return fail(QStringLiteral("damaged header"));
    return true;
}

bool ReferenceReader::next(RefElement &element)
{
    if (m_read >= m_header.recordCount)
        return false;
    if (!m_reader.element(element, int(m_header.sortForms.size()), m_header.hashSize, int(m_header.savedColumns.size()), false))
        return false;
    ++m_read;
    return true;
}

}  // namespace oas::exporter::delta
