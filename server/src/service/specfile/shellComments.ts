// Where a trailing `#` comment starts in a line of shell text (%prep, %build, scriptlets…).

/**
 * Index of the `#` that starts a shell comment in the text, or -1. A `#` starts a comment at the
 * start of the text or after a blank, outside single and double quotes (a `#` inside a word, as
 * in `s#a#b#` or a URL fragment, does not).
 */
export function shellCommentStart(text: string): number {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      continue;
    }
    if (c === '#' && (i === 0 || c === '#' && /\s/.test(text[i - 1]))) return i;
  }
  return -1;
}
