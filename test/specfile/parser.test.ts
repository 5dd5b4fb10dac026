import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSpec } from '../../server/src/service/specfile/parser';
import type { MacroReference, SpecDocument } from '../../server/src/service/specfile/ast';

const text = (doc: SpecDocument, span: { start: number; end: number }) => doc.text.slice(span.start, span.end);
const refNames = (doc: SpecDocument) => doc.macroReferences.map((r) => `${r.form}:${r.name}`);

describe('spec parser: preamble', () => {
  test('tags with qualifiers, numbers and values', () => {
    const doc = parseSpec('Name:    hello\nSource0: https://x/%{name}.tar.gz\nSource: other.tar\nPatch12: fix.patch\nRequires(post,preun):  coreutils\nSummary(de): Hallo Welt  \n');
    assert.deepEqual(doc.tags.map((t) => [t.name, t.key, t.number, t.qualifier, t.value]), [
      ['Name', 'name', undefined, undefined, 'hello'],
      ['Source0', 'source', 0, undefined, 'https://x/%{name}.tar.gz'],
      ['Source', 'source', undefined, undefined, 'other.tar'],
      ['Patch12', 'patch', 12, undefined, 'fix.patch'],
      ['Requires', 'requires', undefined, 'post,preun', 'coreutils'],
      ['Summary', 'summary', undefined, 'de', 'Hallo Welt'],
    ]);
    const summary = doc.tags[5];
    assert.equal(text(doc, summary.valueSpan), 'Hallo Welt');
    assert.equal(text(doc, summary.qualifierSpan!), 'de');
    assert.equal(doc.packages[0].name, 'hello');
  });

  test('dependency lists: operators, commas, rich dependencies, macros', () => {
    const doc = parseSpec('BuildRequires: gcc, make >= 4.0 pkgconfig(glib-2.0) (foo or bar >= 2)\nRequires: %{name}-libs%{?_isa} = %{version}-%{release}\n');
    const deps = doc.tags[0].dependencies!;
    assert.deepEqual(deps.map((d) => [d.name, d.operator, d.version, d.rich]), [
      ['gcc', undefined, undefined, false],
      ['make', '>=', '4.0', false],
      ['pkgconfig(glib-2.0)', undefined, undefined, false],
      ['(foo or bar >= 2)', undefined, undefined, true],
    ]);
    const glued = parseSpec('Requires: foo >=1.0 bar\n').tags[0].dependencies!;
    assert.deepEqual(glued.map((d) => [d.name, d.operator, d.version]), [['foo', '>=', '1.0'], ['bar', undefined, undefined]]);
    // rpm reads `=<` as `<=` and `=>` as `>=` (rpmds.c), standing alone or glued (fcitx.spec, kde-i18n.spec)
    const reversed = parseSpec('Obsoletes: a =< 4.2.3 b => 1 c =<2\n').tags[0].dependencies!;
    assert.deepEqual(reversed.map((d) => [d.name, d.operator, d.version]), [['a', '<=', '4.2.3'], ['b', '>=', '1'], ['c', '<=', '2']]);
    const span = reversed[0].operatorSpan!;
    assert.equal('Obsoletes: a =< 4.2.3 b => 1 c =<2\n'.slice(span.start, span.end), '=<');
    const libs = doc.tags[1].dependencies![0];
    assert.equal(libs.name, '%{name}-libs%{?_isa}');
    assert.equal(libs.operator, '=');
    assert.equal(libs.version, '%{version}-%{release}');
    assert.equal(text(doc, libs.versionSpan!), '%{version}-%{release}');
  });

  test('a non-tag line in the preamble is a problem, a placeholder line is not', () => {
    const doc = parseSpec('Name: x\nthis is not a tag\n@CPACK_EXTRA@\nVersion: @VERSION@\n');
    assert.deepEqual(doc.problems.map((p) => [p.rule, text(doc, p)]), [['spec-unknown-tag', 'this is not a tag']]);
    assert.ok(doc.isTemplate);
    assert.equal(doc.placeholders.length, 2);
  });
});

