// The rule framework: one rule = one module that declares its metadata and a check function.
import type { DkmsDocument } from '../dkms/ast';
import type { SpecDocument, Span } from '../specfile/ast';
import type { Profile } from '../catalog/profile';
import type { Release } from '../catalog/releases';
import type { DiagnosticTagName, DistroId, FixSafety, LanguageId, OffsetEdit, SeverityOrOff } from '../types';

export type RuleCategory =
  | 'syntax' | 'correctness' | 'dkms' | 'paths' | 'dependencies' | 'style' | 'deprecated' | 'build' | 'changelog' | 'macros';

/**
 * A rule's messages by id (like ESLint's `meta.messages`): `{{name}}` placeholders are filled from
 * the report's `data`. Tests check the id; the user reads the rendered text.
 */
export type RuleMessages<Id extends string = string> = Readonly<Record<Id, string>>;

import type { MessageData } from '../text/messages';
export { renderMessage, type MessageData } from '../text/messages';

export interface RuleMeta<Id extends string = string> {
  /** kebab-case id: the diagnostic code, the settings key and the suppression-comment name. */
  id: string;
  language: LanguageId;
  category: RuleCategory;
  defaultSeverity: SeverityOrOff;
  /**
   * Default severity on a release instead of defaultSeverity, when the consequence differs there
   * (an error where the release's rpm refuses the construct); undefined: no opinion. A user's
   * setting still wins.
   */
  defaultSeverityFor?(release: Release): SeverityOrOff | undefined;
  /** One line, ends without a dot. */
  description: string;
  /** What the rule's fixes are, if it has any. */
  fixSafety: FixSafety | 'none';
  /** rpmlint's id when rpmlint checks the same thing (usually equal to id). */
  rpmlintId?: string;
  tags?: DiagnosticTagName[];
  /**
   * Words the rule looks for: when the document contains none of them, the rule cannot fire and
   * the engine skips it (the engine finds all rules' words in one pass over the text instead of a
   * walk over every line). Case-sensitive.
   */
  requires?: readonly string[];
  /**
   * The rule is about `%if` arms themselves: its findings inside arms that are false on the
   * profile are kept. Every other rule's findings there are dropped (rpm never reads those lines).
   */
  branches?: boolean;
  /** Every message the rule can report, by id. */
  messages: RuleMessages<Id>;
}

export interface ReportFix {
  title: string;
  /** Defaults to the rule's fixSafety. */
  safety?: FixSafety;
  edits: OffsetEdit[];
  /** After applying, put the cursor at the end of the first edit's new text (see Fix.cursorAfterEdit). */
  cursorAfterEdit?: boolean;
}

export interface Report<Id extends string = string> {
  /** Offsets in the document. */
  start: number;
  end: number;
  /** Which of the rule's `messages`; TypeScript rejects an id the rule does not declare. */
  messageId: Id;
  /** Values for the message's `{{name}}` placeholders. */
  data?: MessageData;
  fixes?: ReportFix[];
  related?: { start: number; end: number; message: string; uri?: string; range?: import('../types').Range }[];
}

/**
 * A file next to the linted one that rules may look at: dkms.conf beside a spec, the spec beside a
 * dkms.conf, and the Makefile/Kbuild beside a dkms.conf and in its sub-folders (`makefile`: read
 * as text, not linted). `file-list` is not a file: the files under a dkms.conf's folder (its source
 * tree), one path relative to that folder per line, `uri` being the folder; absent when the
 * caller did not list them (or the tree was too big to list), so a rule cannot tell a missing file
 * from an unlisted one.
 */
export interface RelatedDocument {
  uri: string;
  languageId: LanguageId | 'makefile' | 'file-list';
  text: string;
}

export interface RuleContextBase<Id extends string = string> {
  uri: string;
  /** The distribution family (fedora, rhel, opensuse, mageia, generic). */
  distro: DistroId;
  /** The release and project macros the spec is read with: `scopeOf(ctx.doc, ctx.profile)`. */
  profile: Profile;
  report(report: Report<Id>): void;
  /** Files in the same tree, when the caller supplied them (cross-file rules). */
  related: RelatedDocument[];
  /** Parsed form of a related document (cached). */
  parseRelatedSpec(doc: RelatedDocument): SpecDocument;
  parseRelatedDkms(doc: RelatedDocument): DkmsDocument;
}

export interface SpecRuleContext<Id extends string = string> extends RuleContextBase<Id> {
  doc: SpecDocument;
}

export interface DkmsRuleContext<Id extends string = string> extends RuleContextBase<Id> {
  doc: DkmsDocument;
}

export interface SpecRule<Id extends string = string> extends RuleMeta<Id> {
  language: 'rpm-spec';
  check(ctx: SpecRuleContext<Id>): void;
  /**
   * For a rule about a spec and its dkms.conf: reports the same problem on the dkms.conf side
   * when a dkms.conf is linted (its specs are in `ctx.related`). Same id, settings and doc page.
   */
  checkDkms?(ctx: DkmsRuleContext<Id>): void;
}

export interface DkmsRule<Id extends string = string> extends RuleMeta<Id> {
  language: 'dkms-conf';
  check(ctx: DkmsRuleContext<Id>): void;
}

export type Rule = SpecRule | DkmsRule;

export type { Span };

/** The text contains at least one of the words (how a rule's `requires` is checked, per document or per line). */
export function mentionsAny(text: string, words: readonly string[]): boolean {
  return words.some((word) => text.includes(word));
}

/**
 * Declares a spec rule. The message ids are inferred from `messages`, so `ctx.report` in `check`
 * accepts only those ids.
 */
export function defineSpecRule<const Id extends string>(rule: Omit<SpecRule<Id>, 'language'>): SpecRule<Id> {
  return { ...rule, language: 'rpm-spec' };
}

/** Declares a dkms.conf rule (message ids as for defineSpecRule). */
export function defineDkmsRule<const Id extends string>(rule: Omit<DkmsRule<Id>, 'language'>): DkmsRule<Id> {
  return { ...rule, language: 'dkms-conf' };
}
