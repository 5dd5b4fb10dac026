// The server's V8 heap tuning: which flag the environment selects, and how bad values are handled.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_HEAP_GROWING_PERCENT, heapFlagFor, tuneHeap } from '../../server/src/node/heap';
import { LspClient } from '../helpers/lsp';

test('the default heap growth step applies when the environment says nothing', () => {
  assert.deepEqual(heapFlagFor({}), { flag: `--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}` });
  assert.deepEqual(heapFlagFor({ SPECWRIGHT_HEAP_GROWING_PERCENT: '  ' }), { flag: `--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}` });
});

test('SPECWRIGHT_HEAP_GROWING_PERCENT replaces the step, and 0 turns the tuning off', () => {
  assert.deepEqual(heapFlagFor({ SPECWRIGHT_HEAP_GROWING_PERCENT: '60' }), { flag: '--heap-growing-percent=60' });
  assert.deepEqual(heapFlagFor({ SPECWRIGHT_HEAP_GROWING_PERCENT: '0' }), {});
  const applied: string[] = [];
  assert.equal(tuneHeap({ SPECWRIGHT_HEAP_GROWING_PERCENT: '0' }, (f) => applied.push(f)), undefined);
  assert.deepEqual(applied, []);
});

test('a malformed value falls back to the default with a message', () => {
  for (const bad of ['abc', '-5', '12.5', '9999']) {
    const applied: string[] = [];
    const warning = tuneHeap({ SPECWRIGHT_HEAP_GROWING_PERCENT: bad }, (f) => applied.push(f));
    assert.deepEqual(applied, [`--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}`]);
    assert.match(warning ?? '', /SPECWRIGHT_HEAP_GROWING_PERCENT/);
  }
});

test('the bundled server reports a malformed SPECWRIGHT_HEAP_GROWING_PERCENT in its log and keeps working', async () => {
  const client = new LspClient(['--stdio'], { env: { ...process.env, SPECWRIGHT_HEAP_GROWING_PERCENT: 'lots' } });
  try {
    const logged = client.waitForNotification('window/logMessage', (p) => /SPECWRIGHT_HEAP_GROWING_PERCENT/.test(String((p as { message?: string }).message)));
    await client.initialize();
    const message = (await logged) as { type: number; message: string };
    assert.equal(message.type, 2, 'a warning');
    assert.match(message.message, /"lots".*using 25/);
    await client.shutdown();
  } finally {
    client.close();
  }
});
