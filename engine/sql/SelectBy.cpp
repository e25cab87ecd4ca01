#include "SelectBy.h"

#include <algorithm>

namespace oas::sql {

namespace {

struct Token {
    enum class Kind { Name, And, Or, Not, Open, Close, End, Bad };
    Kind kind = Kind::End;
    int offset = 0;
    int length = 0;
    QString text;
};

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-');
}

QList<Token> tokenize(const QString &text)
{
    QList<Token> tokens;
    int i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token t;
        t.offset = i;
        t.length = 1;
        switch (c.unicode()) {
        case '&': t.kind = Token::Kind::And; break;
        case '|': t.kind = Token::Kind::Or; break;
        case '!': t.kind = Token::Kind::Not; break;
        case '(': t.kind = Token::Kind::Open; break;
        case ')': t.kind = Token::Kind::Close; break;
        default:
            if (isNameChar(c)) {
                int end = i;
                while (end < text.size() && isNameChar(text.at(end)))
                    ++end;
                t.kind = Token::Kind::Name;
                t.length = end - i;
            } else {
                t.kind = Token::Kind::Bad;
            }
        }
        t.text = text.mid(i, t.length);
        tokens.append(t);
        i += t.length;
    }
    tokens.append(Token{Token::Kind::End, int(text.size()), 0, {}});
    return tokens;
}

class Parser {
public:
    explicit Parser(const QString &text) : m_tokens(tokenize(text)) {}

    SelectByParse run()
    {
        SelectByParse result;
        const auto bad = std::find_if(m_tokens.begin(), m_tokens.end(),
                                      [](const Token &t) { return t.kind == Token::Kind::Bad; });
        if (bad != m_tokens.end()) {
            fail(*bad, QStringLiteral("unexpected character %1 in SelectBy predicate").arg(bad->text));
        } else if (m_tokens.first().kind == Token::Kind::End) {
            fail(m_tokens.first(), QStringLiteral("empty SelectBy predicate"));
        } else {
            std::optional<SelectByNode> root = parseOr();
            if (root && !m_failed) {
                const Token &t = peek();
                if (t.kind == Token::Kind::Close)
                    fail(t, QStringLiteral("unmatched closing parenthesis"));
                else if (t.kind != Token::Kind::End)
                    fail(t, QStringLiteral("missing operator before %1").arg(t.text));
            }
            if (!m_failed)
                result.root = std::move(root);
        }
        result.errors = m_errors;
        return result;
    }

private:
    // Parentheses and ! nest by recursion here and in every walk of the tree: a bounded depth (and a bounded
    // number of terms, which makes the tree's depth) keeps hostile input from overflowing the stack.
    static constexpr int kMaxDepth = 100;
    static constexpr int kMaxTerms = 1000;
    struct Nesting {
        Nesting(Parser &p, const Token &t) : parser(p)
        {
            if (++parser.m_depth > kMaxDepth)
                parser.fail(t, QStringLiteral("SelectBy nested more than %1 deep (parentheses and !)").arg(kMaxDepth));
        }
        ~Nesting() { --parser.m_depth; }
        Parser &parser;
    };

    const Token &peek() const { return m_tokens.at(m_pos); }
    const Token &take() { return m_tokens.at(m_pos++); }

    void fail(const Token &t, const QString &message)
    {
        if (!m_failed)
            m_errors.append({t.offset, t.length, message});
        m_failed = true;
    }

    static SelectByNode binary(SelectByNode::Kind kind, SelectByNode left, SelectByNode right)
    {
        SelectByNode n;
        n.kind = kind;
        n.offset = left.offset;
        n.length = right.offset + right.length - left.offset;
        n.children.push_back(std::move(left));
        n.children.push_back(std::move(right));
        return n;
    }

    std::optional<SelectByNode> parseOr()
    {
        auto left = parseAnd();
        while (left && peek().kind == Token::Kind::Or) {
            take();
            auto right = parseAnd();
            if (!right)
                return std::nullopt;
            left = binary(SelectByNode::Kind::Or, std::move(*left), std::move(*right));
        }
        return left;
    }

    std::optional<SelectByNode> parseAnd()
    {
        auto left = parseNot();
        while (left && peek().kind == Token::Kind::And) {
            take();
            auto right = parseNot();
            if (!right)
                return std::nullopt;
            left = binary(SelectByNode::Kind::And, std::move(*left), std::move(*right));
        }
        return left;
    }

    std::optional<SelectByNode> parseNot()
    {
        if (peek().kind != Token::Kind::Not)
            return parsePrimary();
        const Token op = take();
        const Nesting nesting(*this, op);
        if (m_failed)
            return std::nullopt;
        auto operand = parseNot();
        if (!operand)
            return std::nullopt;
        SelectByNode n;
        n.kind = SelectByNode::Kind::Not;
        n.offset = op.offset;
        n.length = operand->offset + operand->length - op.offset;
        n.children.push_back(std::move(*operand));
        return n;
    }

    std::optional<SelectByNode> parsePrimary()
    {
        const Token t = peek();
        switch (t.kind) {
        case Token::Kind::Name: {
            take();
            if (++m_terms > kMaxTerms) {
                fail(t, QStringLiteral("SelectBy names more than %1 attributes").arg(kMaxTerms));
                return std::nullopt;
            }
            SelectByNode n;
            n.kind = SelectByNode::Kind::Attribute;
            n.name = t.text;
            n.offset = t.offset;
            n.length = t.length;
            return n;
        }
        case Token::Kind::Open: {
            take();
            const Nesting nesting(*this, t);
            if (m_failed)
                return std::nullopt;
            auto inner = parseOr();
            if (!inner)
                return std::nullopt;
            if (peek().kind != Token::Kind::Close) {
                fail(t, QStringLiteral("missing closing parenthesis"));
                return std::nullopt;
            }
            const Token close = take();
            SelectByNode n;
            n.kind = SelectByNode::Kind::Group;
            n.offset = t.offset;
            n.length = close.offset + 1 - t.offset;
            n.children.push_back(std::move(*inner));
            return n;
        }
        case Token::Kind::Bad:
            fail(t, QStringLiteral("unexpected character %1 in SelectBy predicate").arg(t.text));
            return std::nullopt;
        case Token::Kind::End: {
            const Token &prev = m_tokens.at(std::max(0, m_pos - 1));
            fail(prev, QStringLiteral("missing operand after %1").arg(prev.text));
            return std::nullopt;
        }
        case Token::Kind::Close:
            fail(t, QStringLiteral("missing operand before )"));
            return std::nullopt;
        default:
            fail(t, QStringLiteral("missing operand before %1").arg(t.text));
            return std::nullopt;
        }
    }

    QList<Token> m_tokens;
    int m_depth = 0;
    int m_terms = 0;
    int m_pos = 0;
    bool m_failed = false;
    QList<SelectByError> m_errors;
};

void collect(const SelectByNode &node, QList<const SelectByNode *> &out)
{
    if (node.kind == SelectByNode::Kind::Attribute)
        out.append(&node);
    for (const SelectByNode &child : node.children)
        collect(child, out);
}

}  // namespace

SelectByParse parseSelectBy(const QString &text)
{
    return Parser(text).run();
}

QList<const SelectByNode *> attributeNodes(const SelectByNode &root)
{
    QList<const SelectByNode *> out;
    collect(root, out);
    return out;
}

QStringList distinctAttributes(const SelectByNode &root)
{
    QStringList names;
    for (const SelectByNode *n : attributeNodes(root)) {
        if (!names.contains(n->name, Qt::CaseInsensitive))
            names.append(n->name);
    }
    return names;
}

}  // namespace oas::sql
