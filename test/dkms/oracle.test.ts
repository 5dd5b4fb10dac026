// dkms as the oracle: every dkms.conf that Debian's real dkms rejects (`dkms add` into a private
// tree, see helpers/dkmsOracle) must get an error finding from Specwright, and no conf dkms
// accepts may get one. Inputs: the corpus's 90 dkms.conf files (real drivers and dkms's own test
// confs), the dkms.conf examples of the rule documentation and test/fixtures/dkms.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createLanguageService } from '../../server/src/service/index';
import { dkmsAdd, dkmsOracleUnavailable, dkmsVersion } from '../helpers/dkmsOracle';
import { docExamples } from '../helpers/docs';
import { SHARED_MISSING, sharedDir } from '../helpers/fixtures';

function findConfs(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) findConfs(p, out);
    else if (name === 'dkms.conf') out.push(p);
  }
  return out;
}

interface Row {
  name: string;
  accepted: boolean;
  dkmsErrors: string[];
  specwrightErrors: string[];
}

function judge(name: string, text: string): Row {
  const verdict = dkmsAdd(text);
  const service = createLanguageService();
  const result = service.lint({ uri: `file:///oracle/${name}/dkms.conf`, languageId: 'dkms-conf', version: 1, text }, { distro: 'generic', rules: {}, related: [] });
  const specwrightErrors = result.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.range.start.line + 1}: ${f.message}`);
  return { name, accepted: verdict.accepted, dkmsErrors: verdict.errors, specwrightErrors };
}

function disagreements(rows: Row[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (!r.accepted && r.specwrightErrors.length === 0) out.push(`${r.name}: dkms rejects it (${r.dkmsErrors.join(' | ')}), Specwright reports no error`);
    if (r.accepted && r.specwrightErrors.length > 0) out.push(`${r.name}: dkms accepts it, Specwright reports ${r.specwrightErrors.join(' | ')}`);
  }
  return out;
}

const unavailable = dkmsOracleUnavailable();
const shared = sharedDir();

test(`corpus dkms.conf files: Specwright errors exactly where dkms ${unavailable ? '' : dkmsVersion()} rejects`, { skip: unavailable ?? (shared ? false : SHARED_MISSING) }, () => {
  const files = findConfs(path.join(shared!, 'corpus', 'dkms'));
  assert.ok(files.length >= 90, `expected the corpus's 90 dkms.conf files, found ${files.length}`);
  const rows = files.map((f) => judge(path.basename(path.dirname(f)), fs.readFileSync(f, 'utf8')));
  if (process.env.SPECWRIGHT_ORACLE_REPORT) fs.writeFileSync(process.env.SPECWRIGHT_ORACLE_REPORT, JSON.stringify(rows, null, 1));
  assert.deepEqual(disagreements(rows), []);
});

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/dkms/oracle');

test('test/fixtures/dkms/oracle: dkms agrees with each file\'s name (accepted-/rejected-), and Specwright with dkms', { skip: unavailable }, () => {
  const names = fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.conf')).sort();
  assert.ok(names.length >= 10, `expected the oracle fixtures in ${FIXTURES}`);
  const rows = names.map((n) => judge(n, fs.readFileSync(path.join(FIXTURES, n), 'utf8')));
  const misnamed = rows.filter((r) => r.name.startsWith('accepted-') !== r.accepted).map((r) => `${r.name}: dkms ${r.accepted ? 'accepts' : 'rejects'} it`);
  assert.deepEqual(misnamed, []);
  assert.deepEqual(disagreements(rows), []);
});

test('dkms.conf examples in the rule documentation: Specwright errors exactly where dkms rejects', { skip: unavailable }, () => {
  const docs = path.resolve(__dirname, '../../../docs/rules');
  const rows: Row[] = [];
  for (const file of fs.readdirSync(docs).filter((n) => n.endsWith('.md')).sort()) {
    const id = file.replace(/\.md$/, '');
    const ex = docExamples(id);
    [...ex.incorrect, ...ex.correct]
      .filter((e) => e.languageId === 'dkms-conf')
      .forEach((e, i) => rows.push(judge(`${id} example ${i + 1}`, e.text)));
  }
  assert.ok(rows.length >= 20, `expected the dkms.conf examples of docs/rules, found ${rows.length}`);
  assert.deepEqual(disagreements(rows), []);
});
