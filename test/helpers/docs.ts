// Rule documentation examples: the ```spec blocks under `## Incorrect` and `## Correct` in
// docs/rules/<id>.md. Every rule test checks that the Incorrect example produces a finding of
// the rule and the Correct one produces none, so the docs cannot drift from the behaviour.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { LanguageId, SeverityOrOff } from '../../server/src/service/index';
import type { RelatedDocument } from '../../server/src/service/rules/types';
import { lintText } from './fixtures';

export interface DocExample {
  text: string;
  languageId: LanguageId;
}

export interface DocExamples {
  incorrect: DocExample[];
  correct: DocExample[];
}

function repoRoot(): string {
  // out/test/helpers (compiled) or test/helpers (source): walk up to the folder with docs/rules.
  let dir = __dirname;
  for (let k = 0; k < 6; k++) {
    if (fs.existsSync(path.join(dir, 'docs', 'rules'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

/** The ```spec / ```rpm-spec and ```dkms-conf blocks of each `## Incorrect` / `## Correct` section. */
export function docExamples(ruleId: string): DocExamples {
  const file = path.join(repoRoot(), 'docs', 'rules', `${ruleId}.md`);
  const text = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const out: DocExamples = { incorrect: [], correct: [] };
  let current: keyof DocExamples | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heading = /^##\s+(.*?)\s*$/.exec(lines[i]);
    if (heading) {
      const h = heading[1].toLowerCase();
      current = h === 'incorrect' ? 'incorrect' : h === 'correct' ? 'correct' : undefined;
      continue;
    }
    const fence = current ? /^```(spec|rpm-spec|dkms-conf)\s*$/.exec(lines[i]) : null;
    if (current && fence) {
      const body: string[] = [];
      for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
      out[current].push({ text: body.join('\n') + '\n', languageId: fence[1] === 'dkms-conf' ? 'dkms-conf' : 'rpm-spec' });
    }
  }
  return out;
}

/** Registers a test: the doc page's Incorrect examples are reported, its Correct examples are not. */
export function testDocExamples(
  ruleId: string,
  options: { /** A family or release (`rhel-8`) */ distro?: string; incorrectWithCrlf?: boolean; severities?: Record<string, SeverityOrOff>; /** Files beside the example (the Kbuild a page shows) */ related?: RelatedDocument[] } = {},
): void {
  test(`${ruleId}: documentation examples`, () => {
    const ex = docExamples(ruleId);
    assert.ok(ex.incorrect.length > 0, `docs/rules/${ruleId}.md has no example block under ## Incorrect`);
    assert.ok(ex.correct.length > 0, `docs/rules/${ruleId}.md has no example block under ## Correct`);
    for (const { text, languageId } of ex.incorrect) {
      // Markdown cannot show CRLF: a page about line endings says so and the test converts.
      const source = options.incorrectWithCrlf ? text.replace(/\n/g, '\r\n') : text;
      const found = lintText(source, { rules: [ruleId], distro: options.distro, languageId, severities: options.severities, related: options.related });
      assert.ok(found.length > 0, `the Incorrect example of ${ruleId} produces no finding:\n${text}`);
    }
    for (const { text, languageId } of ex.correct) {
      const found = lintText(text, { rules: [ruleId], distro: options.distro, languageId, severities: options.severities, related: options.related });
      assert.deepEqual(found.map((f) => f.message), [], `the Correct example of ${ruleId} produces findings:\n${text}`);
    }
  });
}