describe('spec parser: sections', () => {
  const spec = [
    'Name: foo', 'Version: 1', '%description', 'Main.',
    '%package -n libfoo', 'Summary: lib', '%description -n libfoo', 'Lib.',
    '%package devel', 'Summary: dev', '%description devel', 'Dev.',
    '%prep', '%autosetup -p1', '%build', 'make', '%install', 'make install',
    '%files -f foo.lang', '%files -n libfoo', '%files devel -f devel.list',
    '%post -p /sbin/ldconfig', '%postun -n libfoo -p <lua>', 'print("x")',
    '%triggerin -n foo -- bar < 2.0', '%filetriggerin -P 1000 -- /usr/lib64',
    '%Description devel', 'x', '%changelog',
  ].join('\n');
  const doc = parseSpec(spec);

  test('every section is found with its kind and arguments', () => {
    assert.deepEqual(doc.sections.map((s) => `${s.kind}:${s.name}:${s.args}`), [
      'preamble:preamble:', 'description:description:', 'package:package:-n libfoo', 'description:description:-n libfoo',
      'package:package:devel', 'description:description:devel', 'prep:prep:', 'build:build:', 'install:install:',
      'files:files:-f foo.lang', 'files:files:-n libfoo', 'files:files:devel -f devel.list', 'scriptlet:post:-p /sbin/ldconfig',
      'scriptlet:postun:-n libfoo -p <lua>', 'trigger:triggerin:-n foo -- bar < 2.0', 'filetrigger:filetriggerin:-P 1000 -- /usr/lib64',
      'description:description:devel', 'changelog:changelog:',
    ]);
  });

  test('sections resolve to their package', () => {
    assert.deepEqual(doc.packages.map((p) => p.name), ['foo', 'libfoo', 'foo-devel']);
    const pkgOf = (k: number) => doc.sections[k].packageIndex;
    assert.equal(pkgOf(3), 1); // %description -n libfoo
    assert.equal(pkgOf(5), 2); // %description devel
    assert.equal(pkgOf(10), 1); // %files -n libfoo
    assert.equal(pkgOf(11), 2); // %files devel -f …
    assert.equal(pkgOf(16), 2); // %Description devel: case-insensitive keyword
  });

  test('options, interpreters and trigger conditions', () => {
    const files = doc.sections[11];
    assert.equal(files.target, 'devel');
    assert.deepEqual(files.options.map((o) => [o.flag, o.value]), [['-f', 'devel.list']]);
    assert.equal(doc.sections[12].interpreter, '/sbin/ldconfig');
    assert.equal(doc.sections[13].interpreter, '<lua>');
    assert.equal(doc.sections[14].triggerCondition, 'bar < 2.0');
    assert.equal(doc.sections[15].triggerCondition, '/usr/lib64');
    assert.deepEqual(doc.sections[15].options.map((o) => [o.flag, o.value]), [['-P', '1000']]);
  });

  test('section spans cover header to the line before the next header', () => {
    const build = doc.sections[7];
    assert.equal(build.headerLine, 14);
    assert.equal(build.endLine, 15);
    assert.equal(text(doc, build.body), 'make\n');
    const tags = doc.tags.filter((t) => t.packageIndex === 2).map((t) => t.name);
    assert.deepEqual(tags, ['Summary']);
  });
});

describe('spec parser: conditionals', () => {
  test('nesting, arms and paths', () => {
    const doc = parseSpec('%if 0%{?fedora}\nA: 1\n%if %{with x}\nB: 1\n%endif\n%elif 0%{?suse_version} > 1500\nC: 1\n%else\nD: 1\n%endif\nE: 1\n');
    assert.equal(doc.conditionals.length, 2);
    const outer = doc.conditionals[0];
    assert.deepEqual(outer.branches.map((b) => [b.keyword, b.condition, b.bodyStartLine, b.bodyEndLine]), [
      ['if', '0%{?fedora}', 1, 4], ['elif', '0%{?suse_version} > 1500', 6, 6], ['else', '', 8, 8],
    ]);
    assert.deepEqual(doc.conditionals[1].parent, { block: 0, branch: 0 });
    const pathOf = (name: string) => doc.tags.find((t) => t.name === name)!.conditionalPath;
    assert.notEqual(pathOf('A'), pathOf('B'));
    assert.notEqual(pathOf('C'), pathOf('D'));
    assert.equal(pathOf('E'), 0);
    assert.equal(doc.problems.length, 0);
  });

  test('arch conditionals and stray or unclosed directives', () => {
    const doc = parseSpec('%ifarch x86_64 aarch64\nA: 1\n%elifarch ppc64le\n%endif\n%endif\n%else\n%ifnos linux\n');
    assert.equal(doc.conditionals[0].branches[0].condition, 'x86_64 aarch64');
    assert.deepEqual(doc.problems.map((p) => [p.rule, doc.lines.positionAt(p.start).line]), [
      ['spec-stray-conditional', 4], ['spec-stray-conditional', 5], ['spec-unclosed-if', 6],
    ]);
  });

  test('%ifarchfoo is not a conditional', () => {
    const doc = parseSpec('%build\n%ifarchfoo\n');
    assert.equal(doc.conditionals.length, 0);
  });
});

