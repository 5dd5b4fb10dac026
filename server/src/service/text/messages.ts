// Messages by id with `{{name}}` placeholders: how rules (and the parsers, for the problems
// their rules report) word what they find.

/** Values for a message's `{{name}}` placeholders. */
export type MessageData = Readonly<Record<string, string | number>>;

/** Fills a message's `{{name}}` placeholders from `data` (an unknown name stays as written). */
export function renderMessage(template: string, data?: MessageData): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole));
}
