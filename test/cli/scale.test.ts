// The CLI at scale: worker threads (--jobs), streamed reports, --cache, stdin.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI_JS, REPO_ROOT, ensureBuilt } from '../helpers/lsp';
import { CLI_FIXTURES, cli, tempDir, type JsonFileReport } from './helpers';

const HELLO = fs.readFileSync(path.join(CLI_FIXTURES, 'good', 'hello.spec'), 'utf8');
const UNCLOSED = fs.readFileSync(path.join(CLI_FIXTURES, 'bad', 'unclosed.spec'), 'utf8');
const DKMS = fs.readFileSync(path.join(CLI_FIXTURES, 'bad', 'dkms.conf'), 'utf8');

/** Many files, enough for several workers: variants of the fixtures, some with findings, one unreadable. */
function makeTree(dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `pkg${String(i).padStart(3, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    let text = i % 3 === 0 ? UNCLOSED : HELLO.replace('Name:           hello', `Name:           hello${i}`);
    // Findings that differ from file to file: a tab here, a trailing space there.
    if (i % 4 === 1) text = text.replace('%build\n', '%build\n\tmake  \n');
    if (i % 5 === 2) text = text.replace('BuildRequires:  gcc', 'BuildRequires:  gcc gcc');
    fs.writeFileSync(path.join(sub, `p${i}.spec`), text);
    if (i % 10 === 7) fs.writeFileSync(path.join(sub, 'dkms.conf'), DKMS);
  }
  fs.writeFileSync(path.join(dir, 'pkg005', 'broken.spec'), Buffer.from([0x4e, 0x61, 0x00, 0x6d]));
}

let tree: { dir: string; cleanup: () => void };
const FILES = 230;

before(() => {
  ensureBuilt();
  tree = tempDir();
  makeTree(tree.dir, FILES);
});
after(() => tree.cleanup());

describe('--jobs', () => {
  for (const format of ['text', 'json', 'sarif', 'codeclimate']) {
    it(`${format}: the same report, stderr and exit code on 1 and 3 threads`, () => {
      const one = cli(['lint', '--format', format, '--jobs', '1', '.'], tree.dir);
      const three = cli(['lint', '--format', format, '--jobs', '3', '.'], tree.dir);
      assert.equal(one.status, 2, one.stderr); // the binary file
      assert.equal(three.status, one.status);
      assert.equal(three.stdout, one.stdout);
      assert.equal(three.stderr, one.stderr);
      assert.match(one.stderr, /broken\.spec: error: binary file/);
      if (format !== 'text') JSON.parse(one.stdout);
    });
  }

  it('every file is reported, in path order', () => {
    const r = cli(['lint', '--format', 'json', '-j', '2', '.'], tree.dir);
    const reports = JSON.parse(r.stdout) as JsonFileReport[];
    const files = reports.map((x) => x.file);
    assert.equal(files.length, FILES + FILES / 10 - 0.0); // 230 specs + 23 dkms.conf (broken.spec is a failure)
    assert.deepEqual(files, [...files].sort());
    assert.ok(reports.some((x) => x.diagnostics.some((d) => d.rule === 'spec-unclosed-if')));
  });

  it('rejects a bad thread count', () => {
    for (const bad of ['0', 'x', '-1', '1.5']) {
      const r = cli(['lint', '--jobs', bad, '.'], tree.dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /--jobs expects a number of threads|needs a value|unknown option/);
    }
  });

  it('no progress line when stderr is not a terminal', () => {
    const r = cli(['lint', '.'], tree.dir);
    assert.doesNotMatch(r.stderr, /\r/);
  });
});

describe('streamed documents', () => {
  it('are valid with no file, no finding and failures only', () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'README'), 'no specs here');
      assert.deepEqual(JSON.parse(cli(['lint', '--format', 'json', '.'], dir).stdout), []);
      assert.deepEqual(JSON.parse(cli(['lint', '--format', 'codeclimate', '.'], dir).stdout), []);
      const sarif = JSON.parse(cli(['lint', '--format', 'sarif', '.', 'missing.spec'], dir).stdout);
      assert.deepEqual(sarif.runs[0].results, []);
      assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
      assert.match(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /missing\.spec: no such file/);
    } finally {
      cleanup();
    }
  });
});

describe('--format codeclimate', () => {
  it('GitLab Code Quality issues: relative path, begin line, severity, stable fingerprints', () => {
    const r = cli(['lint', '--format', 'codeclimate', path.join('pkg000', 'p0.spec'), path.join('pkg001', 'p1.spec')], tree.dir);
    const issues = JSON.parse(r.stdout) as { check_name: string; description: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    assert.ok(issues.length > 0);
    const unclosed = issues.find((x) => x.check_name === 'spec-unclosed-if');
    assert.ok(unclosed, r.stdout);
    assert.equal(unclosed.location.path, 'pkg000/p0.spec');
    assert.equal(unclosed.severity, 'major');
    assert.equal(unclosed.location.lines.begin, UNCLOSED.split('\n').findIndex((l) => l.startsWith('%if')) + 1);
    for (const x of issues) {
      assert.match(x.fingerprint, /^[0-9a-f]{32}$/);
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(x.severity));
    }
    assert.equal(new Set(issues.map((x) => x.fingerprint)).size, issues.length);
    // A line added above moves the issue but keeps its fingerprint.
    const { dir, cleanup } = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'a.spec'), UNCLOSED);
      const first = JSON.parse(cli(['lint', '--format', 'codeclimate', 'a.spec'], dir).stdout) as typeof issues;
      fs.writeFileSync(path.join(dir, 'a.spec'), `# a comment\n${UNCLOSED}`);
      const second = JSON.parse(cli(['lint', '--format', 'codeclimate', 'a.spec'], dir).stdout) as typeof issues;
      const a = first.find((x) => x.check_name === 'spec-unclosed-if')!;
      const b = second.find((x) => x.check_name === 'spec-unclosed-if')!;
      assert.equal(b.location.lines.begin, a.location.lines.begin + 1);
      assert.equal(b.fingerprint, a.fingerprint);
    } finally {
      cleanup();
    }
  });
});

