#!/usr/bin/env python3
"""Plot markup one node per line: a call written on one line that holds more than one element,
such as `.tr(.td(.text(a)), .td(.text(b)))`, is broken with each argument on its own line.

    scripts/plot_markup.py --check FILE...   list such lines, exit 1 if there are any
    scripts/plot_markup.py FILE...           rewrite them (then run `swift format`)
"""
import re
import sys

ELEMENTS = set("""a abbr article aside body br button caption code dd details div dl dt em fieldset figcaption figure
footer form h1 h2 h3 h4 h5 h6 head header hr html img input label legend li main meta nav ol optgroup option p pre
section select small span strong summary table tbody td textarea tfoot th thead tr ul time sup sub mark cite title
script style noscript""".split())
CALL = re.compile(r'(?<![\w)\]}"])\.([a-z][a-zA-Z0-9]*)\(')

def scan_string(s, i):
    """Index after the string literal starting at s[i] == '"' (single line, with interpolations)."""
    i += 1
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s) and s[i + 1] == '(':
            depth, i = 1, i + 2
            while i < len(s) and depth:
                if s[i] == '"':
                    i = scan_string(s, i)
                    continue
                depth += {'(': 1, ')': -1}.get(s[i], 0)
                i += 1
            continue
        if c == '\\':
            i += 2
            continue
        if c == '"':
            return i + 1
        i += 1
    return i

def matching(s, i):
    """Index of the bracket closing the one at s[i], skipping strings; None if not on this line."""
    depth = 0
    while i < len(s):
        c = s[i]
        if c == '"':
            i = scan_string(s, i)
            continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None

def split_args(s):
    """Top-level comma-separated arguments of s."""
    args, depth, start, i = [], 0, 0, 0
    while i < len(s):
        c = s[i]
        if c == '"':
            i = scan_string(s, i)
            continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
        elif c == ',' and depth == 0:
            args.append(s[start:i].strip())
            start = i + 1
        i += 1
    last = s[start:].strip()
    if last:
        args.append(last)
    return args

def element_count(s):
    n, i = 0, 0
    while i < len(s):
        if s[i] == '"':
            i = scan_string(s, i)
            continue
        m = CALL.match(s, i) if s[i] == '.' else None
        if m and m.group(1) in ELEMENTS and (i == 0 or not (s[i - 1].isalnum() or s[i - 1] in ')]}"_')):
            n += 1
        i += 1
    return n

def render(call, indent):
    """`call` is `.name(args)`; returns lines, breaking it when it holds more than one element."""
    if element_count(call) <= 1:
        return [indent + call]
    open_at = call.index('(')
    inner = call[open_at + 1:-1]
    args = split_args(inner)
    lines = [indent + call[:open_at + 1]]
    for k, arg in enumerate(args):
        sep = ',' if k < len(args) - 1 else ''
        m = CALL.match(arg)
        if m and matching(arg, m.end() - 1) == len(arg) - 1:
            sub = render(arg, indent + '    ')
            sub[-1] += sep
            lines += sub
        else:
            lines.append(indent + '    ' + arg + sep)
    lines.append(indent + ')')
    return lines

def fix_line(line):
    indent = re.match(r'\s*', line).group(0)
    i = 0
    while i < len(line):
        if line[i] == '"':
            i = scan_string(line, i)
            continue
        m = CALL.match(line, i) if line[i] == '.' else None
        if m and m.group(1) in ELEMENTS and (i == 0 or not (line[i - 1].isalnum() or line[i - 1] in ')]}"_')):
            end = matching(line, m.end() - 1)
            if end is None:
                return None
            call = line[i:end + 1]
            if element_count(call) > 1:
                prefix, suffix = line[:i], line[end + 1:]
                body = render(call, indent + ('    ' if prefix.strip() else ''))
                if prefix.strip():
                    out = [prefix.rstrip()] + body
                else:
                    out = [prefix + body[0].lstrip()] + body[1:]
                out[-1] += suffix
                rest = fix_line(out[-1])
                return out[:-1] + (rest if rest else [out[-1]])
            i = end + 1
            continue
        i += 1
    return None

def main(arguments):
    check = arguments[:1] == ["--check"]
    found = 0
    for path in arguments[1:] if check else arguments:
        lines = open(path).read().split('\n')
        out, changed = [], False
        for number, line in enumerate(lines, 1):
            stripped = line.strip()
            if stripped.startswith('//') or '"""' in line:
                out.append(line)
                continue
            fixed = fix_line(line)
            if fixed:
                out += fixed
                changed = True
                found += 1
                if check:
                    print(f"{path}:{number}: Plot markup with more than one element on one line")
            else:
                out.append(line)
        if changed and not check:
            open(path, 'w').write('\n'.join(out))
            print("changed", path)
    return 1 if check and found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
