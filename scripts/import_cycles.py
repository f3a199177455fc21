#!/usr/bin/env python3
"""Counts import circles between the server's source files.

Each file under server/src is a module; a file depends on another when it names it through
`crate::…`, `super::…` or `self::…` (in `use` trees or in paths in code), or names a child it
declares (`mod issue;` then `issue::sign`). A circle is a strongly connected group of two or
more files. Prints each circle (with its edges under -v) and exits 1 when there is any, so a
change that makes one fails the guards.

Paths are read the way the compiler reads them, as far as text allows:
- comments, strings and character literals are skipped;
- a path inside an inline module (`mod tests { … }`, or `pub mod $name { … }` written in a
  macro) is relative to that module;
- unit-test modules (`#[cfg(test)] mod … { … }`) are left out: test code is not part of the
  server's structure;
- a `super::name` whose parent declares no `name` can only have been written for a module one
  level deeper, which a macro generates around its arguments; it is read from there.

Plain python3, no packages.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "server", "src")

RAW_STRING = re.compile(r'b?r(#*)"')
CHAR = re.compile(r"b?'(?:\\(?:x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|.)|[^\\'])'", re.S)
PATH = re.compile(r"(?<![\w$])\$?\b((?:crate|super|self)(?:::(?:super|\w+))+)")
USE = re.compile(r"\buse\s+((?:crate|super|self)\b[^;]*);", re.S)
INLINE_MOD = re.compile(r"\bmod\s+(\$?\w+)\s*\{")
TEST_MOD = re.compile(r"#\[cfg\(test\)\]\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*\{")
VISIBILITY = re.compile(r"\bpub\s*\(\s*in\s+[^)]*\)")
DECLARED = re.compile(
    r"\b(?:fn|struct|enum|const|static|type|trait|union|mod)\s+(\w+)|\bmacro_rules!\s*(\w+)"
)


def module_of(path):
    rel = os.path.relpath(path, ROOT)[:-3].split(os.sep)
    if rel[-1] in ("mod", "lib", "main"):
        rel = rel[:-1]
    return tuple(rel)


def ident_before(text, i):
    return i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")


def strip(text):
    """The source with comments removed and the insides of literals blanked; offsets keep."""
    out = list(text)
    i, n = 0, len(text)

    def blank(a, b):
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif text.startswith("/*", i):
            start, depth = i, 0
            while i < n:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                    if depth == 0:
                        break
                else:
                    i += 1
            blank(start, i)
        elif (m := RAW_STRING.match(text, i)) and not ident_before(text, i):
            end = text.find('"' + m.group(1), m.end())
            end = n if end < 0 else end + 1 + len(m.group(1))
            blank(m.end(), end - 1 - len(m.group(1)))
            i = end
        elif text[i] == '"' or (text.startswith('b"', i) and not ident_before(text, i)):
            start = text.index('"', i) + 1
            j = start
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            blank(start, j)
            i = j + 1
        elif text[i] in "'b" and (m := CHAR.match(text, i)) and not ident_before(text, i):
            blank(i + 1, m.end() - 1)
            i = m.end()
        else:
            i += 1
    return "".join(out)


def block_end(text, open_brace):
    """Offset just past the `}` closing the `{` at `open_brace`."""
    depth = 0
    for k in range(open_brace, len(text)):
        if text[k] == "{":
            depth += 1
        elif text[k] == "}":
            depth -= 1
            if depth == 0:
                return k + 1
    return len(text)


def expand(prefix, tree):
    """Paths named by a use tree such as `a::{b, c::{d, e}}`."""
    tree = tree.strip()
    m = re.match(r"^([\w:]*?)(?:::)?\{(.*)\}$", tree, flags=re.S)
    if not m:
        yield prefix + [p.strip() for p in tree.split(" as ")[0].split("::") if p.strip()]
        return
    head = [p for p in m.group(1).split("::") if p]
    depth, start, body = 0, 0, m.group(2)
    for i, ch in enumerate(body + ","):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "," and depth == 0:
            part = body[start:i].strip()
            start = i + 1
            if part:
                yield from expand(prefix + head, part)


def resolve(current, path, modules):
    """The deepest file module `path` names from `current`, and the segments after it."""
    base, parts = list(current), list(path)
    if parts and parts[0] == "crate":
        base, parts = [], parts[1:]
    while parts and parts[0] == "super":
        base, parts = base[:-1], parts[1:]
    if parts and parts[0] == "self":
        parts = parts[1:]
    best, rest = tuple(base), parts
    for i in range(1, len(parts) + 1):
        candidate = tuple(base + parts[:i])
        if candidate not in modules:
            break
        best, rest = candidate, parts[i:]
    return best, rest


class Declarations:
    """The names each file declares or imports (what `super::name` can reach in it)."""

    def __init__(self, texts):
        self.names, self.globs = {}, set()
        for mod, text in texts.items():
            names = {a or b for a, b in DECLARED.findall(text)}
            for m in re.finditer(r"\buse\s+([^;]*);", text, flags=re.S):
                for path in expand([], m.group(1)):
                    if path and path[-1] == "*":
                        self.globs.add(mod)
                    elif path:
                        names.add(path[-1])
                for alias in re.findall(r"\bas\s+(\w+)", m.group(1)):
                    names.add(alias)
            self.names[mod] = names

    def declares(self, mod, name):
        return mod in self.globs or name in self.names.get(mod, ())


def named_paths(text):
    """(offset, path) of every module path the text names."""
    spans = []
    for m in USE.finditer(text):
        for path in expand([], m.group(1)):
            yield m.start(), path
        spans.append((m.start(), m.end()))
    # Paths in code; use declarations were read whole above (their tree prefixes are no paths).
    for m in PATH.finditer(text):
        if not any(a <= m.start() < b for a, b in spans):
            yield m.start(), m.group(1).split("::")


def main():
    files = {}
    for dirpath, _, names in os.walk(ROOT):
        for name in names:
            if name.endswith(".rs"):
                path = os.path.join(dirpath, name)
                files[module_of(path)] = path
    texts = {}
    for mod, path in files.items():
        with open(path, encoding="utf-8") as f:
            text = strip(f.read())
        for m in reversed(list(TEST_MOD.finditer(text))):
            end = block_end(text, m.end() - 1)
            text = text[: m.start()] + re.sub(r"[^\n]", " ", text[m.start() : end]) + text[end:]
        texts[mod] = VISIBILITY.sub(lambda m: " " * len(m.group(0)), text)
    declarations = Declarations(texts)
    edges = {m: set() for m in files}
    for mod, text in texts.items():
        inline = [
            (m.start(), block_end(text, m.end() - 1), m.group(1))
            for m in INLINE_MOD.finditer(text)
        ]
        named = list(named_paths(text))
        # Children declared here are named without a prefix (`issue::sign`, `use issue::X`).
        for child in re.findall(r"\bmod\s+(\w+)\s*;", text):
            for m in re.finditer(r"(?<![\w:])" + child + r"::", text):
                named.append((m.start(), ["self", child]))
        for offset, path in named:
            scope = mod + tuple(name for a, b, name in inline if a <= offset < b)
            target, rest = resolve(scope, path, files)
            if (
                path[0] == "super"
                and rest
                and rest[0] not in ("*", "self")
                and not declarations.declares(target, rest[0])
            ):
                target, rest = resolve(scope + ("<macro>",), path, files)
            if target != mod and target in files and not (target and target[-1] == "<macro>"):
                edges[mod].add(target)
    # Tarjan's strongly connected components.
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(group)

    for v in sorted(edges):
        if v not in index:
            visit(v)
    for group in out:
        names = sorted("::".join(g) or "crate" for g in group)
        print("import circle:", ", ".join(names))
        if "-v" in sys.argv:
            members = set(group)
            for v in sorted(group):
                for w in sorted(edges[v] & members):
                    print("   ", "::".join(v) or "crate", "->", "::".join(w) or "crate")
    print(f"{len(out)} import circle(s)")
    return 1 if out else 0


if __name__ == "__main__":
    sys.exit(main())
