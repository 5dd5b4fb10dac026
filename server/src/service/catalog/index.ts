// The knowledge base behind completion, hover and checks: macros, spec keywords, architectures.
export type { MacroInfo, MacroKind, MacroOption, PreferInstead, MacroSource, ProfileMap } from './macros';
export { MACRO_SOURCE, ALL_MACRO_SOURCES, MULTI_LINE_MACROS, PROFILES } from './macros';
export type { ExpandOptions, ExpandResult } from './expand';
export { expandMacros, lookupMacro, macroValue, macroDefinition, allMacros, isMacroDefined, isMultiLineMacro } from './expand';
export * from './architectures';
export * from './specKeywords';
