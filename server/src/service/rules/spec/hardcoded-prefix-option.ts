import { BUILD_SHELL_KINDS, shellCommands } from '../../spec/shellCommands';
import { defineSpecRule } from '../types';

/** `PREFIX=/usr`, `prefix=/usr`, `--prefix=/usr`, `-DCMAKE_INSTALL_PREFIX=/usr` (the value exactly /usr). */
const OPTION = /^(?:--prefix|PREFIX|prefix|-DCMAKE_INSTALL_PREFIX(?::PATH)?|--install-prefix)=(["']?)(\/usr\/?)\1$/;

/**
 * A build-system option that hard-codes /usr where `%{_prefix}` says the same: builds with a
 * relocated prefix (Software Collections, `--define '_prefix /opt/x'`) then install into the wrong place.
 */
export default defineSpecRule({
  id: 'hardcoded-prefix-option',
  category: 'build',
  defaultSeverity: 'warning',
  description: 'PREFIX=/usr or --prefix=/usr is hard-coded: use %{_prefix}',
  fixSafety: 'safe',
  check(ctx) {
    const { doc } = ctx;
    for (const cmd of shellCommands(doc, BUILD_SHELL_KINDS)) {
      for (const w of cmd.words) {
        const m = OPTION.exec(w.raw);
        if (!m) continue;
        const eq = w.raw.indexOf('=');
        const valueStart = w.start + eq + 1 + m[1].length;
        const valueEnd = valueStart + m[2].length;
        // Only when the word is one physical piece (no continuation inside).
        if (w.end - w.start !== w.raw.length) continue;
        ctx.report({
          start: w.start,
          end: w.end,
          message: `${w.raw.slice(0, eq)}=/usr is hard-coded: write ${w.raw.slice(0, eq)}=%{_prefix}`,
          fixes: [{ title: 'Replace /usr with %{_prefix}', edits: [{ start: valueStart, end: valueEnd, newText: '%{_prefix}' }] }],
        });
      }
    }
  },
});
