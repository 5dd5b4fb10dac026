// CLI manners: a closed pipe, named files of any name, --language, templates in folder walks,
// --quiet, --max-warnings, --format github, FIFOs and devices named on the command line, and the
// README documenting every flag --help shows.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { CLI_JS, REPO_ROOT, ensureBuilt } from '../helpers/lsp';
import { escapeGithubData, escapeGithubProperty } from '../../server/src/cli/formatGithub';
import { cli, fixableSpec, tempDir, type JsonFileReport } from './helpers';

before(() => ensureBuilt());

function withFiles(files: Record<string, string>, body: (dir: string) => void): void {
  const { dir, cleanup } = tempDir();
  try {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    body(dir);
  } finally {
    cleanup();
  }
}

describe('a closed pipe', () => {
  for (const args of [['rules'], ['lint', 'examples'], ['lint', '--format', 'sarif', 'examples'], ['--help']]) {
    it(`specwright ${args.join(' ')} | head -c 10 ends quietly`, () => {
      const r = spawnSync('sh', ['-c', `"$0" "$1" "$@" | head -c 10 >/dev/null; echo "\${PIPESTATUS:-}"`, process.execPath, CLI_JS, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0);
      assert.doesNotMatch(r.stderr, /EPIPE|Unhandled|at .*\.js:\d+/, r.stderr);
    });
  }
});

describe('named files and languages', () => {
  it('lints a named file whatever its name, as a spec unless --language says otherwise', () => {
    withFiles({ 'pkg.txt': 'PACKAGE_NAME=foo\nPACKAGE_VERSION=1.0\nBUILT_MODULE_NAME[0]=foo\nDEST_MODULE_LOCATION[0]=/updates\nAUTOINSTALL=yes\n' }, (dir) => {
      const file = path.join(dir, 'pkg.txt');
      const asSpec = JSON.parse(cli(['lint', '--format', 'json', file]).stdout) as JsonFileReport[];
      assert.equal(asSpec.length, 1);
      assert.equal(asSpec[0].language, 'rpm-spec');
      for (const lang of ['dkms-conf', 'dkms']) {
        const r = cli(['lint', '--format', 'json', '--language', lang, file]);
        const asDkms = JSON.parse(r.stdout) as JsonFileReport[];
        assert.equal(asDkms[0].language, 'dkms-conf');
        assert.ok(!asDkms[0].diagnostics.some((d) => d.rule.startsWith('spec-')), JSON.stringify(asDkms[0].diagnostics));
      }
      const bad = cli(['lint', '--language', 'dkmsconf', file]);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--language must be rpm-spec .* not 'dkmsconf'/);
    });
  });

  it('a folder walk finds spec templates (*.spec.in) and dkms.conf, and nothing else', () => {
    withFiles({ 'a/foo.spec.in': fixableSpec(), 'b/dkms.conf': 'PACKAGE_NAME=foo\n', 'c/notes.txt': 'x', 'd/foo.spec': fixableSpec() }, (dir) => {
      const reports = JSON.parse(cli(['lint', '--format', 'json', dir]).stdout) as JsonFileReport[];
      assert.deepEqual(reports.map((r) => [path.relative(dir, r.file), r.language]), [
        [path.join('a', 'foo.spec.in'), 'rpm-spec'],
        [path.join('b', 'dkms.conf'), 'dkms-conf'],
        [path.join('d', 'foo.spec'), 'rpm-spec'],
      ]);
    });
  });

  it('a FIFO or /dev/zero named on the command line is reported, not read', () => {
    withFiles({ 'ok.spec': fixableSpec() }, (dir) => {
      const fifo = path.join(dir, 'pipe.spec');
      const mk = spawnSync('mkfifo', [fifo]);
      const zero = path.join(dir, 'zero.spec');
      fs.symlinkSync('/dev/zero', zero);
      const loop = path.join(dir, 'loop.spec');
      fs.symlinkSync('loop.spec', loop);
      const r = spawnSync(process.execPath, [CLI_JS, 'lint', '--rule', 'invalid-spec-name=off', zero, loop, ...(mk.status === 0 ? [fifo] : []), path.join(dir, 'ok.spec')], { encoding: 'utf8', timeout: 20000 });
      assert.equal(r.signal, null, 'finished (no hang, no unbounded read)');
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /zero\.spec: error: cannot read file \(a character device; only regular files are linted\)/);
      assert.match(r.stderr, /loop\.spec: error: cannot read file \(too many levels of symbolic links\)/);
      if (mk.status === 0) assert.match(r.stderr, /pipe\.spec: error: cannot read file \(a FIFO \(named pipe\); only regular files are linted\)/);
      assert.match(r.stderr, /^1 file, 0 errors/m, 'ok.spec is still linted');
    });
  });
});

