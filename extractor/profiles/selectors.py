"""A small CSS selector subset compiled to XPath, for site profiles (no cssselect dependency).

Supported: type (``div``, ``*``), ``.class``, ``#id``, attributes (``[a]``, ``[a=v]``,
``[a~=v]``, ``[a^=v]``, ``[a$=v]``, ``[a*=v]``, ``[a|=v]``), ``:first-child``,
``:last-child``, ``:nth-child(n)``, ``:nth-last-child(n)``, ``:first-of-type``,
``:last-of-type``, ``:nth-of-type(n)``, ``:nth-last-of-type(n)``, the combinators descendant
(space), ``>``, ``+`` and ``~``, and groups (``a, b``). A selector is matched below the
element it is applied to, never on it; a leading ``>`` matches that element's children only
(``> div``), as in a card-relative selector.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree

from extractor.errors import ConfigError
from extractor.parse.dom import HtmlElement

_TOKEN_RE = re.compile(
    r"""
    \s*(?P<comb>[>+~])\s*
    | (?P<space>\s+)
    | (?P<tag>[A-Za-z][\w-]*|\*)
    | \.(?P<cls>-?[A-Za-z_][\w-]*)
    | \#(?P<id>[\w-]+)
    | \[\s*(?P<attr>[A-Za-z_][\w:.-]*)\s*
        (?:(?P<op>[~^$*|]?=)\s*(?P<val>"[^"]*"|'[^']*'|[^\]\s"']+)\s*)?\]
    | :(?P<pseudo>[a-z-]+)(?:\(\s*(?P<arg>\d+)\s*\))?
    """,
    re.VERBOSE,
)
_KINDS = ("comb", "space", "tag", "cls", "id", "attr", "pseudo")
_AXES = {" ": "//", ">": "/", "+": "/following-sibling::*[1]/self::", "~": "/following-sibling::"}


def _literal(text: str) -> str:
    """An XPath string literal for any text (XPath 1.0 has no escapes)."""
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return "concat(" + ', "\'", '.join(f"'{part}'" for part in text.split("'")) + ")"


def _word(attr: str, value: str) -> str:
    return f"contains(concat(' ', normalize-space({attr}), ' '), {_literal(' ' + value + ' ')})"


def _attribute(name: str, op: str | None, value: str) -> str:
    attr, lit = f"@{name}", _literal(value)
    if op is None:
        return attr
    if op == "=":
        return f"{attr} = {lit}"
    if op == "~=":
        return _word(attr, value)
    if op == "^=":
        return f"starts-with({attr}, {lit})"
    if op == "$=":
        return f"substring({attr}, string-length({attr}) - {len(value) - 1}) = {lit}"
    if op == "*=":
        return f"contains({attr}, {lit})"
    return f"({attr} = {lit} or starts-with({attr}, {_literal(value + '-')}))"  # |=


@dataclass(slots=True)
class _Step:
    axis: str
    tag: str = "*"
    tests: list[str] = field(default_factory=list)

    def xpath(self) -> str:
        return self.axis + self.tag + "".join(f"[{t}]" for t in self.tests)


def _pseudo(step: _Step, name: str, arg: str | None, source: str) -> None:
    siblings = step.tag
    if name == "first-child":
        step.tests.append("not(preceding-sibling::*)")
    elif name == "last-child":
        step.tests.append("not(following-sibling::*)")
    elif name == "nth-child" and arg:
        step.tests.append(f"count(preceding-sibling::*) = {int(arg) - 1}")
    elif name == "first-of-type":
        step.tests.append(f"not(preceding-sibling::{siblings})")
    elif name == "last-of-type":
        step.tests.append(f"not(following-sibling::{siblings})")
    elif name == "nth-of-type" and arg:
        step.tests.append(f"count(preceding-sibling::{siblings}) = {int(arg) - 1}")
    elif name == "nth-last-child" and arg:
        step.tests.append(f"count(following-sibling::*) = {int(arg) - 1}")
    elif name == "nth-last-of-type" and arg:
        step.tests.append(f"count(following-sibling::{siblings}) = {int(arg) - 1}")
    else:
        raise ConfigError(f"selector {source!r}: :{name} is not supported")


def _complex(source: str) -> str:
    """One selector without commas as an XPath relative to the element it is applied to."""
    steps: list[_Step] = []
    combinator: str | None = " "
    pos = 0
    text = source.strip()
    while pos < len(text):
        match = _TOKEN_RE.match(text, pos)
        if match is None or match.end() == pos:
            raise ConfigError(f"selector {source!r}: cannot read it at {text[pos:]!r}")
        pos = match.end()
        kind = next(k for k in _KINDS if match[k] is not None)
        if kind in ("comb", "space"):
            if combinator is not None and kind == "comb" and steps:
                raise ConfigError(f"selector {source!r}: two combinators in a row")
            combinator = match["comb"] or " "
            continue
        if combinator is not None:
            if not steps and combinator in ("+", "~"):
                raise ConfigError(f"selector {source!r}: starts with {combinator}")
            steps.append(_Step(axis=_AXES[combinator]))
            combinator = None
        step = steps[-1]
        if kind == "tag":
            if step.tag != "*" or step.tests:
                raise ConfigError(f"selector {source!r}: the element name must come first")
            step.tag = match["tag"].lower() if match["tag"] != "*" else "*"
        elif kind == "cls":
            step.tests.append(_word("@class", match["cls"]))
        elif kind == "id":
            step.tests.append(f"@id = {_literal(match['id'])}")
        elif kind == "attr":
            value = match["val"] or ""
            if value[:1] in ("'", '"'):
                value = value[1:-1]
            step.tests.append(_attribute(match["attr"].lower(), match["op"], value))
        else:
            _pseudo(step, match["pseudo"], match["arg"], source)
    if not steps or combinator not in (None, " "):
        raise ConfigError(f"selector {source!r}: nothing to select")
    return "." + "".join(step.xpath() for step in steps)


def _groups(source: str) -> list[str]:
    parts, depth, start = [], 0, 0
    quote: str | None = None
    for i, char in enumerate(source):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(source[start:i])
            start = i + 1
    parts.append(source[start:])
    return [p for p in (part.strip() for part in parts) if p] or [source]


@dataclass(frozen=True, slots=True)
class Selector:
    """A compiled selector; ``select`` gives the matching elements below one, in page order."""

    source: str
    xpath: str
    _compiled: lxml.etree.XPath = field(repr=False, compare=False)

    @classmethod
    def parse(cls, source: str) -> Selector:
        xpath = " | ".join(_complex(group) for group in _groups(source))
        return cls(source, xpath, lxml.etree.XPath(xpath))

    def select(self, el: HtmlElement) -> list[HtmlElement]:
        found = self._compiled(el)
        return [x for x in found if isinstance(x, lxml.etree._Element)]  # noqa: SLF001

    def first(self, el: HtmlElement) -> HtmlElement | None:
        found = self.select(el)
        return found[0] if found else None


__all__ = ["Selector"]
