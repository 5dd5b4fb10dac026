import type { DkmsDocument } from '../../dkms/ast';
import { embeddedDkmsConfs, specOffsetOf } from '../../specfile/embeddedDkms';
import type { Section, SpecDocument } from '../../specfile/ast';
import type { OffsetEdit } from '../../types';
import { defineSpecRule, type ReportFix } from '../types';

const BUILD_SECTIONS = new Set(['prep', 'conf', 'build', 'install']);
/** A command that rewrites a file's text (a substitution step). */
const SUBSTITUTES = /\b(sed|perl|awk|envsubst|m4|configure|autoconf|make)\b/;

interface Placeholder {
  text: string;
  /** The directive whose value holds it, when it is in one. */
  directive?: string;
  start: number;
  end: number;
}

function placeholdersOf(dkms: DkmsDocument): Placeholder[] {
  return dkms.placeholders.map((p) => {
    const a = dkms.assignments.find((x) => x.valueSpan.start <= p.start && p.end <= x.valueSpan.end);
    return { text: dkms.text.slice(p.start, p.end), directive: a?.name, start: p.start, end: p.end };
  });
}

function sectionLines(doc: SpecDocument, s: Section): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let at = s.body.start;
  for (const text of doc.text.slice(s.body.start, s.body.end).split('\n')) {
    out.push({ text: text.replace(/\r$/, ''), start: at });
    at += text.length + 1;
  }
  return out;
}

/** `%{SOURCE1}`, `%SOURCE1`, `%{S:1}`: the number of the Source it names. */
const SOURCE_REF = /%\{?SOURCE([0-9]+)\}?|%\{?S:([0-9]+)\}?/g;

/** A dkms.conf the spec ships as SourceN beside it and installs with `install`/`cp` from %{SOURCEn}. */
interface SourceInstall {
  number: number;
  /** The line that installs it, and the %{SOURCEn} word on it. */
  line: { text: string; start: number };
  wordStart: number;
  wordEnd: number;
}

