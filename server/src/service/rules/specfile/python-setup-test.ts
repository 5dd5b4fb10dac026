import { shellCommentStart } from '../../shell/specShell';
import { specLines } from '../../specfile/sectionText';
import { defineSpecRule } from '../types';

/**
 * `setup.py test` was deprecated by setuptools and removed in setuptools 72. Off by default: the
 * spec cannot tell setuptools' command from a project's own (calibre's and kitty's setup.py are
 * their own command dispatchers, html5-parser registers a `test` cmdclass), and on Fedora half of
 * the findings were such (precision samples, docs/precision.md).
 */
export default defineSpecRule({
  id: 'python-setup-test',
  category: 'deprecated',
  defaultSeverity: 'off',
  description: '%check runs the removed `setup.py test` command: run the tests with pytest or %pytest',
  fixSafety: 'none',
  messages: {
    setupPyTest: "'setup.py test' is deprecated and removed in setuptools 72: run the tests with %pytest (or python3 -m pytest / unittest)",
  },
  rpmlintId: 'python-setup-test',
  tags: ['deprecated'],
  check(ctx) {
    const { doc } = ctx;
    for (const l of specLines(doc)) {
      if (l.section.kind !== 'check') continue;
      const kind = doc.lineKinds[l.line];
      if (kind !== 'body' && kind !== 'macro-line') continue;
      if (!l.text.includes('setup.py')) continue;
      const hash = shellCommentStart(doc, l.line);
      const code = hash >= 0 ? l.text.slice(0, hash - l.start) : l.text;
      const m = /setup\.py\s+test(?![\w-])/.exec(code);
      if (!m) continue;
      ctx.report({
        start: l.start + m.index,
        end: l.start + m.index + m[0].length,
        messageId: 'setupPyTest',
      });
    }
  },
});
