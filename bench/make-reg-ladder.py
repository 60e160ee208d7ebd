#!/usr/bin/env python3
"""Writes a .reg export (UTF-8, version 5.00) of a SYSTEM hive holding deep key ladders: LADDERS key
lines, each naming a key DEPTH levels deep (every level a new key), with two values under each, until
the file reaches MEGABYTES. A benchmark input, never committed.
Usage: bench/make-reg-ladder.py TARGET MEGABYTES DEPTH"""
import sys

target, megabytes, depth = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
limit = int(megabytes * 1024 * 1024)
with open(target, 'w', encoding='utf-8', newline='\r\n') as out:
    written = out.write('Windows Registry Editor Version 5.00\n\n'
                        '[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]\n"Current"=dword:00000001\n\n')
    ladder = 0
    while written < limit:
        path = '\\'.join('k%06d' % (ladder * depth + i) for i in range(depth))
        written += out.write('[HKEY_LOCAL_MACHINE\\SYSTEM\\Ladder%d\\%s]\n"Name"="rung %d"\n'
                             '"Data"=hex:01,02,03,04\n\n' % (ladder, path, ladder))
        ladder += 1
