// Snippet files: well-formed VS Code snippet syntax, unique prefixes, sane descriptions, and every snippet that
// is a whole file (a complete spec, a complete dkms.conf) expands to text the linter accepts without
// warnings or errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { LanguageId } from '../server/src/service/index';
import { lintText } from './helpers/fixtures';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'snippets', 'rpm-spec.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('repository root (with snippets/) not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

const ROOT = repoRoot();
const FILES: Record<LanguageId, string> = {
  'rpm-spec': path.join(ROOT, 'snippets', 'rpm-spec.json'),
  'dkms-conf': path.join(ROOT, 'snippets', 'dkms-conf.json'),
};

function load(languageId: LanguageId): Record<string, Snippet> {
  return JSON.parse(fs.readFileSync(FILES[languageId], 'utf8')) as Record<string, Snippet>;
}

const bodyText = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixes = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

// ---------------------------------------------------------------------------------------------
// A strict parser for VS Code's snippet syntax. VS Code itself falls back to plain text on
// malformed input; here an unescaped `$` that does not start a tabstop, placeholder, choice or
// variable, or a `${` without its `}`, is an error (it is almost always a shell `$` that needed `\$`).

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: Node[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: Node[] };

class SnippetSyntaxError extends Error {}

function parseSnippet(src: string): Node[] {
  let pos = 0;
  const fail = (msg: string): never => {
    throw new SnippetSyntaxError(`${msg} at offset ${pos}: …${src.slice(Math.max(0, pos - 30), pos + 30)}…`);
  };

  function parseSequence(inPlaceholder: boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < src.length) {
      const c = src[pos];
      if (c === '\\' && (src[pos + 1] === '$' || src[pos + 1] === '}' || src[pos + 1] === '\\')) {
        text += src[pos + 1];
        pos += 2;
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$') {
        flush();
        nodes.push(parseDollar());
      } else {
        text += c;
        pos++;
      }
    }
    flush();
    return nodes;
  }

  function parseDollar(): Node {
    pos++; // $
    let m = /^\d+/.exec(src.slice(pos));
    if (m) {
      pos += m[0].length;
      return { kind: 'tabstop', index: Number(m[0]) };
    }
    m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(pos));
    if (m) {
      pos += m[0].length;
      return { kind: 'variable', name: m[0] };
    }
    if (src[pos] !== '{') return fail('unescaped $');
    pos++; // {
    m = /^\d+/.exec(src.slice(pos));
    if (m) {
      const index = Number(m[0]);
      pos += m[0].length;
      if (src[pos] === '}') {
        pos++;
        return { kind: 'tabstop', index };
      }
      if (src[pos] === ':') {
        pos++;
        const children = parseSequence(true);
        if (src[pos] !== '}') fail('placeholder without }');
        pos++;
        return { kind: 'placeholder', index, children };
      }
      if (src[pos] === '|') {
        pos++;
        const options: string[] = [];
        let cur = '';
        for (;;) {
          if (pos >= src.length) fail('unterminated choice');
          const c = src[pos];
          if (c === '\\' && ',|\\'.includes(src[pos + 1])) {
            cur += src[pos + 1];
            pos += 2;
          } else if (c === ',') {
            options.push(cur);
            cur = '';
            pos++;
          } else if (c === '|') {
            options.push(cur);
            pos++;
            break;
          } else {
            cur += c;
            pos++;
          }
        }
        if (src[pos] !== '}') fail('choice without |}');
        pos++;
        if (options.length < 2 || options.some((o) => o === '')) fail('choice needs two or more non-empty options');
        return { kind: 'choice', index, options };
      }
      return fail('malformed ${N…}');
    }
    m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(pos));
    if (!m) return fail('malformed ${…}');
    const name = m[0];
    pos += name.length;
    if (src[pos] === '}') {
      pos++;
      return { kind: 'variable', name };
    }
    if (src[pos] === ':') {
      pos++;
      const children = parseSequence(true);
      if (src[pos] !== '}') fail('variable default without }');
      pos++;
      return { kind: 'variable', name, children };
    }
    return fail('malformed ${VAR…}');
  }

  const nodes = parseSequence(false);
  if (pos !== src.length) fail('unexpected }');
  return nodes;
}

