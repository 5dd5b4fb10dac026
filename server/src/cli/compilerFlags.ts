// The JIT setting of the command line, applied when the bundle starts (main.ts imports this
// first). On a run over many files a large share of the CPU time is TurboFan compiling the rules
// and the parser, again on every thread, and inlining large functions makes those compiles much
// larger; inlining small ones (a character test, a getter, a builtin such as charCodeAt) is what
// keeps the scanners' loops fast. So only functions of at most INLINE_BYTECODE_SIZE bytes of
// bytecode are inlined (V8's default: 460). All 23,184 Fedora specs with two threads: ~7–10% less
// CPU than with no inlining at all, which was the previous setting (docs/performance.md). It must
// be set before V8 optimises anything: set later, once a run turned out to be long, it had no
// measurable effect. SPECWRIGHT_TURBO_INLINING=1 keeps V8's default; process-wide, so worker
// threads share it.
import v8 from 'node:v8';

const INLINE_BYTECODE_SIZE = 45;

if (process.env.SPECWRIGHT_TURBO_INLINING !== '1') v8.setFlagsFromString(`--max-inlined-bytecode-size=${INLINE_BYTECODE_SIZE}`);
