#!/usr/bin/env python3
"""Restore one real-text excerpt from a page excerpt, by its hash.

usage: restore_cut.py FILE RAW [FOLDER]

FILE is an excerpt's name in manifest.json; RAW a file holding the text the search tool's pages corpus returns for the
excerpt's address (plain text, or a .json file holding that text as one JSON string literal, copied from the tool's
answer with its escapes). The manifest's "cut" says how each excerpt was taken from such a text: the article's own
reporting, from its first to its last paragraph, page furniture left out. This tries the cuts that description allows
(a run of paragraphs; up to two lines, or one block of lines, left out inside it; a date prefix, an agency tag, a
trailing credit or the last sentences left out; blank-line runs collapsed; French spacing) and writes the one whose
SHA-256 is the manifest's to FOLDER/FILE (default $CLAIMS_REALTEXT_DIR or /work/realtext-cache). Nothing is written
unless the hash matches, so what it writes is the excerpt the annotations were made on. Exit code 0 on a match.
"""
import hashlib
import itertools
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NB = ['\u00a0', '\u202f']


def raw_variants(raw):
    raw = re.sub(r'^\s*date \d{4}(-\d{2})?(-\d{2})?\s*', '', raw)
    seen = set()
    for v in (raw, re.sub(r'\n{3,}', '\n\n', raw), re.sub(r'(?m)^[ \t]+$', '', raw), re.sub(r'\n{3,}', '\n\n', re.sub(r'(?m)^[ \t]+$', '', raw)),
              re.sub(r'^\((?:AFP|Belga|Reuters|AP)\)\s*', '', raw)):
        if v not in seen:
            seen.add(v)
            yield v


def last_trims(line):
    out = {line, line.rstrip()}
    m = re.search(r'\s*\((?:[^()]*)\)\s*$', line)
    if m:
        out.add(line[:m.start()])
    s = line
    for _ in range(8):
        m = re.search(r'(.*[.!?»"])\s*\S[^.!?]*[.!?)]?\s*$', s)
        if not m:
            break
        s = m.group(1)
        out.add(s)
    return out


def first_trims(line):
    return {line, line.lstrip(), line.strip(), re.sub(r'^\((?:AFP|Belga|Reuters|AP)\)\s*', '', line)}


def spacings(c):
    yield c
    for nb in NB:
        yield re.sub(r' ([:;!?»])', nb + r'\1', c).replace('« ', '«' + nb)
    for a, b in itertools.product(NB, NB):
        yield re.sub(r' ([:;!?])', a + r'\1', c).replace(' »', b + '»').replace('« ', '«' + b)
    yield c.replace("'", '\u2019')


def drops(i, j):
    inner = list(range(i + 1, j))
    yield ()
    for k in inner:
        yield (k,)
    if len(inner) <= 40:
        yield from itertools.combinations(inner, 2)
        for a in range(len(inner)):
            for b in range(a + 2, len(inner) + 1):
                yield tuple(inner[a:b])


def find(raw, chars, target):
    for text in raw_variants(raw):
        lines = text.split('\n')
        n = len(lines)
        for i in range(n):
            for j in range(i, n):
                for drop in drops(i, j):
                    sel = [lines[k] for k in range(i, j + 1) if k not in drop]
                    for f in first_trims(sel[0]):
                        for last in (last_trims(sel[-1]) if len(sel) > 1 else last_trims(f)):
                            body = [f] + sel[1:-1] + [last] if len(sel) > 1 else [last]
                            for end in ('\n', ''):
                                c = '\n'.join(body) + end
                                if len(c) != chars:
                                    continue
                                for v in spacings(c):
                                    if hashlib.sha256(v.encode('utf-8')).hexdigest() == target:
                                        return v
    return None


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    name, raw_path = argv[1], argv[2]
    folder = argv[3] if len(argv) > 3 else os.environ.get('CLAIMS_REALTEXT_DIR', '/work/realtext-cache')
    manifest = json.load(open(os.path.join(HERE, 'manifest.json'), encoding='utf-8'))
    entry = next((e for e in manifest['excerpts'] if e['file'] == name), None)
    if entry is None:
        print(f'{name}: not in manifest.json')
        return 2
    raw = open(raw_path, encoding='utf-8').read()
    if raw_path.endswith('.json'):
        raw = json.loads(raw)
    found = find(raw, entry['chars'], entry['sha256'])
    if found is None:
        print(f'NO MATCH {name}: {entry["chars"]} characters wanted, the page text has {len(raw)}')
        return 1
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), 'w', encoding='utf-8', newline='') as out:
        out.write(found)
    print(f'MATCH {name}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