describe('--quiet and --max-warnings', () => {
  // fixableSpec has a warning (invalid-spec-name) and information findings (setup-not-quiet …).
  it('--quiet prints errors only', () => {
    withFiles({ 'x.spec': fixableSpec() + '%if 1\n' }, (dir) => {
      const all = cli(['lint', path.join(dir, 'x.spec')]);
      assert.match(all.stdout, /: warning: /);
      for (const flag of ['--quiet', '-q']) {
        const r = cli(['lint', flag, path.join(dir, 'x.spec')]);
        assert.equal(r.status, 1);
        const lines = r.stdout.trim().split('\n');
        assert.ok(lines.length > 0 && lines.every((l) => / error: /.test(l)), r.stdout);
      }
    });
  });

  it('--max-warnings N exits 1 only above N, counting warnings also with --quiet', () => {
    withFiles({ 'x.spec': fixableSpec() }, (dir) => {
      const file = path.join(dir, 'x.spec');
      assert.equal(cli(['lint', file]).status, 0);
      assert.equal(cli(['lint', '--max-warnings', '1', file]).status, 0);
      const over = cli(['lint', '--max-warnings', '0', file]);
      assert.equal(over.status, 1);
      assert.match(over.stderr, /specwright: 1 warning, more than --max-warnings 0/);
      const quiet = cli(['lint', '--quiet', '--max-warnings', '0', file]);
      assert.equal(quiet.status, 1);
      assert.equal(quiet.stdout, '');
      for (const bad of ['-1', 'x', '1.5']) assert.equal(cli(['lint', '--max-warnings', bad, file]).status, 2, bad);
    });
  });
});

describe('--format github', () => {
  it('escapes data and properties as the Actions runner expects', () => {
    assert.equal(escapeGithubData('100% a\r\nb: c, d'), '100%25 a%0D%0Ab: c, d');
    assert.equal(escapeGithubProperty('dir:a,b/100%.spec\n'), 'dir%3Aa%2Cb/100%25.spec%0A');
  });

  it('prints one workflow command per finding, with 1-based positions and the file relative to the working folder', () => {
    withFiles({ 'pkg,1/x.spec': fixableSpec() + '%if 1\n' }, (dir) => {
      const r = cli(['lint', '--format', 'github', path.join('pkg,1', 'x.spec')], dir);
      assert.equal(r.status, 1);
      const lines = r.stdout.trim().split('\n');
      const json = JSON.parse(cli(['lint', '--format', 'json', path.join('pkg,1', 'x.spec')], dir).stdout) as JsonFileReport[];
      assert.equal(lines.length, json[0].diagnostics.length);
      json[0].diagnostics.forEach((d, i) => {
        const kind = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
        const endColumn = Math.max(d.range.end.character, d.range.start.line === d.range.end.line ? d.range.start.character + 1 : 1);
        assert.equal(
          lines[i],
          `::${kind} file=pkg%2C1/x.spec,line=${d.range.start.line + 1},col=${d.range.start.character + 1},endLine=${d.range.end.line + 1},endColumn=${endColumn},title=Specwright ${d.rule}::${escapeGithubData(d.message)}`,
        );
      });
      assert.ok(lines.some((l) => l.startsWith('::error ')) && lines.some((l) => l.startsWith('::warning ')) && lines.some((l) => l.startsWith('::notice ')));
      assert.match(r.stderr, /^1 file, \d+ errors?/m);
    });
  });

  it('reports an unreadable file as an error annotation', () => {
    const r = cli(['lint', '--format', 'github', 'no-such.spec']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '::error file=no-such.spec,title=Specwright::no such file or directory\n');
  });
});

describe('documentation of the flags', () => {
  it('the README command-line section names every option --help shows, and the rpmlint warning', () => {
    const help = cli(['--help']).stdout;
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Command line'), readme.indexOf('\n## ', readme.indexOf('## Command line') + 5));
    const options = [...new Set([...help.matchAll(/(?<![\w-])(--[a-z][a-z-]+)/g)].map((m) => m[1]))];
    assert.ok(options.length >= 12, options.join(' '));
    for (const o of options) assert.ok(section.includes(o), `README's command-line section does not mention ${o}`);
    assert.match(help, /rpmlint and rpmspec make rpm parse the spec, which runs\s+its %\(…\) shell commands/);
    assert.match(section, /rpmlint and rpmspec\s+make rpm parse the spec/);
  });
});