function sourceInstalls(doc: SpecDocument, fileName: string): SourceInstall[] | undefined {
  const numbers = doc.tags.filter((t) => t.key === 'source' && t.value.trim().replace(/^.*\//, '') === fileName).map((t) => t.number ?? 0);
  if (numbers.length === 0) return undefined;
  const out: SourceInstall[] = [];
  for (const s of doc.sections) {
    if (!BUILD_SECTIONS.has(s.kind)) continue;
    for (const line of sectionLines(doc, s)) {
      for (const m of line.text.matchAll(SOURCE_REF)) {
        const n = Number(m[1] ?? m[2]);
        if (!numbers.includes(n)) continue;
        // anything else than copying it (a sed, a generator reading it) counts as substituting
        if (SUBSTITUTES.test(line.text) || !/\b(install|cp)\b/.test(line.text)) return undefined;
        out.push({ number: n, line, wordStart: line.start + m.index, wordEnd: line.start + m.index + m[0].length });
      }
      // a later `sed … dkms.conf` on the installed copy
      if (/dkms\.conf/.test(line.text) && SUBSTITUTES.test(line.text)) return undefined;
    }
  }
  return out;
}

/** The installed file's path from `install … %{SOURCEn} DEST`: DEST itself, or DEST/dkms.conf for a folder. */
function installedPath(line: string): string | undefined {
  if (/[;&|\\`]|\$\(/.test(line)) return undefined;
  const words = line.trim().split(/\s+/);
  const dest = words[words.length - 1];
  if (words.length < 3 || dest.startsWith('-') || /SOURCE/.test(dest) || /['"]/.test(dest)) return undefined;
  if (dest.endsWith('/')) return `${dest}dkms.conf`;
  return /\.conf$/.test(dest) ? dest : `${dest}/dkms.conf`;
}

/** A fix that substitutes a version placeholder with %{version}: only then is the replacement certain. */
function versionFix(placeholders: Placeholder[], insertAt: number, path: string, eol: string): ReportFix[] {
  const version = placeholders.filter((p) => p.directive === 'PACKAGE_VERSION');
  if (version.length === 0) return [];
  const lines = [...new Set(version.map((p) => p.text))].map((t) => `sed -i 's/${t}/%{version}/' ${path}`);
  const edit: OffsetEdit = { start: insertAt, end: insertAt, newText: lines.map((l) => `${eol}${l}`).join('') };
  return [{ title: `Substitute ${version[0].text} with %{version} after installing dkms.conf`, edits: [edit] }];
}

const listOf = (ps: Placeholder[]) => [...new Set(ps.map((p) => (p.directive ? `${p.directive}=${p.text}` : p.text)))].join(', ');

export default defineSpecRule({
  id: 'dkms-conf-placeholder-installed',
  category: 'dkms',
  defaultSeverity: 'error',
  description: 'The spec installs a dkms.conf that still holds template placeholders (@VERSION@, #MODULE_VERSION#, __VERSION__) and nothing substitutes them',
  fixSafety: 'unsafe',
  // the spec names dkms.conf; a dkms.conf linted on its own has PACKAGE_*
  requires: ['dkms', 'PACKAGE_'],
  messages: {
    source: 'The spec installs {{file}} (Source{{number}}) as it is, but it still holds {{placeholders}}, and nothing in the spec substitutes them: dkms reads the placeholder text literally (for PACKAGE_VERSION, the version it registers, so the spec\'s dkms commands do not find the module). Substitute them with sed after installing it, or fill them in the file',
    hereDoc: 'The dkms.conf this here-document writes holds {{placeholders}}, and nothing in the spec substitutes them: dkms reads the placeholder text literally. Write the value (for the version, %{version}) instead',
    onConf: '{{spec}} installs this file as it is (Source{{number}}) and nothing substitutes {{placeholder}}: dkms reads the text literally as the value of {{directive}}',
  },
  check(ctx) {
    const doc = ctx.doc;
    if (doc.isTemplate) return;
    const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
    // 1. a here-document the spec writes itself
    for (const conf of embeddedDkmsConfs(doc)) {
      if (conf.appends) continue;
      const ps = placeholdersOf(conf.dkms);
      if (ps.length === 0) continue;
      if (doc.sections.some((s) => BUILD_SECTIONS.has(s.kind) && sectionLines(doc, s).some((l) => /dkms\.conf/.test(l.text) && /\b(sed|perl|awk|envsubst)\b/.test(l.text)))) continue;
      const first = ps[0];
      const fixes: ReportFix[] = ps.every((p) => p.directive === 'PACKAGE_VERSION')
        ? [{ title: 'Write %{version} instead', edits: ps.map((p) => ({ start: specOffsetOf(conf, p.start), end: specOffsetOf(conf, p.end), newText: '%{version}' })) }]
        : [];
      ctx.report({ start: specOffsetOf(conf, first.start), end: specOffsetOf(conf, first.end), messageId: 'hereDoc', data: { placeholders: listOf(ps) }, fixes });
    }
    // 2. the dkms.conf beside the spec, shipped as a Source and copied as it is
    const dir = ctx.uri.replace(/\/[^/]*$/, '/');
    for (const r of ctx.related) {
      if (r.languageId !== 'dkms-conf' || !r.uri.startsWith(dir) || r.uri.slice(dir.length).includes('/')) continue;
      const fileName = decodeURIComponent(r.uri.slice(dir.length));
      const ps = placeholdersOf(ctx.parseRelatedDkms(r));
      if (ps.length === 0) continue;
      const installs = sourceInstalls(doc, fileName);
      if (!installs || installs.length === 0) continue;
      const dkms = ctx.parseRelatedDkms(r);
      for (const inst of installs) {
        const path = installedPath(inst.line.text);
        const lineEnd = inst.line.start + inst.line.text.length;
        ctx.report({
          start: inst.wordStart,
          end: inst.wordEnd,
          messageId: 'source',
          data: { file: fileName, number: inst.number, placeholders: listOf(ps) },
          fixes: path ? versionFix(ps, lineEnd, path, eol) : [],
          related: ps.slice(0, 4).map((p) => ({ start: 0, end: 0, uri: r.uri, range: dkms.lines.range(p.start, p.end), message: `${p.text} is never substituted` })),
        });
      }
    }
  },
  checkDkms(ctx) {
    const ps = placeholdersOf(ctx.doc);
    if (ps.length === 0) return;
    const dir = ctx.uri.replace(/\/[^/]*$/, '/');
    const fileName = decodeURIComponent(ctx.uri.slice(dir.length));
    for (const r of ctx.related) {
      if (r.languageId !== 'rpm-spec' || !r.uri.startsWith(dir) || r.uri.slice(dir.length).includes('/')) continue;
      const spec = ctx.parseRelatedSpec(r);
      if (spec.isTemplate) continue;
      const installs = sourceInstalls(spec, fileName);
      if (!installs || installs.length === 0) continue;
      const specName = decodeURIComponent(r.uri.slice(dir.length));
      for (const p of ps) {
        ctx.report({
          start: p.start,
          end: p.end,
          messageId: 'onConf',
          data: { spec: specName, number: installs[0].number, placeholder: p.text, directive: p.directive ?? 'its line' },
          related: [{ start: 0, end: 0, uri: r.uri, range: spec.lines.range(installs[0].wordStart, installs[0].wordEnd), message: `${specName} installs it here` }],
        });
      }
    }
  },
});
