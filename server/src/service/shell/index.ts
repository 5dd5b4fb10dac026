// The shell layer: one lexer (lexer.ts) and one command model (commands.ts) for every shell text
// the service reads. Spec sections get theirs through shellScript() (specShell.ts).
import { buildCommands, type ShellParse } from './commands';
import { lexShell, type ShellLexOptions } from './lexer';

export * from './lexer';
export * from './commands';

/** Lexes and splits shell text into commands. Never throws; linear in the text. */
export function parseShell(text: string, options: ShellLexOptions = {}): ShellParse {
  const lexed = lexShell(text, options);
  return { commands: buildCommands(lexed.tokens), comments: lexed.comments, hereDocs: lexed.hereDocs, problems: lexed.problems };
}