describe('spec parser: macros', () => {
  test('every reference form', () => {
    const doc = parseSpec('%build\necho %name %{name} %{?dist} %{!?x:alt} %{?y:val} %{basename:/a/b} %(date) %[1+1] %% %1 %* %{-f} %?cond %{lua: print("%s") }\n');
    assert.deepEqual(refNames(doc), [
      'plain:name', 'braced:name', 'braced:dist', 'braced:x', 'braced:y', 'braced:basename', 'shell:', 'expression:', 'escape:',
      'positional:1', 'positional:*', 'braced:-f', 'plain:cond', 'braced:lua',
    ]);
    const get = (name: string) => doc.macroReferences.find((r) => r.name === name)!;
    assert.ok(get('dist').conditional);
    assert.ok(get('x').negated && get('x').conditional);
    assert.equal(text(doc, get('x').argument!), 'alt');
    assert.equal(text(doc, get('basename').argument!), '/a/b');
    assert.equal(text(doc, doc.macroReferences[6].body!), 'date');
  });

  test('nested references carry their depth', () => {
    const doc = parseSpec('%{?with_x:%{_libdir}/%{name}}\n');
    const byName = new Map(doc.macroReferences.map((r) => [r.name, r] as [string, MacroReference]));
    assert.equal(byName.get('with_x')!.depth, 0);
    assert.equal(byName.get('_libdir')!.depth, 1);
    assert.equal(byName.get('name')!.depth, 1);
  });

  test('a multi-line %{lua:} block spans lines and hides its lines from structure', () => {
    const doc = parseSpec('%{lua:\nif x then\n  print("%description")\nend\n}\nName: after\n');
    const lua = doc.macroReferences.find((r) => r.name === 'lua')!;
    assert.equal(doc.lines.positionAt(lua.end).line, 4);
    assert.equal(doc.sections.length, 1, 'the %description inside Lua is not a section');
    assert.deepEqual(doc.tags.map((t) => t.name), ['Name']);
    assert.equal(doc.lineKinds[2], 'macro-continuation');
  });

  test('an unclosed %{ is reported and does not swallow the rest of the file', () => {
    const doc = parseSpec('Name: %{name\nVersion: 1\n%description\nx\n');
    assert.deepEqual(doc.problems.map((p) => p.rule), ['spec-unclosed-macro']);
    assert.deepEqual(doc.tags.map((t) => t.name), ['Name', 'Version']);
    assert.equal(doc.sections.length, 2);
  });

  test('section keywords, conditionals and definitions are not macro references', () => {
    const doc = parseSpec('%global x 1\n%if %{x}\n%endif\n%description\n');
    assert.deepEqual(refNames(doc), ['braced:x']);
  });
});

describe('spec parser: definitions, build conditionals, includes, comments', () => {
  test('definitions: plain, parametric, multi-line, undefine', () => {
    const doc = parseSpec('%global ver 1.0\n%define pfx(a:b) -%{-a*} \\\n  more \\\n  end\n%undefine ver\n%global desc %{expand:\nline one\n}\nName: x\n');
    assert.deepEqual(doc.macroDefinitions.map((d) => [d.keyword, d.name, d.parameters, d.line, d.endLine]), [
      ['global', 'ver', undefined, 0, 0], ['define', 'pfx', 'a:b', 1, 3], ['undefine', 'ver', undefined, 4, 4], ['global', 'desc', undefined, 5, 7],
    ]);
    assert.equal(doc.macroDefinitions[1].body, '-%{-a*} \\\n  more \\\n  end');
    assert.deepEqual(doc.tags.map((t) => t.name), ['Name']);
  });

  test('%bcond forms, %include, # and %dnl comments', () => {
    const doc = parseSpec('%bcond_with docs\n%bcond_without tests\n%bcond python 1\n%include %{SOURCE1}\n# comment %{x}\n%dnl gone\n');
    assert.deepEqual(doc.buildConditionals.map((b) => [b.keyword, b.name, b.defaultEnabled]), [
      ['bcond_with', 'docs', false], ['bcond_without', 'tests', true], ['bcond', 'python', true],
    ]);
    assert.equal(doc.includes[0].path, '%{SOURCE1}');
    assert.deepEqual(doc.comments.map((c) => c.kind), ['hash', 'dnl']);
  });
});

