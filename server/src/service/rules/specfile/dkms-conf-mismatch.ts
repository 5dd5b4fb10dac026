import type { DkmsDocument } from '../../dkms/ast';
import { dkmsCalls, expandSpecText, MUTATING_ACTIONS, normalizeMacroText, usrSrcDirs, type WordSpan } from '../../specfile/dkmsScriptlets';
import { specHereDocs } from '../../shell/specShell';
import type { SpecDocument } from '../../specfile/ast';
import type { ProfileLike } from '../../catalog/profile';
import type { Range } from '../../types';
import { defineSpecRule, type ReportFix } from '../types';
import { replacementFor } from '../dkms/_util';

interface ConfValue {
  text: string;
  /** Where it is written: offsets in the spec, or in the dkms.conf named by uri (with its range). */
  start: number;
  end: number;
  uri?: string;
  range?: Range;
}

interface Conf {
  name?: ConfValue;
  version?: ConfValue;
  where: string;
  /** In the spec's own folder (not a subfolder's, which may belong to another module). */
  beside: boolean;
}

const dirOf = (uri: string) => uri.replace(/\/[^/]*$/, '');

/** Expanded spec text that still holds a placeholder (`#MODULE_VERSION#`, `@VERSION@`) is not comparable. */
function comparable(e: { text: string; resolved: boolean }): boolean {
  return e.resolved && !/[#@]/.test(e.text);
}

/** A value we can compare: no variables, placeholders (`@VERSION@`, `#MODULE_VERSION#`) or substitutions. */
function literal(text: string): boolean {
  return text !== '' && !/[$`@#%]/.test(text) && !/^__[A-Z][A-Z0-9_]*__$/.test(text);
}

function fromRelated(dkms: DkmsDocument, uri: string, specUri: string): Conf {
  const conf: Conf = { where: uri.replace(/^.*\//, ''), beside: dirOf(uri) === dirOf(specUri) };
  for (const a of dkms.assignments) {
    if (a.conditional || a.isArray || a.index !== undefined || a.values.length !== 1) continue;
    if (a.name !== 'PACKAGE_NAME' && a.name !== 'PACKAGE_VERSION') continue;
    const v = a.values[0];
    const value: ConfValue = { text: v.hasCommandSubstitution || v.variables.length > 0 ? '$' : v.text.trim(), start: v.start, end: v.end, uri, range: dkms.lines.range(v.start, v.end) };
    if (a.name === 'PACKAGE_NAME') conf.name = value;
    else conf.version = value;
  }
  return conf;
}

/** A dkms.conf the spec writes itself with a here-document in %prep/%build/%install. */
function fromHereDoc(doc: SpecDocument, distro: ProfileLike): Conf | undefined {
  let conf: Conf | undefined;
  for (const { section, hereDoc } of specHereDocs(doc)) {
    if (section.kind !== 'prep' && section.kind !== 'build' && section.kind !== 'install') continue;
    const body = hereDoc.body;
    for (let at = 0; at < body.length;) {
      const nl = body.indexOf('\n', at);
      const lineEnd = nl < 0 ? body.length : nl;
      const text = body.slice(at, lineEnd).replace(/\r$/, '');
      const start = hereDoc.offsetAt(at);
      at = lineEnd + 1;
      const m = /^\s*(PACKAGE_NAME|PACKAGE_VERSION)=(["']?)([^"'\s]*)\2\s*$/.exec(text);
      if (!m) continue;
      const exp = expandSpecText(doc, m[3], distro);
      const vs = start + text.indexOf('=') + 1 + m[2].length;
      conf ??= { where: 'the dkms.conf written in the spec', beside: true };
      const value = { text: exp.resolved ? exp.text : '$', start: vs, end: vs + m[3].length };
      if (m[1] === 'PACKAGE_NAME') conf.name = value;
      else conf.version = value;
    }
  }
  return conf;
}

/** The spec rewrites or generates dkms.conf at build time (sed, a generator script, a redirect). */
function rewritesConf(doc: SpecDocument): boolean {
  for (const s of doc.sections) {
    if (s.kind !== 'prep' && s.kind !== 'build' && s.kind !== 'install' && s.kind !== 'conf') continue;
    const body = doc.text.slice(s.body.start, s.body.end);
    for (const line of body.split('\n')) {
      if (!/dkms\.conf/.test(line)) continue;
      if (/\bsed\b|\bperl\b|\bawk\b|>|\bmkconf\b|\benvsubst\b|\bconfigure\b|\bmake\b/.test(line)) return true;
    }
  }
  return false;
}

interface Mismatch {
  /** Where the spec states the module or version. */
  spec: { start: number; end: number };
  conf: ConfValue;
  /** Which message, and its data except `subject` ("The spec" on the spec itself, its file name on the dkms.conf). */
  messageId: keyof typeof MESSAGES;
  data: Record<string, string>;
  confLabel: string;
  /** The version as the spec writes it (`%{version}`), for the fixes; undefined when unknown. */
  specVersion?: string;
}

/** A module (and version) the spec uses: as written, and expanded. */
interface SpecPair {
  module: WordSpan;
  version?: WordSpan;
  name: string;
  expandedVersion?: string;
  /** The version as written (`%{version}`). */
  versionText?: string;
}

/** The module/version pairs the spec passes to dkms, else the /usr/src directory it installs. */
function specPairs(doc: SpecDocument, distro: ProfileLike): SpecPair[] {
  const pairs: SpecPair[] = [];
  for (const call of dkmsCalls(doc)) {
    if (!call.action || !MUTATING_ACTIONS.has(call.action.text) || !call.module) continue;
    const m = expandSpecText(doc, normalizeMacroText(call.module.text), distro);
    if (!comparable(m)) continue;
    const v = call.version ? expandSpecText(doc, normalizeMacroText(call.version.text), distro) : undefined;
    pairs.push({ module: call.module, version: call.version, name: m.text, expandedVersion: v && comparable(v) ? v.text : undefined, versionText: call.version?.text });
  }
  if (pairs.length === 0) {
    const dirs = usrSrcDirs(doc);
    const files = dirs.filter((d) => d.from === 'files');
    for (const d of files.length > 0 ? files : dirs) {
      const e = expandSpecText(doc, d.text, distro);
      const m = /^(.+)-([^-]+)$/.exec(e.text);
      if (!comparable(e) || !m) continue;
      pairs.push({ module: { text: d.text, start: d.start, end: d.end }, name: m[1], expandedVersion: m[2], versionText: /-([^-/]+)$/.exec(d.text)?.[1] });
    }
  }
  return pairs;
}

/** Disagreements between a spec and the dkms.conf files it goes with. */
function mismatches(doc: SpecDocument, distro: ProfileLike, confs: Conf[]): Mismatch[] {
  const out: Mismatch[] = [];
  if (confs.length === 0) return out;
  const pairs = specPairs(doc, distro);
  if (pairs.length === 0) return out;
  const names = new Set(pairs.map((p) => p.name));
  for (const conf of confs) {
    const n = conf.name;
    if (!n || !literal(n.text)) continue;
    if (!names.has(n.text)) {
      // several dkms.conf files may belong to several modules: only a single one is clearly this spec's
      if (confs.length !== 1 || !conf.beside) continue;
      const p = pairs[0];
      out.push({
        spec: p.module,
        conf: n,
        confLabel: `PACKAGE_NAME=${n.text}`,
        messageId: 'nameMismatch',
        data: { module: p.name, where: conf.where, confName: n.text },
      });
      continue;
    }
    const v = conf.version;
    if (!v || !literal(v.text)) continue;
    const reported = new Set<string>();
    for (const p of pairs) {
      const version = p.expandedVersion;
      if (p.name !== n.text || version === undefined || version === v.text || reported.has(version)) continue;
      reported.add(version);
      out.push({
        spec: p.version ?? p.module,
        conf: v,
        confLabel: `PACKAGE_VERSION=${v.text}`,
        messageId: 'versionMismatch',
        data: { version, module: p.name, where: conf.where, confVersion: v.text },
        specVersion: p.versionText,
      });
    }
  }
  return out;
}

/** A version we can write into a sed replacement and a dkms.conf value as it is. */
function writableVersion(text: string | undefined): text is string {
  return text !== undefined && text !== '' && !/[\s/&\\'"`$;|<>()]/.test(text);
}

/**
 * On the spec: a dkms.conf the spec writes itself gets the spec's version in its here-document;
 * a dkms.conf of the source tree gets a sed line at the end of %prep (the doc's suggestion), which
 * keeps it in step with every later version. Unsafe: the path assumes %prep's folder has the
 * layout of the spec's folder (a tarball of the same repository).
 */
function specSideFixes(doc: SpecDocument, m: Mismatch, specUri: string): ReportFix[] {
  const version = m.specVersion;
  if (!writableVersion(version)) return [];
  if (m.conf.uri === undefined) {
    return [{ title: `Write PACKAGE_VERSION=${version} in the spec's dkms.conf`, edits: [{ start: m.conf.start, end: m.conf.end, newText: version }] }];
  }
  const base = `${dirOf(specUri)}/`;
  if (!m.conf.uri.startsWith(base)) return [];
  const path = decodeURIComponent(m.conf.uri.slice(base.length));
  if (!/^[\w./+-]+$/.test(path)) return [];
  const prep = doc.sections.filter((s) => s.kind === 'prep').pop();
  if (!prep) return [];
  const body = doc.text.slice(prep.body.start, prep.body.end);
  const lastLineEnd = prep.body.start + body.trimEnd().length;
  const at = lastLineEnd > prep.body.start ? lastLineEnd : prep.header.end;
  const line = `sed -i 's/^PACKAGE_VERSION=.*/PACKAGE_VERSION="${version}"/' ${path}`;
  return [{ title: `Set PACKAGE_VERSION in ${path} with sed in %prep`, edits: [{ start: at, end: at, newText: `${doc.lines.eol}${line}` }] }];
}

/** On dkms.conf: PACKAGE_VERSION gets the version the spec uses (expanded: dkms does not know rpm's macros). */
function confSideFixes(dkms: DkmsDocument, m: Mismatch): ReportFix[] {
  const version = m.data.version;
  const a = dkms.assignments.find((x) => x.name === 'PACKAGE_VERSION' && x.values.length === 1 && x.values[0].start === m.conf.start);
  if (!a || !writableVersion(version)) return [];
  return [{ title: `Set PACKAGE_VERSION to ${version}`, edits: [replacementFor(a.values[0], version)] }];
}

const MESSAGES = {
  nameMismatch: '{{subject}} uses the module name {{module}}, but {{where}} says PACKAGE_NAME={{confName}}: dkms reads the name from dkms.conf and fails with a mismatch (or looks in the wrong /usr/src directory)',
  versionMismatch: '{{subject}} uses version {{version}} of {{module}}, but {{where}} says PACKAGE_VERSION={{confVersion}}: dkms finds no module {{module}}/{{version}} (or registers the wrong one). Keep them in step, for example by substituting the version into dkms.conf with sed in %prep',
} as const;

export default defineSpecRule({
  id: 'dkms-conf-mismatch',
  category: 'dkms',
  defaultSeverity: 'error',
  description: "dkms.conf's PACKAGE_NAME/PACKAGE_VERSION disagree with the module and version the spec passes to dkms or installs under /usr/src",
  fixSafety: 'unsafe',
  messages: MESSAGES,
  check(ctx) {
    const doc = ctx.doc;
    if (doc.isTemplate) return;
    // Without a dkms.conf beside the spec, only one written by a here-document can disagree, and
    // that needs PACKAGE_NAME/PACKAGE_VERSION in the text: most specs are done without lexing
    // their shell sections here.
    if (!doc.text.includes('PACKAGE_') && !ctx.related.some((r) => r.languageId === 'dkms-conf')) return;
    const confs: Conf[] = [];
    const own = fromHereDoc(doc, ctx.profile);
    if (own) confs.push(own);
    else if (!rewritesConf(doc)) {
      for (const r of ctx.related) if (r.languageId === 'dkms-conf') confs.push(fromRelated(ctx.parseRelatedDkms(r), r.uri, ctx.uri));
    }
    for (const m of mismatches(doc, ctx.profile, confs)) {
      ctx.report({
        start: m.spec.start,
        end: m.spec.end,
        messageId: m.messageId,
        data: { ...m.data, subject: 'The spec' },
        fixes: m.messageId === 'versionMismatch' ? specSideFixes(doc, m, ctx.uri) : [],
        related: [{ start: m.conf.start, end: m.conf.end, message: m.confLabel, ...(m.conf.uri ? { uri: m.conf.uri, range: m.conf.range } : {}) }],
      });
    }
  },
  // The same disagreement, reported on the dkms.conf when it is the file being linted.
  checkDkms(ctx) {
    for (const r of ctx.related) {
      if (r.languageId !== 'rpm-spec') continue;
      const spec = ctx.parseRelatedSpec(r);
      if (spec.isTemplate || fromHereDoc(spec, ctx.profile) || rewritesConf(spec)) continue;
      const conf = fromRelated(ctx.doc, ctx.uri, r.uri);
      for (const m of mismatches(spec, ctx.profile, [conf])) {
        const specName = r.uri.replace(/^.*\//, '');
        ctx.report({
          start: m.conf.start,
          end: m.conf.end,
          messageId: m.messageId,
          data: { ...m.data, subject: specName },
          fixes: m.messageId === 'versionMismatch' ? confSideFixes(ctx.doc, m) : [],
          related: [{ start: m.spec.start, end: m.spec.end, uri: r.uri, range: spec.lines.range(m.spec.start, m.spec.end), message: `what ${specName} uses` }],
        });
      }
    }
  },
});
