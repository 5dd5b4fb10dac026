// Finding messages may quote code in Markdown backticks (rule docs and hovers render them);
// editors show diagnostics as plain text, where a literal backtick is noise. Diagnostics and
// plain-text outputs carry the message through plainMessage.

/** `code` → 'code' ("code" when it contains a single quote); `` ` `` with no partner is kept. */
export function plainMessage(message: string): string {
  if (!message.includes('`')) return message;
  return message.replace(/`([^`\n]+)`/g, (_, code: string) => (code.includes("'") ? `"${code}"` : `'${code}'`));
}
