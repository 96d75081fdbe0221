#!/usr/bin/env python3
"""Validate a later set of real questions: JSON shape, codes exist in the national catalogue, ids exist among
curated knowledge entries, sources unique and not reused from the sets written before it, at most N questions per
procedure. Usage: python3 bench/check-real-set.py extra|fresh|blind|more|hard|next|desk|late"""
import json, glob, os, sys, collections
import yaml
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, '..', 'shared', 'data', 'dvc-procedures.jsonl')
if not os.path.exists(DATA):
    DATA = '/work/shared/data/dvc-procedures.jsonl'
codes = set(json.loads(l)['ma_thu_tuc'] for l in open(DATA, encoding='utf-8'))
curated = {}
for f in glob.glob(os.path.join(ROOT, 'knowledge', 'curated', '*.yaml')):
    d = yaml.safe_load(open(f, encoding='utf-8'))
    curated[d['id']] = set(d.get('codes') or [])
# set name -> (its file, the sets written before it, most questions for one procedure)
SETS = {
    'extra': ('real-questions-extra.jsonl', ('real-questions.jsonl',), 5),
    'fresh': ('real-questions-fresh.jsonl', ('real-questions.jsonl', 'real-questions-extra.jsonl'), 4),
    'blind': ('real-questions-blind.jsonl',
              ('real-questions.jsonl', 'real-questions-extra.jsonl', 'real-questions-fresh.jsonl'), 4),
    'more': ('real-questions-more.jsonl',
             ('real-questions.jsonl', 'real-questions-extra.jsonl', 'real-questions-fresh.jsonl',
              'real-questions-blind.jsonl'), 4),
    'hard': ('real-questions-hard.jsonl',
             ('real-questions.jsonl', 'real-questions-extra.jsonl', 'real-questions-fresh.jsonl',
              'real-questions-blind.jsonl', 'real-questions-more.jsonl'), 4),
    'next': ('real-questions-next.jsonl',
             ('real-questions.jsonl', 'real-questions-extra.jsonl', 'real-questions-fresh.jsonl',
              'real-questions-blind.jsonl', 'real-questions-more.jsonl', 'real-questions-hard.jsonl'), 4),
    'desk': ('real-questions-desk.jsonl',
             ('real-questions.jsonl', 'real-questions-extra.jsonl', 'real-questions-fresh.jsonl',
              'real-questions-blind.jsonl', 'real-questions-more.jsonl', 'real-questions-hard.jsonl',
              'real-questions-next.jsonl'), 4),
    'late': ('real-questions-late.jsonl',
             ('real-questions.jsonl', 'real-questions-extra.jsonl', 'real-questions-fresh.jsonl',
              'real-questions-blind.jsonl', 'real-questions-more.jsonl', 'real-questions-hard.jsonl',
              'real-questions-next.jsonl', 'real-questions-desk.jsonl'), 4),
}
if len(sys.argv) != 2 or sys.argv[1] not in SETS:
    sys.exit('usage: python3 bench/check-real-set.py ' + '|'.join(SETS))
HALF = sys.argv[1]
FILE, EARLIER, MAX_PER = SETS[HALF]
existing = {}
for name in EARLIER:
    for l in open(os.path.join(ROOT, 'bench', name), encoding='utf-8'):
        if l.strip():
            existing.setdefault(json.loads(l)['source'], name)
errs = []; seen = set(); per = collections.Counter(); n = oos = 0
for i, line in enumerate(open(os.path.join(ROOT, 'bench', FILE), encoding='utf-8'), 1):
    if not line.strip():
        errs.append(f'{i}: blank line'); continue
    try:
        d = json.loads(line)
    except Exception as e:
        errs.append(f'{i}: bad JSON {e}'); continue
    n += 1
    if set(d) != {'q', 'expected_codes', 'expected_ids', 'source', 'half'}:
        errs.append(f'{i}: keys {sorted(d)}')
    if d.get('half') != HALF: errs.append(f'{i}: half {d.get("half")}')
    if not isinstance(d.get('q'), str) or len(d['q'].strip()) < 10: errs.append(f'{i}: q too short')
    for c in d['expected_codes']:
        if c not in codes: errs.append(f'{i}: unknown code {c}')
    for x in d['expected_ids']:
        if x not in curated: errs.append(f'{i}: unknown curated id {x}')
    # an id whose entry lists codes should share at least one code with the line (when the line has codes)
    for x in d['expected_ids']:
        if x in curated and curated[x] and d['expected_codes'] and not (curated[x] & set(d['expected_codes'])):
            errs.append(f'{i}: id {x} covers {sorted(curated[x])}, none in {d["expected_codes"]}')
    # a code covered by a curated entry should come with that entry's id
    for c in d['expected_codes']:
        for x, cs in curated.items():
            if c in cs and x not in d['expected_ids']:
                errs.append(f'{i}: code {c} is covered by {x} but id missing')
    s = d['source']
    if not s.startswith('http'): errs.append(f'{i}: source not a URL')
    if s in seen: errs.append(f'{i}: duplicate source {s}')
    if s in existing: errs.append(f'{i}: source already in {existing[s]} {s}')
    seen.add(s)
    if not d['expected_codes'] and not d['expected_ids']:
        oos += 1
    else:
        per[tuple(d['expected_codes'][:1] or d['expected_ids'][:1])] += 1
for k, v in per.items():
    if v > MAX_PER: errs.append(f'procedure {k[0]} has {v} questions (>{MAX_PER})')
print(f'{n} questions, {len(per)} procedures (by first label), out of scope {oos} ({oos/max(n,1):.0%})')
for e in errs: print('ERROR', e)
sys.exit(1 if errs else 0)
