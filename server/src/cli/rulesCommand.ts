// `specwright rules` and `specwright explain <id>`.
import fs from 'node:fs';
import path from 'node:path';
import { ALL_RULES, getRule, ruleDocUrl } from '../service/rules/registry';
import type { Rule } from '../service/rules/types';
import { didYouMean } from '../node/suggest';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io';

function ruleJson(r: Rule) {
  return {
    id: r.id,
    language: r.language,
    category: r.category,
    defaultSeverity: r.defaultSeverity,
    fixable: r.fixSafety !== 'none',
    fixSafety: r.fixSafety,
    description: r.description,
    ...(r.rpmlintId ? { rpmlintId: r.rpmlintId } : {}),
    ...(r.tags ? { tags: r.tags } : {}),
    messages: r.messages,
    docUrl: ruleDocUrl(r.id),
  };
}

export function runRules(format: 'text' | 'json', io: CliIo): number {
  if (format === 'json') {
    io.stdout(JSON.stringify(ALL_RULES.map(ruleJson), null, 2) + '\n');
    return EXIT_OK;
  }
  const rows = ALL_RULES.map((r) => [r.id, r.language, r.defaultSeverity, r.fixSafety === 'none' ? '' : r.fixSafety === 'safe' ? 'fix' : 'fix (unsafe)', r.description]);
  const header = ['RULE', 'LANGUAGE', 'DEFAULT', 'FIXABLE', 'DESCRIPTION'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd() + '\n';
  io.stdout(line(header) + rows.map(line).join(''));
  io.stdout(`${ALL_RULES.length} rule${ALL_RULES.length === 1 ? '' : 's'}\n`);
  return EXIT_OK;
}

/** Folder of the rule pages when running from dist/ (docs/ ships beside it). */
function docsDir(): string {
  return path.join(__dirname, '..', 'docs', 'rules');
}

export function runExplain(id: string, io: CliIo): number {
  const rule = getRule(id);
  if (!rule) {
    io.stderr(`specwright: unknown rule '${id}'${didYouMean(id, ALL_RULES.map((r) => r.id))}\n`);
    return EXIT_USAGE;
  }
  const meta = [
    `${rule.id}: ${rule.description}`,
    '',
    `  language:         ${rule.language}`,
    `  category:         ${rule.category}`,
    `  default severity: ${rule.defaultSeverity}`,
    `  fix:              ${rule.fixSafety === 'none' ? 'none' : rule.fixSafety}`,
    ...(rule.rpmlintId ? [`  rpmlint id:       ${rule.rpmlintId}`] : []),
    `  documentation:    ${ruleDocUrl(rule.id)}`,
    '',
  ];
  io.stdout(meta.join('\n'));
  const doc = path.join(docsDir(), `${rule.id}.md`);
  try {
    io.stdout('\n' + fs.readFileSync(doc, 'utf8').replace(/\s*$/, '\n'));
  } catch {
    // No local copy of the page: the URL above is enough.
  }
  return EXIT_OK;
}