describe('--cache', () => {
  it('a second run answers from the cache; a changed file, config or cache version is linted again', () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'a.spec'), UNCLOSED);
      fs.writeFileSync(path.join(dir, 'b.spec'), HELLO);
      const cacheFile = path.join(dir, 'cache', 'lint.cache');
      const args = ['lint', '--format', 'json', '--cache-location', cacheFile, '.'];
      const first = cli(args, dir);
      assert.ok(fs.existsSync(cacheFile), first.stderr);
      const second = cli(args, dir);
      assert.equal(second.stdout, first.stdout);
      assert.equal(second.status, first.status);

      // Proof that the second run read the cache: a doctored entry shows through.
      const original = fs.readFileSync(cacheFile, 'utf8');
      assert.match(original, /^specwright-cache 2 /);
      assert.ok(original.includes('is never closed') || original.includes('spec-unclosed-if'), original.slice(0, 300));
      fs.writeFileSync(cacheFile, original.replace(/"message":"[^"]*"/, '"message":"FROM THE CACHE"'));
      assert.match(cli(args, dir).stdout, /FROM THE CACHE/);

      // The key covers the configuration …
      const off = cli([...args.slice(0, -1), '--rule', 'spec-unclosed-if=off', '.'], dir);
      assert.doesNotMatch(off.stdout, /FROM THE CACHE|spec-unclosed-if/);
      fs.writeFileSync(cacheFile, original.replace(/"message":"[^"]*"/, '"message":"FROM THE CACHE"'));
      // … specwright.json …
      fs.writeFileSync(path.join(dir, 'specwright.json'), JSON.stringify({ distro: 'rhel' }));
      assert.doesNotMatch(cli(args, dir).stdout, /FROM THE CACHE/);
      fs.rmSync(path.join(dir, 'specwright.json'));
      // … the text of the file …
      fs.writeFileSync(cacheFile, original.replace(/"message":"[^"]*"/, '"message":"FROM THE CACHE"'));
      fs.appendFileSync(path.join(dir, 'a.spec'), '\n');
      fs.appendFileSync(path.join(dir, 'b.spec'), '\n');
      assert.doesNotMatch(cli(args, dir).stdout, /FROM THE CACHE/);
      // … and the version (a cache from another version is ignored as a whole).
      const current = fs.readFileSync(cacheFile, 'utf8');
      fs.writeFileSync(cacheFile, current.replace(/^specwright-cache 2 \S+/, 'specwright-cache 2 0.0.0-other').replace(/"message":"[^"]*"/, '"message":"FROM THE CACHE"'));
      assert.doesNotMatch(cli(args, dir).stdout, /FROM THE CACHE/);
    } finally {
      cleanup();
    }
  });

  it('unchanged size and times answer without reading; any other change of the file is checked by its content', () => {
    const { dir, cleanup } = tempDir();
    try {
      const spec = path.join(dir, 'a.spec');
      fs.writeFileSync(spec, UNCLOSED);
      const cacheFile = path.join(dir, 'lint.cache');
      const args = ['lint', '--format', 'json', '--cache-location', cacheFile, '.'];
      cli(args, dir);
      const original = fs.readFileSync(cacheFile, 'utf8');
      const doctored = () => fs.writeFileSync(cacheFile, original.replace(/"message":"[^"]*"/, '"message":"FROM THE CACHE"'));
      // the entry records the size and times of the file as read
      const st = fs.statSync(spec);
      assert.ok(original.includes(`\t${st.size},${st.mtimeMs},${st.ctimeMs},`), original.slice(0, 300));
      doctored();
      assert.match(cli(args, dir).stdout, /FROM THE CACHE/);
      // touched, same text: the content key still matches
      doctored();
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(spec, later, later);
      assert.match(cli(args, dir).stdout, /FROM THE CACHE/);
      // same size, new text, the old modification time put back: the change time differs, so the file is read
      doctored();
      const before = fs.statSync(spec);
      fs.writeFileSync(spec, UNCLOSED.replace(/Name:\s*\S/, (m) => m.slice(0, -1) + (m.endsWith('x') ? 'y' : 'x')));
      fs.utimesSync(spec, before.atime, before.mtime);
      assert.equal(fs.statSync(spec).size, before.size);
      assert.doesNotMatch(cli(args, dir).stdout, /FROM THE CACHE/);
    } finally {
      cleanup();
    }
  });

  it('defaults to .specwrightcache in the working directory; a folder location gets that name', () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'a.spec'), HELLO);
      cli(['lint', '--cache', 'a.spec'], dir);
      assert.ok(fs.existsSync(path.join(dir, '.specwrightcache')));
      fs.mkdirSync(path.join(dir, 'c'));
      cli(['lint', '--cache', '--cache-location', 'c', 'a.spec'], dir);
      assert.ok(fs.existsSync(path.join(dir, 'c', '.specwrightcache')));
    } finally {
      cleanup();
    }
  });

  it('on many files with workers: the cached run prints what the uncached one did', () => {
    const cacheFile = path.join(tree.dir, '..', `${path.basename(tree.dir)}.cache`);
    try {
      const plain = cli(['lint', '--format', 'sarif', '-j', '1', '.'], tree.dir);
      const first = cli(['lint', '--format', 'sarif', '-j', '2', '--cache-location', cacheFile, '.'], tree.dir);
      const second = cli(['lint', '--format', 'sarif', '-j', '2', '--cache-location', cacheFile, '.'], tree.dir);
      assert.equal(first.stdout, plain.stdout);
      assert.equal(second.stdout, plain.stdout);
      assert.equal(second.stderr, plain.stderr);
      // A file in the middle changed: the files before it come from the cache on the main
      // thread, the rest from workers; the report is still the one-thread report.
      const changed = path.join(tree.dir, `pkg${String(FILES / 2 + 1).padStart(3, '0')}`, `p${FILES / 2 + 1}.spec`);
      const text = fs.readFileSync(changed, 'utf8');
      try {
        fs.writeFileSync(changed, `${text}\n%changelog\n* Mon Jan 05 2026 A <a@b.c> - 1-1\n- x\n%changelog\n`);
        const plainChanged = cli(['lint', '--format', 'sarif', '-j', '1', '.'], tree.dir);
        assert.notEqual(plainChanged.stdout, plain.stdout);
        const third = cli(['lint', '--format', 'sarif', '-j', '2', '--cache-location', cacheFile, '.'], tree.dir);
        assert.equal(third.stdout, plainChanged.stdout);
        assert.equal(third.stderr, plainChanged.stderr);
      } finally {
        fs.writeFileSync(changed, text);
      }
    } finally {
      fs.rmSync(cacheFile, { force: true });
    }
  });
});

