// The lint engine: runs every enabled rule on a parsed document and turns the offset-based
// reports into findings with LSP ranges, honouring settings and suppression comments.
import type { DkmsDocument } from './dkms/ast';
import { getRule, ALL_RULES } from './rules/registry';
import { collectSuppressions, isSuppressed, type Suppressions } from './rules/suppressions';
import { renderMessage, type DkmsRuleContext, type RelatedDocument, type Report, type Rule, type RuleContextBase, type SpecRule, type SpecRuleContext } from './rules/types';
import type { SpecDocument } from './specfile/ast';
import { scopeOf, type MacroScope } from './specfile/macroScope';
import type { LineIndex } from './text/lineIndex';
import type { DistroId, Finding, Fix, LanguageId, Severity, SeverityOrOff } from './types';
import { profileOf, type Profile, type ProfileLike } from './catalog/profile';
import { WordScanner } from './text/wordScan';

export interface LintOptions {
  /** Profile: a family (`fedora`: its newest release), a release (`rhel-9`) or a Profile with project macros. */
  distro: ProfileLike;
  /** Rule id → severity override. */
  rules: Record<string, SeverityOrOff>;
  /** Files in the same tree, for cross-file rules. */
  related: RelatedDocument[];
  /** rpmlint `addFilter()` regular expressions that hide findings with an rpmlint id. */
  rpmlintFilters: string[];
}

export interface LintResult {
  findings: Finding[];
  /** Rules that threw: their findings are missing, the others are complete. */
  ruleErrors: { rule: string; error: string }[];
}

export const DEFAULT_LINT_OPTIONS: LintOptions = { distro: 'fedora', rules: {}, related: [], rpmlintFilters: [] };

export function effectiveSeverity(rule: Rule, overrides: Record<string, SeverityOrOff>, distro?: DistroId | Profile): SeverityOrOff {
  const level = overrides[rule.id];
  if (level !== undefined) return level;
  if (distro === undefined) return rule.defaultSeverity;
  const profile = typeof distro === 'string' ? profileOf(distro) : distro;
  return rule.defaultSeverityFor?.(profile.release) ?? rule.defaultSeverity;
}

/**
 * A filter comes from a file in the linted tree, so it must not be able to hang the linter: a
 * quantified group that itself holds a quantifier or an alternation (`(a+)+`, `(a|ab)*`) and a
 * back-reference are the shapes whose backtracking can grow exponentially; such filters are
 * skipped. rpmlint's filters are plain ids and message fragments, which never need them.
 */
export function isLinearFilter(source: string): boolean {
  if (/\\[1-9]|\\k</.test(source)) return false;
  // For each open group: whether it holds a quantifier or an alternation so far.
  const stack: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push(false);
    else if (c === '|' || c === '*' || c === '+' || c === '?' || c === '{') {
      if (stack.length > 0 && !(c === '?' && source[i - 1] === '(')) stack[stack.length - 1] = true;
    } else if (c === ')') {
      const risky = stack.pop() ?? false;
      const next = source[i + 1];
      const quantified = next === '*' || next === '+' || (next === '{' && /^\{\d*,/.test(source.slice(i + 1)));
      if (risky && quantified) return false;
      if (risky && stack.length > 0) stack[stack.length - 1] = true;
    }
  }
  return true;
}

function compileFilters(filters: string[]): RegExp[] {
  const out: RegExp[] = [];
  for (const f of filters) {
    if (!isLinearFilter(f)) continue;
    try {
      out.push(new RegExp(f));
    } catch {
      // An invalid filter in someone's rpmlintrc is ignored, as rpmlint itself would fail on it.
    }
  }
  return out;
}

/** A rule that runs on a language with some settings, and at what severity. */
interface ActiveRule {
  rule: Rule;
  severity: Severity;
  /** A spec rule's checkDkms, run on a dkms.conf. */
  crossFile: boolean;
  /** The rule's `requires` (read here, not from the rule: every rule object has its own shape). */
  requires: readonly string[] | undefined;
}

interface ActiveRuleList {
  rules: ActiveRule[];
  /** Every word in the rules' `requires`, to find in one pass per document. */
  requiredWords: WordScanner;
}

/** The rules that run, per language, profile and overrides (the same for every file of a run). */
const activeRuleLists = new Map<string, ActiveRuleList>();

function activeRules(language: LanguageId, overrides: Record<string, SeverityOrOff>, profile: Profile): ActiveRuleList {
  // Severities depend on the release (its rpm version), not on the project's macros.
  const key = `${language}\u0000${profile.release.id}\u0000${JSON.stringify(overrides)}`;
  const cached = activeRuleLists.get(key);
  if (cached) return cached;
  const list: ActiveRule[] = [];
  for (const rule of ALL_RULES) {
    const crossFile = language === 'dkms-conf' && rule.language === 'rpm-spec' && rule.checkDkms !== undefined;
    if (rule.language !== language && !crossFile) continue;
    const severity = effectiveSeverity(rule, overrides, profile);
    if (severity === 'off') continue;
    list.push({ rule, severity, crossFile, requires: rule.requires });
  }
  const active = { rules: list, requiredWords: new WordScanner(list.flatMap((a) => a.requires ?? [])) };
  if (activeRuleLists.size >= 64) activeRuleLists.clear();
  activeRuleLists.set(key, active);
  return active;
}

