#!/usr/bin/python3
# rpm's whole view of specs, for the formatter oracle (scripts/format/oracle.mjs). A long-lived
# process: reads one spec path per line on stdin, answers one JSON line per spec on stdout:
# {"path", "ok", "view"} or {"path", "ok": false, "error"}. Each spec is parsed in a forked child
# (fresh macro state, killed after a timeout), so one process serves thousands of specs.
# rpm runs the spec's %(...) and %{lua:...}: start this only inside the sandbox (oracle.mjs does:
# unshare -n, private mount namespace with bash on /bin/sh, scratch HOME and working folder).
import json, os, select, signal, sys, time
import rpm

TIMEOUT = float(os.environ.get('SPECWRIGHT_ORACLE_TIMEOUT', '30'))
SCRIPT_TAGS = {'prein', 'postin', 'preun', 'postun', 'pretrans', 'posttrans', 'preuntrans', 'postuntrans',
               'verifyscript', 'triggerscripts', 'filetriggerscripts', 'transfiletriggerscripts'}

def s(v):
    if isinstance(v, bytes): return v.decode('utf-8', 'replace')
    if isinstance(v, (list, tuple)): return [s(x) for x in v]
    if isinstance(v, (int, float)) or v is None: return v
    return str(v)

def header_view(h):
    out = {}
    for tag in h.keys():
        name = rpm.tagnames.get(tag, str(tag)).lower()
        try:
            out[name] = s(h[tag])
        except Exception as e:  # a tag the bindings cannot read
            out[name] = 'unreadable: %s' % e
    return out

def view(path):
    sp = rpm.spec(path)
    v = {'source': header_view(sp.sourceHeader),
         'sources': sorted([s(n), num, f] for (n, num, f) in sp.sources),
         'scripts': {k: s(getattr(sp, k, None)) for k in ('prep', 'build', 'install', 'check', 'clean')},
         'packages': []}
    for p in sp.packages:
        v['packages'].append({'header': header_view(p.header), 'files': s(p.fileList)})
    return v

def child(path, w):
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.dup2(devnull, 1)
    try:
        res = {'ok': True, 'view': view(path)}
    except Exception as e:
        res = {'ok': False, 'error': str(e)[:300]}
    data = json.dumps(res).encode()
    with os.fdopen(w, 'wb') as f:
        f.write(data)
    os._exit(0)

def one(path):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.setsid()
        child(path, w)
    os.close(w)
    chunks = []
    deadline = time.monotonic() + TIMEOUT
    timed_out = False
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        ready, _, _ = select.select([r], [], [], left)
        if not ready: continue
        b = os.read(r, 1 << 20)
        if not b: break
        chunks.append(b)
    os.close(r)
    if timed_out:
        try: os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError: pass
    os.waitpid(pid, 0)
    if timed_out: return {'ok': False, 'error': 'timed out after %gs' % TIMEOUT}
    try: return json.loads(b''.join(chunks))
    except ValueError: return {'ok': False, 'error': 'rpm crashed'}

rpm.setVerbosity(rpm.RPMLOG_EMERG)
for line in sys.stdin:
    path = line.rstrip('\n')
    if not path: continue
    res = one(path)
    res['path'] = path
    sys.stdout.write(json.dumps(res) + '\n')
    sys.stdout.flush()