describe('stdin', () => {
  function lintStdin(args: string[], input: string, cwd: string) {
    const r = spawnSync(process.execPath, [CLI_JS, 'lint', ...args], { cwd, input, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('--stdin-filename NAME - lints stdin as NAME, with NAME\'s configuration and language', () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.mkdirSync(path.join(dir, 'sub'));
      const r = lintStdin(['--format', 'json', '--stdin-filename', 'sub/x.spec', '-'], UNCLOSED, dir);
      const reports = JSON.parse(r.stdout) as JsonFileReport[];
      assert.equal(reports.length, 1);
      assert.equal(reports[0].file, 'sub/x.spec');
      assert.equal(reports[0].language, 'rpm-spec');
      assert.ok(reports[0].diagnostics.some((d) => d.rule === 'spec-unclosed-if'));
      assert.equal(r.status, 1);
      // specwright.json beside NAME applies.
      fs.writeFileSync(path.join(dir, 'sub', 'specwright.json'), JSON.stringify({ rules: { 'spec-unclosed-if': 'off' } }));
      const off = JSON.parse(lintStdin(['--format', 'json', '--stdin-filename', 'sub/x.spec', '-'], UNCLOSED, dir).stdout) as JsonFileReport[];
      assert.ok(!off[0].diagnostics.some((d) => d.rule === 'spec-unclosed-if'));
      // The name decides the language.
      const conf = JSON.parse(lintStdin(['--format', 'json', '--stdin-filename', 'dkms.conf', '-'], DKMS, dir).stdout) as JsonFileReport[];
      assert.equal(conf[0].language, 'dkms-conf');
      // Without a name: <stdin>, a spec.
      const anon = lintStdin(['-'], UNCLOSED, dir);
      assert.match(anon.stdout, /^<stdin>:\d+:\d+: error: .*\[spec-unclosed-if\]$/m);
    } finally {
      cleanup();
    }
  });

  it('usage errors: a name without -, --fix with -', () => {
    assert.match(cli(['lint', '--stdin-filename', 'x.spec', 'a.spec']).stderr, /give '-' as the path/);
    assert.match(cli(['lint', '--fix', '-']).stderr, /--fix cannot write back to stdin/);
  });

  it('binary input is an error, not a crash', () => {
    const r = spawnSync(process.execPath, [CLI_JS, 'lint', '--stdin-filename', 'x.spec', '-'], { cwd: REPO_ROOT, input: Buffer.from([0x41, 0, 0x42]) });
    assert.equal(r.status, 2);
    assert.match(r.stderr.toString(), /x\.spec: error: binary file/);
  });
});
