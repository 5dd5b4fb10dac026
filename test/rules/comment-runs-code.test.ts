import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'comment-runs-code';
const ON = { rules: [RULE], severities: { [RULE]: 'warning' as const } };

test(`${RULE}: off by default`, () => {
  assert.deepEqual(lintText(`${SPEC_HEAD}#global shortcommit %(c=%{commit}; echo \${c:0:7})\n`, { rules: [RULE] }), []);
});

test(`${RULE}: %(…) and Lua in comments, when turned on (Fedora's commented-out shortcommit line)`, () => {
  assertFindings(`${SPEC_HEAD}#global shortcommit %(c=%{commit}; echo \${c:0:7})
#                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
# %{lua: print("x")}
# ^^^^^^^^^^^^^^^^^^ ${RULE}
%build
make # %(date)
#      ^^^^^^^ ${RULE}
`, ON);
});

test(`${RULE}: near-misses stay silent (escaped, %dnl, not a comment, multi-line macros are macro-in-comment's)`, () => {
  assertFindings(`${SPEC_HEAD}#global shortcommit %%(c=%%{commit}; echo \${c:0:7})
%dnl %global d %(date)
%global d %(date) # %(date)
URL: https://example.org/#%(date)
#%configure
%build
echo "# %(date)"
`, ON);
});

test(`${RULE}: each message says what runs`, () => {
  const messages = lintText(`${SPEC_HEAD}# %(date)\n# %{lua: print(1)}\n`, ON).map((f) => `${f.messageId}: ${f.message}`);
  assert.deepEqual(messages, [
    "shellInComment: '%(date)' in a comment still runs the command whenever rpm parses the spec: write '%%(date)' (or use %dnl) to keep it as text",
    "luaInComment: '%{lua: print(1)}' in a comment still runs the Lua code whenever rpm parses the spec: write '%%{lua: print(1)}' (or use %dnl) to keep it as text",
  ]);
});

test(`${RULE}: positions hold with CRLF and non-ASCII text; the fix escapes and converges`, () => {
  assertFindings(`# héllo wörld ✓\n${SPEC_HEAD}# uses %(date)\n#      ^^^^^^^ ${RULE}\n`, { ...ON, crlf: true });
  const before = `${SPEC_HEAD}# %(date)\n`;
  const after = applyFixes(before, lintText(before, ON));
  assert.equal(after, `${SPEC_HEAD}# %%(date)\n`);
  assert.deepEqual(lintText(after, ON), []);
});

// Off by default: the doc examples are checked with the rule turned on.
testDocExamples(RULE, { severities: ON.severities });
