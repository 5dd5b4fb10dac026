#!/usr/bin/env node
// rpm's full view of one spec, sandboxed and cached (see README.md in this folder).
// Usage: node scripts/oracle/rpm-view.mjs SPEC|- [--define 'NAME VALUE']... [--file-name NAME] [--no-cache]
// Prints the JSON of rpm-view.py; exit 0 when rpm accepts the spec, 1 when it rejects it, 2 when
// rpm cannot run here.
import fs from 'node:fs';
import path from 'node:path';
import { cachedRpmView, rpmAvailability, rpmView } from './rpm.mjs';

const args = process.argv.slice(2);
const defines = [];
let input;
let fileName;
let cache = true;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--define' || args[i] === '-D') {
    const [name, ...value] = (args[++i] ?? '').trim().split(/\s+/);
    defines.push([name, value.join(' ')]);
  } else if (args[i] === '--file-name') fileName = args[++i];
  else if (args[i] === '--no-cache') cache = false;
  else if (args[i] === '--help' || args[i] === '-h') {
    console.log("usage: rpm-view.mjs SPEC|- [--define 'NAME VALUE']... [--file-name NAME] [--no-cache]");
    process.exit(0);
  } else input = args[i];
}
if (!input) {
  console.error("usage: rpm-view.mjs SPEC|- [--define 'NAME VALUE']... [--file-name NAME] [--no-cache]");
  process.exit(2);
}
const available = rpmAvailability();
if (!available.ok) {
  console.error(`rpm-view: ${available.reason}`);
  process.exit(2);
}
const text = input === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(input, 'utf8');
const options = { fileName: fileName ?? (input === '-' ? 'spec.spec' : path.basename(input)), defines };
const view = cache ? await cachedRpmView(text, options) : await rpmView(text, options);
process.stdout.write(JSON.stringify(view, null, 1) + '\n');
process.exit(view.ok ? 0 : 1);