export function runRules(
  language: LanguageId,
  doc: SpecDocument | DkmsDocument,
  lines: LineIndex,
  base: Omit<RuleContextBase, 'report'>,
  options: LintOptions,
): LintResult {
  const findings: Finding[] = [];
  const ruleErrors: LintResult['ruleErrors'] = [];
  // Read at the first finding: most files of a large run have none.
  let suppressions: Suppressions | undefined;
  const filters = compileFilters(options.rpmlintFilters);
  // Lines in %if arms that are false on the profile: rpm never reads them (the directive lines
  // themselves stay, they are what the conditional rules look at).
  let scope: MacroScope | undefined;
  const inDeadArm = (offset: number): boolean => {
    const spec = doc as SpecDocument;
    if (spec.conditionals.length === 0) return false;
    const line = lines.lineOf(offset);
    if (spec.lineKinds[line] === 'conditional') return false;
    scope ??= scopeOf(spec, base.profile);
    return scope.lineCondition(line).dead;
  };
  const active = activeRules(language, options.rules, base.profile);
  // The words of the rules' `requires` that the document contains, found once on first need.
  let present: Set<string> | undefined;
  // One context for every rule of the document; `reports` collects the current rule's reports.
  // (A plain literal, not `{ ...base, report, doc }`: object spread here took ~10% of a corpus lint.)
  const reports: Report[] = [];
  const ctx = {
    uri: base.uri,
    distro: base.distro,
    profile: base.profile,
    related: base.related,
    parseRelatedSpec: base.parseRelatedSpec,
    parseRelatedDkms: base.parseRelatedDkms,
    report: (r: Report) => void reports.push(r),
    doc,
  };
  for (const { rule, severity, crossFile, requires } of active.rules) {
    if (requires) {
      present ??= active.requiredWords.present(lines.text);
      if (!containsAny(present, requires)) continue;
    }
    reports.length = 0;
    try {
      if (crossFile) (rule as SpecRule).checkDkms?.(ctx as DkmsRuleContext);
      else if (rule.language === 'rpm-spec') rule.check(ctx as SpecRuleContext);
      else rule.check(ctx as DkmsRuleContext);
    } catch (e) {
      ruleErrors.push({ rule: rule.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      // Visible where the user looks (Problems panel, CLI report), once per rule and file: the
      // rule's findings are missing, which would otherwise pass for a clean file.
      const first = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0].slice(0, 200);
      findings.push({
        rule: rule.id,
        severity: 'warning',
        message: `Specwright's rule ${rule.id} failed on this file (internal error: ${first}), so its findings are missing. Please report this with the file.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        fixes: [],
      });
      continue;
    }
    for (const r of reports) {
      if (!crossFile && language === 'rpm-spec' && !rule.branches && reports.length > 0 && inDeadArm(r.start)) continue;
      const finding = toFinding(rule, severity, r, lines);
      suppressions ??= collectSuppressions(lines);
      if (isSuppressed(suppressions, rule.id, finding.range.start.line)) continue;
      if (rule.rpmlintId && filters.some((f) => f.test(`${rule.rpmlintId} ${finding.message}`) || f.test(rule.rpmlintId!))) continue;
      findings.push(finding);
    }
  }
  findings.sort(compareFindings);
  return { findings, ruleErrors };
}

/** Whether the set holds one of the words (a loop: `some` with a closure per rule and file cost more). */
function containsAny(set: Set<string>, words: readonly string[]): boolean {
  for (const w of words) if (set.has(w)) return true;
  return false;
}

/** `localeCompare` with one collator made once (the same order; localeCompare sets one up per call). */
const ruleOrder = new Intl.Collator();

/** Report order: by position, then by rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || ruleOrder.compare(a.rule, b.rule);
}

function clamp(n: number, max: number): number {
  return n < 0 ? 0 : n > max ? max : n;
}

function toFinding(rule: Rule, severity: Severity, r: Report, lines: LineIndex): Finding {
  const max = lines.text.length;
  const start = clamp(r.start, max);
  const end = clamp(Math.max(r.end, start), max);
  const fixes: Fix[] = (r.fixes ?? []).map((f) => ({
    title: f.title,
    safety: f.safety ?? (rule.fixSafety === 'none' ? 'unsafe' : rule.fixSafety),
    edits: f.edits.map((e) => {
      const s = clamp(e.start, max);
      return { range: lines.range(s, clamp(Math.max(e.end, s), max)), newText: e.newText };
    }),
    ...(f.cursorAfterEdit ? { cursorAfterEdit: true } : {}),
  }));
  const template = Object.hasOwn(rule.messages, r.messageId) ? rule.messages[r.messageId] : undefined;
  // Only JavaScript can get here with an unknown id (TypeScript rejects it): shown, not hidden.
  const message = template === undefined ? `${rule.id}: unknown message id '${r.messageId}'` : renderMessage(template, r.data);
  const finding: Finding = { rule: rule.id, messageId: r.messageId, severity, message, range: lines.range(start, end), fixes };
  if (rule.tags && rule.tags.length > 0) finding.tags = [...rule.tags];
  if (r.related && r.related.length > 0) {
    finding.related = r.related.map((x) => ({
      ...(x.uri ? { uri: x.uri } : {}),
      range: x.range ?? lines.range(clamp(x.start, max), clamp(x.end, max)),
      message: x.message,
    }));
  }
  return finding;
}

export { getRule };
