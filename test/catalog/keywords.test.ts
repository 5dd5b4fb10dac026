import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  TAGS, SECTIONS, lookupTag, lookupSection, isValidQualifier, lookupConditionalKeyword, RICH_DEPENDENCY_KEYWORDS,
  lookupRichDependencyKeyword, ARCHITECTURES, ARCH_MACROS, expandArchList, isKnownArch, lookupArchMacro,
} from '../../server/src/service/catalog/index';
import { sharedDir, SHARED_MISSING } from '../helpers/fixtures';

test('tags: case-insensitive lookup, numbered tags, qualifiers', () => {
  assert.equal(lookupTag('buildrequires')?.name, 'BuildRequires');
  assert.equal(lookupTag('Source12')?.name, 'Source');
  assert.equal(lookupTag('patch3')?.name, 'Patch');
  assert.equal(lookupTag('Requires(post)')?.name, 'Requires');
  assert.equal(lookupTag('Url')?.name, 'URL');
  assert.equal(lookupTag('Version12'), undefined);
  assert.ok(isValidQualifier('Requires', 'post,preun'));
  assert.ok(!isValidQualifier('Requires', 'install'));
  assert.ok(isValidQualifier('Summary', 'de'));
  assert.equal(lookupTag('BuildPrereq')?.replacement, 'BuildRequires');
  assert.equal(lookupTag('BuildRoot')?.status, 'obsolete');
  for (const t of TAGS) assert.ok(t.description.length > 10, t.name);
});

test('sections, scriptlets and triggers have options and descriptions', () => {
  assert.deepEqual(lookupSection('files')?.options.map((o) => o.name), ['-n', '-f']);
  assert.equal(lookupSection('%clean')?.status, 'obsolete');
  assert.ok(lookupSection('%filetriggerin')?.options.some((o) => o.name === '-P'));
  assert.ok(lookupSection('%post')?.options.some((o) => o.name === '-p'));
  for (const s of SECTIONS) assert.ok(s.description.length > 10, s.name);
  assert.ok(lookupConditionalKeyword('ifarch'));
  assert.equal(RICH_DEPENDENCY_KEYWORDS.length, 7);
  assert.ok(lookupRichDependencyKeyword('unless'));
});

test('architectures and arch macros', () => {
  for (const a of ['x86_64', 'i686', 'aarch64', 'ppc64le', 's390x', 'riscv64', 'armv7hl', 'noarch']) assert.ok(ARCHITECTURES.some((x) => x.name === a), a);
  assert.ok(ARCH_MACROS.length >= 12);
  assert.deepEqual(expandArchList('%{ix86} x86_64').slice(-2), ['geode', 'x86_64']);
  assert.ok(isKnownArch('armv7hl') && isKnownArch('mips64el') && !isKnownArch('x86-64'));
  assert.equal(lookupArchMacro('%{arm64}')?.value, 'aarch64');
});

test('every tag and section of shared/reference/spec-tags.tsv is known', (t) => {
  const shared = sharedDir();
  if (!shared) {
    t.skip(SHARED_MISSING);
    return;
  }
  const rows = fs.readFileSync(path.join(shared, 'reference/spec-tags.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
  const problems: string[] = [];
  for (const [name, kind, , , status] of rows) {
    if (kind === 'tag') {
      const tag = lookupTag(name);
      if (!tag) problems.push(`tag ${name} missing`);
      else if ((status === 'obsolete') !== (tag.status === 'obsolete')) problems.push(`tag ${name}: status ${tag.status}, table ${status}`);
    } else {
      const s = lookupSection(name);
      if (!s) problems.push(`section ${name} missing`);
      else if ((status === 'obsolete') !== (s.status === 'obsolete')) problems.push(`section ${name}: status ${s.status}, table ${status}`);
    }
  }
  assert.deepEqual(problems, []);
});
