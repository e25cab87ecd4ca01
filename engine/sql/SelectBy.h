#pragma once
// The SelectBy predicate of an import: abbreviations joined by & (AND), | (OR), ! (NOT) and parentheses,
// with SQL precedence (NOT binds tightest, then AND, then OR). Parsed into a tree that keeps the offset of
// every node in the predicate text, so errors and the editor can point at the exact place.
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace oas::sql {

struct SelectByNode {
    enum class Kind { Attribute, And, Or, Not, Group };
    Kind kind = Kind::Attribute;
    QString name;  // the abbreviation, for Attribute nodes
    int offset = 0;
    int length = 0;
    std::vector<SelectByNode> children;  // And/Or: two; Not/Group: one
};

struct SelectByError {
    int offset = 0;
    int length = 0;
    QString message;
};

struct SelectByParse {
    std::optional<SelectByNode> root;
    QList<SelectByError> errors;
};

SelectByParse parseSelectBy(const QString &text);

// Every Attribute node in left-to-right order, repeats included (the order of the '?' markers).
QList<const SelectByNode *> attributeNodes(const SelectByNode &root);
// The abbreviations in order of first appearance, compared case-insensitively.
QStringList distinctAttributes(const SelectByNode &root);

}  // namespace oas::sql
