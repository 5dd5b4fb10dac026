// The rule framework: one rule = one module that declares its metadata and a check function.
import type { DkmsDocument } from '../dkms/ast';
import type { SpecDocument, Span } from '../specfile/ast';
import type { DiagnosticTagName, DistroId, FixSafety, LanguageId, OffsetEdit, SeverityOrOff } from '../types';

export type RuleCategory =
  | 'syntax' | 'correctness' | 'dkms' | 'paths' | 'dependencies' | 'style' | 'deprecated' | 'build' | 'changelog' | 'macros';

export interface RuleMeta {
  /** kebab-case id: the diagnostic code, the settings key and the suppression-comment name. */
  id: string;
  language: LanguageId;
  category: RuleCategory;
  defaultSeverity: SeverityOrOff;
  /**
   * Default severity on some profiles instead of defaultSeverity (when the consequence differs:
   * an error where the profile's rpm refuses the construct). A user's setting still wins.
   */
  defaultSeverityByDistro?: Partial<Record<DistroId, SeverityOrOff>>;
  /** One line, ends without a dot. */
  description: string;
  /** What the rule's fixes are, if it has any. */
  fixSafety: FixSafety | 'none';
  /** rpmlint's id when rpmlint checks the same thing (usually equal to id). */
  rpmlintId?: string;
  tags?: DiagnosticTagName[];
  /**
   * Words the rule looks for: when the document contains none of them, the rule cannot fire and
   * the engine skips it (one `includes` instead of a walk over every line). Case-sensitive.
   */
  requires?: readonly string[];
  /**
   * The rule is about `%if` arms themselves: its findings inside arms that are false on the
   * profile are kept. Every other rule's findings there are dropped (rpm never reads those lines).
   */
  branches?: boolean;
}

export interface ReportFix {
  title: string;
  /** Defaults to the rule's fixSafety. */
  safety?: FixSafety;
  edits: OffsetEdit[];
}

export interface Report {
  /** Offsets in the document. */
  start: number;
  end: number;
  message: string;
  fixes?: ReportFix[];
  related?: { start: number; end: number; message: string; uri?: string; range?: import('../types').Range }[];
}

/**
 * A file next to the linted one that rules may look at: dkms.conf beside a spec, the spec beside a
 * dkms.conf, and the Makefile/Kbuild beside a dkms.conf (`makefile`: read as text, not linted).
 */
export interface RelatedDocument {
  uri: string;
  languageId: LanguageId | 'makefile';
  text: string;
}

export interface RuleContextBase {
  uri: string;
  distro: DistroId;
  report(report: Report): void;
  /** Files in the same tree, when the caller supplied them (cross-file rules). */
  related: RelatedDocument[];
  /** Parsed form of a related document (cached). */
  parseRelatedSpec(doc: RelatedDocument): SpecDocument;
  parseRelatedDkms(doc: RelatedDocument): DkmsDocument;
}

export interface SpecRuleContext extends RuleContextBase {
  doc: SpecDocument;
}

export interface DkmsRuleContext extends RuleContextBase {
  doc: DkmsDocument;
}

export interface SpecRule extends RuleMeta {
  language: 'rpm-spec';
  check(ctx: SpecRuleContext): void;
  /**
   * For a rule about a spec and its dkms.conf: reports the same problem on the dkms.conf side
   * when a dkms.conf is linted (its specs are in `ctx.related`). Same id, settings and doc page.
   */
  checkDkms?(ctx: DkmsRuleContext): void;
}

export interface DkmsRule extends RuleMeta {
  language: 'dkms-conf';
  check(ctx: DkmsRuleContext): void;
}

export type Rule = SpecRule | DkmsRule;

export type { Span };

/** Declares a spec rule (keeps the object literal typed). */
/** The text contains at least one of the words (how a rule's `requires` is checked, per document or per line). */
export function mentionsAny(text: string, words: readonly string[]): boolean {
  return words.some((word) => text.includes(word));
}

export function defineSpecRule(rule: Omit<SpecRule, 'language'>): SpecRule {
  return { ...rule, language: 'rpm-spec' };
}

/** Declares a dkms.conf rule. */
export function defineDkmsRule(rule: Omit<DkmsRule, 'language'>): DkmsRule {
  return { ...rule, language: 'dkms-conf' };
}
