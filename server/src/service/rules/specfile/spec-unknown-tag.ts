import { KNOWN_TAGS } from '../../specfile/keywords';
import { closestMatch } from '../../text/similarity';
import { SPEC_PARSE_MESSAGES } from '../../specfile/parseProblems';
import { reportSpecProblems } from '../problemRule';
import { defineSpecRule } from '../types';

/** Canonical spelling of the known tags, for suggestions. */
const DISPLAY_NAMES = [
  'Name', 'Version', 'Release', 'Epoch', 'Summary', 'License', 'SourceLicense', 'URL', 'BugURL', 'Group', 'Vendor',
  'Packager', 'Distribution', 'DistTag', 'DistURL', 'ModularityLabel', 'VCS', 'Source', 'Patch', 'NoSource', 'NoPatch',
  'BuildArch', 'BuildArchitectures', 'ExclusiveArch', 'ExcludeArch', 'ExclusiveOS', 'ExcludeOS', 'Requires', 'Provides',
  'Conflicts', 'Obsoletes', 'Recommends', 'Suggests', 'Supplements', 'Enhances', 'OrderWithRequires', 'BuildRequires',
  'BuildConflicts', 'BuildRoot', 'AutoReq', 'AutoProv', 'AutoReqProv', 'Prefix', 'Prefixes', 'DocDir',
  'RemovePathPostfixes', 'BuildSystem', 'BuildOption',
];

export default defineSpecRule({
  id: 'spec-unknown-tag',
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'A preamble line that is not a tag rpm knows',
  fixSafety: 'unsafe',
  messages: {
    ...SPEC_PARSE_MESSAGES['spec-unknown-tag'],
    unknownWithSuggestion: "Unknown tag '{{name}}': did you mean '{{suggestion}}'?",
    unknown: "Unknown tag '{{name}}': rpm rejects the spec",
  },
  check(ctx) {
    // A stray line inside an %if arm is sometimes a deliberate trap (`{error:…}` only when a
    // build option is on); report it only when it is always parsed.
    reportSpecProblems(ctx, 'spec-unknown-tag', (p) => ctx.doc.lineConditional[ctx.doc.lines.lineOf(p.start)] === 0);
    for (const tag of ctx.doc.tags) {
      if (KNOWN_TAGS.has(tag.key)) continue;
      const suggestion = closestMatch(tag.key, DISPLAY_NAMES.map((n) => n.toLowerCase()), tag.key.length > 6 ? 2 : 1);
      const display = suggestion ? DISPLAY_NAMES.find((n) => n.toLowerCase() === suggestion) : undefined;
      ctx.report({
        start: tag.nameSpan.start,
        end: tag.nameSpan.end,
        ...(display ? { messageId: 'unknownWithSuggestion', data: { name: tag.name, suggestion: display } } : { messageId: 'unknown', data: { name: tag.name } }),
        ...(display ? { fixes: [{ title: `Change to '${display}'`, edits: [{ start: tag.nameSpan.start, end: tag.nameSpan.end, newText: display }] }] } : {}),
      });
    }
  },
});
