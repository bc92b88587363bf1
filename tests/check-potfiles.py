#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Keep po/POTFILES.in honest.

Usage: check-potfiles.py SOURCE_ROOT

Fails (exit 1), naming the file, when
  - a file under src/ or data/ has translatable strings but is not listed,
  - a listed file does not exist,
  - a file is listed twice, or the list is not sorted.
In a git checkout, also fails when a listed file is not tracked (git add it):
the pot target of a clean clone would fail on it.
"""

import os
import re
import subprocess
import sys

# Keywords of meson's 'glib' gettext preset, plus plain gettext ones.
C_KEYWORDS = re.compile(
    r'(?<![A-Za-z0-9_])'
    r'(?:_|N_|C_|NC_|Q_|gettext|ngettext|dgettext|dngettext|pgettext|'
    r'g_dgettext|g_dngettext|g_dcgettext|g_dpgettext|g_dpgettext2)'
    r'\s*\(')
UI_TRANSLATABLE = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"', re.I)

# Data files and the parts of them that xgettext's ITS rules extract.
DATA_RULES = [
    (re.compile(r'\.desktop\.in$'),
     re.compile(r'^\s*(?:Name|GenericName|Comment|Keywords)\s*=', re.M)),
    (re.compile(r'\.(?:metainfo|appdata)\.xml\.in$'),
     re.compile(r'<(?:name|summary|description|p|li|caption)[\s>]')),
    (re.compile(r'\.gschema\.xml$'),
     re.compile(r'gettext-domain\s*=.*?<(?:summary|description)[\s>]',
                re.S)),
    (re.compile(r'\.mime\.xml$'),
     re.compile(r'<comment[\s>]')),
]

C_LEXEME = re.compile(r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')
''', re.S | re.X)


def strip_c(text):
    """C source with comments removed and literals emptied, so that a
    keyword in a comment or in a string does not count."""
    def repl(m):
        if m.group('comment'):
            return ' '
        return m.group('string')[0] * 2
    return C_LEXEME.sub(repl, text)


def has_translatable(root, path):
    full = os.path.join(root, path)
    with open(full, encoding='utf-8', errors='replace') as f:
        text = f.read()
    if path.endswith(('.c', '.h')):
        return C_KEYWORDS.search(strip_c(text)) is not None
    if path.endswith('.ui'):
        return UI_TRANSLATABLE.search(text) is not None
    for name_re, content_re in DATA_RULES:
        if name_re.search(path):
            return content_re.search(text) is not None
    return False


def candidates(root):
    for top in ('src', 'data'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith('.'))
            for name in sorted(filenames):
                rel = os.path.relpath(os.path.join(dirpath, name), root)
                yield rel.replace(os.sep, '/')


def read_potfiles(potfiles):
    entries = []
    with open(potfiles, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append((lineno, line))
    return entries


def tracked_files(root):
    """Files git tracks (or has staged) when root is the top of a checkout;
    None otherwise (a release tarball, no git)."""
    try:
        top = subprocess.run(['git', '-C', root, 'rev-parse', '--show-toplevel'],
                             capture_output=True, check=True)
        if os.path.realpath(top.stdout.decode().strip()) != os.path.realpath(root):
            return None
        out = subprocess.run(['git', '-C', root, 'ls-files', '-z'],
                             capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return set(out.stdout.decode('utf-8', 'replace').split('\0'))


def main(argv):
    if len(argv) != 2:
        print('usage: check-potfiles.py SOURCE_ROOT', file=sys.stderr)
        return 2
    root = argv[1]
    potfiles = os.path.join(root, 'po', 'POTFILES.in')
    if not os.path.isfile(potfiles):
        print(f'{potfiles}: no such file', file=sys.stderr)
        return 1

    errors = []
    entries = read_potfiles(potfiles)
    listed = set()
    previous = None
    for lineno, path in entries:
        where = f'po/POTFILES.in:{lineno}'
        if path in listed:
            errors.append(f'{where}: {path} is listed twice')
        listed.add(path)
        if not os.path.isfile(os.path.join(root, path)):
            errors.append(f'{where}: {path} does not exist')
        if previous is not None and path < previous:
            errors.append(f'{where}: {path} is out of order '
                          f'(it should come before {previous})')
        previous = path

    for path in candidates(root):
        if path not in listed and has_translatable(root, path):
            errors.append(f'{path}: has translatable strings but is not '
                          'listed in po/POTFILES.in')

    tracked = tracked_files(root)
    if tracked is not None:
        for lineno, path in entries:
            if path not in tracked and os.path.isfile(os.path.join(root, path)):
                errors.append(f'po/POTFILES.in:{lineno}: {path} is not in git '
                              '(git add it): a clean clone cannot make the '
                              'template')

    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        return 1
    print(f'po/POTFILES.in: {len(entries)} files, all present and complete')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
