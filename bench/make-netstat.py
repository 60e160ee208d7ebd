#!/usr/bin/env python3
"""Writes a large netstat listing by repeating a real one with varied ports (a benchmark input,
never committed). Usage: bench/make-netstat.py SOURCE TARGET MEGABYTES"""
import re
import sys

source, target, megabytes = sys.argv[1], sys.argv[2], float(sys.argv[3])
text = open(source, 'rb').read().decode('latin-1').replace('\r\n', '\n')
lines = text.split('\n')
head, body = [], []
for i, line in enumerate(lines):
    if re.match(r'^\s*(TCP|UDP)', line):
        head, body = lines[:i], lines[i:]
        break
limit = int(megabytes * 1024 * 1024)
endpoint = re.compile(r'(\S+):(\d+)(\s)')
with open(target, 'wb') as out:
    written = out.write(('\r\n'.join(head) + '\r\n').encode('latin-1'))
    copy = 0
    while written < limit:
        copy += 1
        # vary the local port per copy so sockets differ; keep the width so columns stay aligned
        def vary(m, copy=copy):
            return '%s:%d%s' % (m.group(1), (int(m.group(2)) + copy) % 65536, m.group(3))
        chunk = '\r\n'.join(endpoint.sub(vary, l, count=1) if re.match(r'^\s*(TCP|UDP)', l) else l
                            for l in body) + '\r\n'
        written += out.write(chunk.encode('latin-1'))
