// Generates what is derived from the rule registry: the `specwright.rules` settings schema in
// package.json and the rule table in README.md. `--check` fails when either is out of date
// (the consistency test runs it), so registry, settings and README cannot drift apart.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';

const check = process.argv.includes('--check');
const dir = mkdtempSync(join(tmpdir(), 'specwright-docs-'));
const outfile = join(dir, 'registry.cjs');
await esbuild.build({
  entryPoints: ['server/src/service/rules/registry.ts'], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error',
});
const { ALL_RULES } = createRequire(import.meta.url)(outfile);
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
if (stale) process.exit(1);
