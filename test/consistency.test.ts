// The rule registry, the rule docs, the rule tests, the settings schema and the README table
// must describe the same set of rules.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ALL_RULES } from '../server/src/service/index';

const root = path.resolve(__dirname, '..', '..');
const ids = ALL_RULES.map((r) => r.id);

describe('rule consistency', () => {
  test('rule ids are unique, kebab-case, with sane metadata', () => {
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids');
    for (const r of ALL_RULES) {
      // Kebab-case, except where the id is rpmlint's own (`use-of-RPM_SOURCE_DIR`).
      if (r.id !== r.rpmlintId) assert.match(r.id, /^[a-z%][a-z0-9%]*(-[a-z0-9%]+)*$/, `${r.id}: not kebab-case`);
      assert.ok(r.description.length > 10 && !r.description.endsWith('.'), `${r.id}: description must be one line without a final dot`);
      assert.ok(['off', 'hint', 'information', 'warning', 'error'].includes(r.defaultSeverity), `${r.id}: default severity`);
      assert.ok(['safe', 'unsafe', 'none'].includes(r.fixSafety), `${r.id}: fix safety`);
    }
  });

  test('every rule has a doc page with the required sections, and every page a rule', () => {
    const docsDir = path.join(root, 'docs', 'rules');
    for (const id of ids) {
      const file = path.join(docsDir, `${id}.md`);
      assert.ok(fs.existsSync(file), `docs/rules/${id}.md is missing`);
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(text.startsWith(`# ${id}\n`), `docs/rules/${id}.md must start with '# ${id}'`);
      for (const heading of ['## Why', '## Incorrect', '## Correct', '## Fix', '## Options']) {
        assert.ok(text.includes(`\n${heading}`), `docs/rules/${id}.md lacks '${heading}'`);
      }
    }
    const pages = fs.readdirSync(docsDir).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
    // Severity, fix safety, settings and messages come from the rule's metadata (scripts/gen-docs.mjs,
    // checked below); a hand-written claim elsewhere on the page could contradict them.
    for (const id of ids) {
      const text = fs.readFileSync(path.join(docsDir, `${id}.md`), 'utf8');
      const from = text.indexOf('\n## Options\n');
      const to = text.indexOf('<!-- end of generated sections -->');
      assert.ok(from >= 0 && to > from, `docs/rules/${id}.md lacks the generated Options/Messages sections: run node scripts/gen-docs.mjs`);
      const rest = text.slice(0, from) + text.slice(to);
      assert.doesNotMatch(rest, /default severity: `|^(Warning|Error|Information|Hint)\. Fix: /im, `docs/rules/${id}.md states the default severity outside the generated section`);
      const rule = ALL_RULES.find((r) => r.id === id)!;
      for (const messageId of Object.keys(rule.messages)) assert.ok(text.includes(`- \`${messageId}\`: `), `docs/rules/${id}.md lists message ${messageId}`);
    }
    assert.deepEqual(pages.filter((p) => !ids.includes(p)), [], 'doc pages without a rule');
  });

  test('every rule has a test file named by its id, and every rule test file a rule', () => {
    const testsDir = path.join(root, 'test', 'rules');
    for (const id of ids) {
      const file = path.join(testsDir, `${id}.test.ts`);
      assert.ok(fs.existsSync(file), `test/rules/${id}.test.ts is missing`);
      // The doc page's Incorrect/Correct examples are part of every rule's tests.
      assert.ok(fs.readFileSync(file, 'utf8').includes(`testDocExamples(`), `test/rules/${id}.test.ts does not test its doc examples`);
    }
    const files = fs.readdirSync(testsDir).filter((f) => f.endsWith('.test.ts')).map((f) => f.slice(0, -'.test.ts'.length));
    assert.deepEqual(files.filter((f) => !ids.includes(f)), [], 'rule test files without a rule');
  });

  test('the rule index, the settings schema and the README table are up to date', () => {
    for (const script of ['scripts/gen-rule-index.mjs', 'scripts/gen-docs.mjs']) {
      const r = spawnSync(process.execPath, [script, '--check'], { cwd: root, encoding: 'utf8' });
      assert.equal(r.status, 0, `${script} --check: ${r.stderr}`);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const schema = pkg.contributes.configuration.properties['specwright.rules'].properties;
    assert.deepEqual(Object.keys(schema).sort(), [...ids].sort());
    for (const r of ALL_RULES) assert.equal(schema[r.id].default, r.defaultSeverity, `${r.id}: schema default`);
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const id of ids) assert.ok(readme.includes(`[\`${id}\`]`), `README rule table lacks ${id}`);
  });
});
