#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the merged MIME type file.

Usage: check-mime.py MERGED.xml LINGUAS

Fails (exit 1), naming the language, when the comment of a MIME type has
no translation for a language of LINGUAS, or has no untranslated one.
"""

import sys
import xml.etree.ElementTree as ET

NS = '{http://www.freedesktop.org/standards/shared-mime-info}'
LANG = '{http://www.w3.org/XML/1998/namespace}lang'


def main():
    merged, linguas = sys.argv[1], sys.argv[2]
    with open(linguas, encoding='utf-8') as f:
        languages = [w for line in f for w in line.split('#')[0].split()]
    failed = False
    for mime_type in ET.parse(merged).getroot().iter(NS + 'mime-type'):
        name = mime_type.get('type')
        comments = {c.get(LANG): c.text for c in mime_type.iter(NS + 'comment')}
        if None not in comments:
            print(f'{merged}: {name} has no comment')
            failed = True
        for language in languages:
            if not comments.get(language):
                print(f'{merged}: {name} has no comment in “{language}”')
                failed = True
            else:
                print(f'{name} [{language}]: {comments[language]}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
