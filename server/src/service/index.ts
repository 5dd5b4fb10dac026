// Public surface of the language service.
export * from './types';
export { LineIndex } from './text/lineIndex';
export { languageOfPath } from './languageOfPath';
export { LanguageService, createLanguageService, languageFromFileName, type ParsedDocument, type IntelligenceOptions } from './languageService';
export { SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';
export { MAX_COMPLETION_ITEMS } from './features/completion';
export type { InactiveRange } from './features/conditions';
export { type LintOptions, type LintResult, DEFAULT_LINT_OPTIONS, effectiveSeverity } from './lint';
export { ALL_RULES, getRule, ruleDocUrl } from './rules/registry';
export type { Rule, RuleMeta } from './rules/types';
export type * from './specfile/ast';
export type { SpecQuery, QueryPackage, QueryDependency, QuerySource, QueryChangelogEntry } from './specfile/rpmQuery';
export type * from './dkms/ast';
export { DEFAULT_FORMAT_OPTIONS, formatOptionsFrom, type FormatMode, type FormatOptions } from './features/format';
export { CHORES, type Chore } from './languageService';
export { changelogDate, type ChangelogDate, type ChoreInput, type ChoreResult } from './features/chores';
