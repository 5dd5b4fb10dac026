// Generates what is derived from the rule registry: the `specwright.rules` settings schema in
// package.json, the rule table in README.md, and in each docs/rules/<id>.md the `## Options`
// section (default severity, fix safety, settings, suppression, rpmlint id) and the `## Messages`
// list, from the rule's metadata. `--check` fails when any of them is out of date (the
// consistency test runs it), so registry, settings, README and doc pages cannot drift apart.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';

const check = process.argv.includes('--check');
const dir = mkdtempSync(join(tmpdir(), 'specwright-docs-'));
const outfile = join(dir, 'registry.cjs');
await esbuild.build({
  stdin: { contents: "export { ALL_RULES } from './server/src/service/rules/registry'; export { RELEASES } from './server/src/service/catalog/releases';", resolveDir: '.', loader: 'ts' },
  bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error',
});
const { ALL_RULES, RELEASES } = createRequire(import.meta.url)(outfile);
rmSync(dir, { recursive: true, force: true });

const LEVELS = ['off', 'hint', 'information', 'warning', 'error'];
let stale = false;

// package.json: one property per rule id under specwright.rules.
const pkgText = readFileSync('package.json', 'utf8');
const pkg = JSON.parse(pkgText);
const properties = {};
for (const r of ALL_RULES) {
  properties[r.id] = {
    type: 'string',
    enum: LEVELS,
    default: r.defaultSeverity,
    markdownDescription: `${r.description}. [Documentation](${'https://github.com/specwright/specwright/blob/main/docs/rules/'}${encodeURIComponent(r.id)}.md)`,
  };
}
pkg.contributes.configuration.properties['specwright.rules'] = {
  type: 'object',
  default: {},
  markdownDescription: 'Severity per rule id (`off`, `hint`, `information`, `warning`, `error`). Rules not listed keep their default. The same ids work in `specwright.json`, with `specwright lint --rule id=level` and in `# specwright: disable-next-line id` comments.',
  properties,
  additionalProperties: false,
};
const newPkg = JSON.stringify(pkg, null, 2) + '\n';
if (newPkg !== pkgText) {
  if (check) {
    console.error('package.json: the specwright.rules schema is out of date: run node scripts/gen-docs.mjs');
    stale = true;
  } else writeFileSync('package.json', newPkg);
}

// README.md: the rule table between markers.
const readme = readFileSync('README.md', 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i < 0 || j < i) {
  console.error('README.md has no rule table markers');
  process.exit(1);
}
const rows = ALL_RULES.map((r) => {
  const fix = r.fixSafety === 'none' ? '' : r.fixSafety;
  const rpmlint = r.rpmlintId ? `\`${r.rpmlintId}\`` : '';
  return `| [\`${r.id}\`](docs/rules/${encodeURIComponent(r.id)}.md) | ${r.language} | ${r.defaultSeverity} | ${fix} | ${rpmlint} | ${r.description.replace(/\|/g, '\\|')} |`;
});
const table = `${start}\n${ALL_RULES.length} rules.\n\n| rule | language | default | fix | rpmlint | what it finds |\n| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n${end}`;
const newReadme = readme.slice(0, i) + table + readme.slice(j + end.length);
if (newReadme !== readme) {
  if (check) {
    console.error('README.md: the rule table is out of date: run node scripts/gen-docs.mjs');
    stale = true;
  } else writeFileSync('README.md', newReadme);
}
// docs/rules/<id>.md: from `## Options` to the end marker, generated. Hand-written notes about
// the options (why this severity…) go after the end marker, before the next heading.
const GENERATED_START = '## Options';
const GENERATED_NOTE = "<!-- Generated from the rule's metadata by `node scripts/gen-docs.mjs` down to the end marker: change the rule, not this text. -->";
const GENERATED_END = '<!-- end of generated sections -->';
const FIX_SAFETY = {
  safe: '`safe`: `specwright lint --fix` and the editor\'s fix-all apply it',
  unsafe: '`unsafe`: offered as a quick fix to review; `--fix` does not apply it',
  none: 'none: no automatic fix',
};
/** Message text as Markdown: placeholders shown as they are, Markdown punctuation escaped (backticks are code in messages too). */
const markdownText = (text) => text.replace(/[\\*_<>[\]|]/g, (c) => `\\${c}`);
function generatedSections(r) {
  const byDistro = [];
  if (r.defaultSeverityFor) {
    // Release-dependent defaults (the release's rpm version decides): list the releases that differ.
    const levels = new Map();
    for (const rel of RELEASES) {
      const level = r.defaultSeverityFor(rel) ?? r.defaultSeverity;
      if (level !== r.defaultSeverity) levels.set(level, [...(levels.get(level) ?? []), rel.short]);
    }
    for (const [level, names] of levels) byDistro.push(`\`${level}\` on ${names.join(', ')}`);
  }
  const other = r.defaultSeverity === 'off' ? 'warning' : 'off';
  const lines = [
    GENERATED_START,
    '',
    GENERATED_NOTE,
    '',
    `- Default severity: \`${r.defaultSeverity}\`${byDistro.length > 0 ? ` (${byDistro.join(', ')})` : ''}.`,
    `- Fix safety: ${FIX_SAFETY[r.fixSafety]}${r.fixSafety === 'none' ? '' : ' (unless the Fix section names cases that differ)'}.`,
    `- Change the severity with \`"specwright.rules": { "${r.id}": "${other}" }\` in VS Code settings or \`specwright.json\`, or \`--rule ${r.id}=${other}\` on the command line (levels: \`off\`, \`hint\`, \`information\`, \`warning\`, \`error\`).`,
    `- Suppress one finding with \`# specwright: disable-next-line ${r.id}\` on the line before.`,
    r.rpmlintId
      ? `- rpmlint id: \`${r.rpmlintId}\` (an rpmlintrc \`addFilter("${r.rpmlintId}")\` hides it too).`
      : '- rpmlint id: none.',
    '',
    '## Messages',
    '',
    ...Object.entries(r.messages).map(([id, text]) => `- \`${id}\`: ${markdownText(text)}`),
    '',
    GENERATED_END,
  ];
  return lines.join('\n');
}
for (const r of ALL_RULES) {
  const file = `docs/rules/${r.id}.md`;
  if (!existsSync(file)) continue; // the consistency test reports the missing page
  const page = readFileSync(file, 'utf8');
  const a = page.indexOf(`\n${GENERATED_START}\n`);
  if (a < 0) {
    console.error(`${file}: no '${GENERATED_START}' section`);
    stale = true;
    continue;
  }
  const endAt = page.indexOf(GENERATED_END, a);
  let b;
  if (endAt >= 0) b = endAt + GENERATED_END.length;
  else {
    // first run on a hand-written page: its Options section is replaced up to the next heading
    const next = page.indexOf('\n## ', a + 1);
    b = next < 0 ? page.length : next;
    while (b > a && page[b - 1] === '\n') b--;
  }
  const newPage = page.slice(0, a + 1) + generatedSections(r) + page.slice(b);
  if (newPage !== page) {
    if (check) {
      console.error(`${file}: the Options/Messages sections are out of date: run node scripts/gen-docs.mjs`);
      stale = true;
    } else writeFileSync(file, newPage);
  }
}
if (stale) process.exit(1);
