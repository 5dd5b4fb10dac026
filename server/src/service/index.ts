// Public surface of the language service.
export * from './types';
export { LineIndex } from './text/lineIndex';
export { LanguageService, createLanguageService, languageFromFileName, type ParsedDocument } from './languageService';
export { type LintOptions, type LintResult, DEFAULT_LINT_OPTIONS, effectiveSeverity } from './lint';
export { ALL_RULES, getRule, ruleDocUrl } from './rules/registry';
export type { Rule, RuleMeta } from './rules/types';
export type * from './spec/ast';
export type * from './dkms/ast';