describe('spec parser: changelog', () => {
  test('entries with date, author, email and EVR', () => {
    const doc = parseSpec('%changelog\n* Wed Nov 25 2026 Jane Doe <jane@example.org> - 1.0-1\n- First\n- Second\n\n* Tue Nov 24 14:00:00 UTC 2026 bot@example.org 0.9-1\n- Old\n');
    assert.equal(doc.changelog.length, 2);
    const [a, b] = doc.changelog;
    assert.equal(a.weekday, 'Wed');
    assert.equal(a.date!.toISOString(), '2026-11-25T00:00:00.000Z');
    assert.equal(a.author, 'Jane Doe');
    assert.equal(a.email, 'jane@example.org');
    assert.equal(a.evr, '1.0-1');
    assert.equal(text(doc, a.evrSpan!), '1.0-1');
    assert.equal(text(doc, a.body), '- First\n- Second\n');
    assert.equal(b.date!.toISOString(), '2026-11-24T14:00:00.000Z');
    assert.equal(b.evr, '0.9-1');
    assert.equal(b.author, 'bot@example.org');
    assert.equal(text(doc, b.evrSpan!), '0.9-1');
  });

  test('an indented * line is part of the entry body, not a new entry', () => {
    const doc = parseSpec('%changelog\n* Wed Nov 25 2026 A <a@b> - 1\n  * bullet point\n');
    assert.equal(doc.changelog.length, 1);
  });

  test('an impossible date has no parsed date', () => {
    const doc = parseSpec('%changelog\n* Mon Feb 31 2025 X <x@y> - 1\n');
    assert.equal(doc.changelog[0].date, undefined);
    assert.equal(doc.changelog[0].dateText, 'Mon Feb 31 2025');
  });
});

describe('spec parser: positions', () => {
  test('CRLF files', () => {
    const doc = parseSpec('Name: a\r\nVersion: 1\r\n%description\r\ntext\r\n');
    const version = doc.tags[1];
    assert.deepEqual(doc.lines.positionAt(version.valueSpan.start), { line: 1, character: 9 });
    assert.equal(version.value, '1');
    assert.equal(doc.sections[1].headerLine, 2);
  });

  test('non-ASCII before a token counts UTF-16 code units', () => {
    const doc = parseSpec('Summary: Ünïcödé 😀 tool %{name}\n');
    const ref = doc.macroReferences[0];
    // 😀 is two UTF-16 code units.
    assert.deepEqual(doc.lines.positionAt(ref.start), { line: 0, character: 25 });
  });

  test('a leading BOM does not hide the first tag', () => {
    const doc = parseSpec('\uFEFFName: bom\n');
    assert.equal(doc.tags[0].name, 'Name');
    assert.deepEqual(doc.lines.positionAt(doc.tags[0].start), { line: 0, character: 1 });
  });
});

describe('spec parser: hostile input never throws and stays bounded', () => {
  const cases: [string, string][] = [
    ['binary bytes and NUL', '\u0000\u0001\u0002%{\u0000}\uFFFD'.repeat(5000)],
    ['a 1 MB single line', 'Name: ' + 'x%{a}'.repeat(200_000)],
    ['10,000 nested %{', '%{'.repeat(10_000)],
    ['10,000 nested and closed', '%{'.repeat(10_000) + '}'.repeat(10_000)],
    ['unterminated everything', '%if\n%{\n%(\n%[\n%define x \\\n%changelog\n* \n"\'\n'],
    ['50,000 unclosed %if', '%if 1\n'.repeat(50_000)],
    ['20,000 lines each opening %{', 'A: %{x\n'.repeat(20_000)],
    ['lone surrogates and CR line ends', '\uD800Name: x\r\uDC00%{\r%if\r'],
  ];
  for (const [name, input] of cases) {
    test(name, () => {
      const started = performance.now();
      const doc = parseSpec(input);
      const elapsed = performance.now() - started;
      for (const r of doc.macroReferences) assert.ok(r.start >= 0 && r.end <= input.length && r.start <= r.end);
      for (const p of doc.problems) assert.ok(p.start >= 0 && p.end <= input.length && p.start <= p.end);
      // Generous bound (CI machines are busy): catches quadratic blow-ups, which take minutes.
      assert.ok(elapsed < 20_000, `took ${elapsed.toFixed(0)} ms`);
    });
  }
});
