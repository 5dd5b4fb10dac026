import { defineSpecRule } from '../types';
import { macrosInComments } from './_macrosInComments';

/**
 * `%(…)` or `%{lua:…}` in a `#` comment: rpm expands it, so the command or the Lua code runs every
 * time the spec is parsed. Off by default: on Fedora nearly every case (78 of 81) is a commented-out
 * `%global shortcommit %(c=%{commit}; echo ${c:0:7})` or `echo %{version} | cut …`, which runs
 * but changes nothing (precision sample, docs/precision.md).
 */
export default defineSpecRule({
  id: 'comment-runs-code',
  category: 'macros',
  defaultSeverity: 'off',
  description: 'A %(…) or Lua macro inside a # comment still runs while the spec is parsed: write %% for a literal %',
  fixSafety: 'safe',
  messages: {
    shellInComment: "'{{shown}}' in a comment still runs the command whenever rpm parses the spec: write '%{{shown}}' (or use %dnl) to keep it as text",
    luaInComment: "'{{shown}}' in a comment still runs the Lua code whenever rpm parses the spec: write '%{{shown}}' (or use %dnl) to keep it as text",
  },
  rpmlintId: 'macro-in-comment',
  check(ctx) {
    for (const m of macrosInComments(ctx)) {
      if (m.kind !== 'runsCode') continue;
      ctx.report({
        start: m.start,
        end: m.end,
        messageId: m.ref.form === 'shell' ? 'shellInComment' : 'luaInComment', data: { shown: m.shown },
        fixes: [{ title: 'Escape as %%', edits: [{ start: m.start, end: m.start, newText: '%' }] }],
      });
    }
  },
});