// Plausible values for the VS Code variables snippets may use (an unknown name is a typo).
const VARIABLES: Record<string, string> = {
  CURRENT_YEAR: '2026', CURRENT_YEAR_SHORT: '26', CURRENT_MONTH: '11', CURRENT_MONTH_NAME: 'November',
  CURRENT_MONTH_NAME_SHORT: 'Nov', CURRENT_DATE: '25', CURRENT_DAY_NAME: 'Wednesday', CURRENT_DAY_NAME_SHORT: 'Wed',
  CURRENT_HOUR: '12', CURRENT_MINUTE: '00', CURRENT_SECOND: '00', CURRENT_SECONDS_UNIX: '1795000000',
  CURRENT_TIMEZONE_OFFSET: '+00:00', TM_FILENAME: 'example.spec', TM_FILENAME_BASE: 'example', TM_DIRECTORY: '/src',
  TM_FILEPATH: '/src/example.spec', RELATIVE_FILEPATH: 'example.spec', TM_SELECTED_TEXT: '', TM_CURRENT_LINE: '',
  TM_CURRENT_WORD: '', TM_LINE_INDEX: '0', TM_LINE_NUMBER: '1', CLIPBOARD: '', WORKSPACE_NAME: 'example',
  WORKSPACE_FOLDER: '/src', CURSOR_INDEX: '0', CURSOR_NUMBER: '1', RANDOM: '123456', RANDOM_HEX: 'a1b2c3',
  UUID: '00000000-0000-4000-8000-000000000000', LINE_COMMENT: '#', BLOCK_COMMENT_START: '', BLOCK_COMMENT_END: '',
};

/** Expands a snippet as VS Code inserts it when every tab stop keeps its default. */
function expand(nodes: Node[]): string {
  const defaults = new Map<number, Node[] | string>();
  const collect = (ns: Node[]) => {
    for (const n of ns) {
      if (n.kind === 'placeholder') {
        if (!defaults.has(n.index)) defaults.set(n.index, n.children);
        collect(n.children);
      } else if (n.kind === 'choice' && !defaults.has(n.index)) defaults.set(n.index, n.options[0]);
      else if (n.kind === 'variable' && n.children) collect(n.children);
    }
  };
  collect(nodes);
  const render = (ns: Node[], depth: number): string =>
    ns
      .map((n) => {
        if (depth > 20) throw new SnippetSyntaxError('placeholders mirror each other endlessly');
        switch (n.kind) {
          case 'text':
            return n.value;
          case 'choice':
            return n.options[0];
          case 'placeholder':
            return render(n.children, depth + 1);
          case 'tabstop': {
            const d = defaults.get(n.index);
            return d === undefined ? '' : typeof d === 'string' ? d : render(d, depth + 1);
          }
          case 'variable':
            if (!(n.name in VARIABLES)) throw new SnippetSyntaxError(`unknown snippet variable $${n.name}`);
            return VARIABLES[n.name];
        }
      })
      .join('');
  return render(nodes, 0);
}

/** A snippet that is a whole document rather than a fragment to insert into one. */
function isWholeFile(languageId: LanguageId, body: string): boolean {
  if (languageId === 'rpm-spec') return /^Name:/m.test(body) && /^%description\b/m.test(body) && /^%files\b/m.test(body);
  return /^PACKAGE_NAME=/m.test(body) && /^PACKAGE_VERSION=/m.test(body);
}

// ---------------------------------------------------------------------------------------------

test('parser self-check: escapes, nesting, choices and errors', () => {
  assert.equal(expand(parseSnippet('a ${1:x ${2:y}} $2 \\$1 \\} ${3|p,q|} $0')), 'a x y y $1 } p ');
  assert.equal(expand(parseSnippet('${1:%{name\\}}-$1')), '%{name}-%{name}');
  assert.equal(expand(parseSnippet('$CURRENT_YEAR')), '2026');
  for (const bad of ['${1:open', 'echo $(date)', '${1|a|}', '${x', '$NOT_A_VARIABLE'])
    assert.throws(() => expand(parseSnippet(bad)), SnippetSyntaxError, bad);
});

for (const languageId of Object.keys(FILES) as LanguageId[]) {
  test(`${languageId} snippets: shape, unique prefixes, valid syntax`, () => {
    const snippets = load(languageId);
    const names = Object.keys(snippets);
    assert.ok(names.length >= 5, 'has snippets');
    const seen = new Map<string, string>();
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(typeof s.description === 'string' && s.description.length >= 20, `${name}: a real description`);
      assert.ok(prefixes(s).length > 0, `${name}: a prefix`);
      for (const p of prefixes(s)) {
        assert.match(p, /^[a-z][a-z0-9.-]*$/, `${name}: prefix ${p}`);
        assert.ok(!seen.has(p), `prefix ${p} used by ${seen.get(p)} and ${name}`);
        seen.set(p, name);
      }
      const nodes = parseSnippet(bodyText(s));
      assert.ok(expand(nodes).trim().length > 0, `${name}: expands to text`);
    }
  });
}

