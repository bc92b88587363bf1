#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check one translation catalogue.

Usage: check-po.py SOURCE_ROOT LANG

Fails (exit 1) when `msgfmt -c --check-format` rejects po/LANG.po: a bad
header, a format specifier that differs from the original, a wrong number
of plural forms.

Warns (exit 0, on stdout) when the catalogue is incomplete: untranslated or
fuzzy messages in po/LANG.po, and messages of the current sources (the files
of po/POTFILES.in) that po/LANG.po does not have yet. A new string without a
translation is thus reported without making the suite red.
"""

import os
import shutil
import subprocess
import sys
import tempfile

# The keywords of meson's 'glib' gettext preset, enough to know which
# messages the sources have.
XGETTEXT_KEYWORDS = [
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
]


def run(cmd, **kwargs):
    return subprocess.run(cmd, capture_output=True, text=True, **kwargs)


def msgids(po_text):
    """The msgids of a catalogue written by msgattrib --no-wrap."""
    ids = []
    for line in po_text.splitlines():
        if line.startswith('msgid "') and line != 'msgid ""':
            ids.append(line[len('msgid '):])
    return ids


def warn_list(label, po_file, tool_args):
    out = run(['msgattrib', '--no-wrap', '--no-obsolete'] + tool_args +
              [po_file])
    ids = msgids(out.stdout) if out.returncode == 0 else []
    return report(label, ids)


def report(label, ids):
    if ids:
        print(f'warning: {label}: {len(ids)}')
        for i in ids[:20]:
            print(f'  {i}')
        if len(ids) > 20:
            print(f'  ... and {len(ids) - 20} more')
    return len(ids)


def statistics(po_file):
    out = run(['msgfmt', '--statistics', '-o', os.devnull, po_file])
    return out.stderr.strip()


def fresh_template(root, tmpdir):
    """A template made from the current sources, or None without xgettext."""
    if shutil.which('xgettext') is None:
        return None
    pot = os.path.join(tmpdir, 'sources.pot')
    cmd = ['xgettext', '--no-wrap', '--from-code=UTF-8', '--package-name=ministerial',
           '--directory', root, '--files-from',
           os.path.join(root, 'po', 'POTFILES.in'), '-o', pot]
    out = run(cmd + XGETTEXT_KEYWORDS)
    if out.returncode != 0:
        print(f'warning: xgettext could not read the sources:\n{out.stderr}')
        return None
    return pot


def main(argv):
    if len(argv) != 3:
        print('usage: check-po.py SOURCE_ROOT LANG', file=sys.stderr)
        return 2
    root, lang = argv[1], argv[2]
    po_file = os.path.join(root, 'po', lang + '.po')
    name = f'po/{lang}.po'
    if not os.path.isfile(po_file):
        print(f'{name}: listed in po/LINGUAS but missing', file=sys.stderr)
        return 1

    check = run(['msgfmt', '-c', '--check-format', '-o', os.devnull, po_file])
    if check.returncode != 0:
        print(f'{name}: msgfmt -c --check-format fails:', file=sys.stderr)
        print(check.stderr, file=sys.stderr)
        return 1

    print(f'{name}: {statistics(po_file)}')
    incomplete = warn_list(f'{name}: untranslated messages', po_file,
                           ['--untranslated'])
    incomplete += warn_list(f'{name}: fuzzy messages', po_file,
                            ['--only-fuzzy'])

    with tempfile.TemporaryDirectory() as tmpdir:
        pot = fresh_template(root, tmpdir)
        if pot is not None:
            known = set(msgids(run(['msgattrib', '--no-wrap', '--no-obsolete',
                                    po_file]).stdout))
            with open(pot, encoding='utf-8') as f:
                new = [i for i in msgids(f.read()) if i not in known]
            incomplete += report(f'{name}: messages of the sources it does '
                                 'not have yet (run ministerial-update-po)',
                                 new)
    if incomplete == 0:
        print(f'{name}: complete')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
