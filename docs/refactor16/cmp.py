"""Compares the traces of two sets of ./hpo bench result files (.jsonl or .jsonl.gz):
python3 cmp.py 'BEFORE_GLOB' 'AFTER_GLOB' prints, per (sampler, function, seed) run after,
`identical` or the first trial whose value differs."""
import json,sys,glob,gzip
def load(fs):
    d={}
    for f in fs:
        for l in (gzip.open(f,'rt') if f.endswith('.gz') else open(f)):
            j=json.loads(l); d[(j['sampler'],j['function'],j['seed'])]=j.get('regret_trace') or j.get('hypervolume_trace')
    return d
b=load(glob.glob(sys.argv[1]))
a=load(glob.glob(sys.argv[2]))
for k,v in sorted(a.items()):
    if k not in b: print(k,'no before'); continue
    print(k, 'identical' if b[k]==v else 'DIFF at %d'%next(i for i in range(len(v)) if v[i]!=b[k][i]))