test('snippet prefixes are unique across both languages', () => {
  const all = (Object.keys(FILES) as LanguageId[]).flatMap((l) => Object.values(load(l)).flatMap(prefixes));
  assert.deepEqual(all.filter((p, i) => all.indexOf(p) !== i), []);
});

const wholeFiles = (Object.keys(FILES) as LanguageId[]).flatMap((languageId) =>
  Object.entries(load(languageId))
    .filter(([, s]) => isWholeFile(languageId, bodyText(s)))
    .map(([name, s]) => ({ languageId, name, snippet: s })),
);

test('whole-file snippets are recognised', () => {
  const found = wholeFiles.flatMap((w) => prefixes(w.snippet));
  for (const p of ['dkms-package', 'cpack-spec', 'dkms-conf']) assert.ok(found.includes(p), `${p} is a whole-file snippet`);
});

for (const { languageId, name, snippet } of wholeFiles) {
  test(`whole-file snippet "${name}" expands to text without lint warnings or errors`, () => {
    const text = expand(parseSnippet(bodyText(snippet))) + '\n';
    // A snippet has no file name of its own, so the file-name check does not apply.
    const findings = lintText(text, { languageId, severities: { 'invalid-spec-name': 'off' } }).filter((f) => f.severity === 'warning' || f.severity === 'error');
    assert.deepEqual(
      findings.map((f) => `${f.severity} ${f.rule} @${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.message}`),
      [],
      `expanded text:\n${text}`,
    );
  });
}

test('DKMS scriptlets: guarded add, build and install that never fail, remove guarded for upgrades', () => {
  const spec = load('rpm-spec');
  const byPrefix = (p: string) => expand(parseSnippet(bodyText(Object.values(spec).find((s) => prefixes(s).includes(p))!)));
  const code = Object.values(spec).flatMap((s) => bodyText(s).split('\n')).filter((l) => !/^\s*#/.test(l)).join('\n');
  assert.doesNotMatch(code, /rpm_safe_upgrade/, 'the scriptlets work without the --rpm_safe_upgrade lock');

  const post = byPrefix('dkms-post');
  assert.match(post, /^%post\b/);
  const addLine = post.split('\n').findIndex((l) => /\bdkms add\b/.test(l));
  assert.ok(addLine > 0, 'dkms add');
  assert.match(post.split('\n')[addLine - 1], /^\s*if .*dkms status/, 'dkms add only when not registered yet');
  for (const cmd of ['add', 'build', 'install']) assert.match(post, new RegExp(`dkms ${cmd} -m %\\{module\\} -v %\\{version\\}[^\\n]*\\|\\| :`), `dkms ${cmd} … || :`);
  assert.ok(post.indexOf('dkms build') > post.indexOf('dkms add') && post.indexOf('dkms install') > post.indexOf('dkms build'));

  const preun = byPrefix('dkms-preun');
  assert.match(preun, /^%preun\b/);
  assert.match(preun, /if \[ "\$1" -eq 0 \]/, 'erase is told apart from upgrade by $1');
  assert.match(preun, /dkms remove -m %\{module\} -v %\{version\} --all[^\n]*\|\| :/);

  const pkg = byPrefix('dkms-package');
  assert.ok(pkg.includes(post) && pkg.includes(preun), 'the full package uses the same scriptlets');
  for (const needle of ['BuildArch:      noarch', 'Requires:       dkms', 'kernel-devel', '%{_usrsrc}/%{module}-%{version}', '%{_udevrulesdir}', '%autosetup'])
    assert.ok(pkg.includes(needle), needle);
});

test('rpm-spec snippets use macros rather than hard-coded system paths', () => {
  for (const [name, s] of Object.entries(load('rpm-spec'))) {
    const code = bodyText(s).split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');
    assert.doesNotMatch(code, /(^|[\s=])\/(usr|etc|var|lib|opt)\//m, `${name}: use %{_prefix}, %{_libdir}, %{_usrsrc}… instead`);
    assert.doesNotMatch(code, /\$RPM_BUILD_ROOT/, `${name}: use %{buildroot}`);
  }
});
