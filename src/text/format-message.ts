/**
 * Fills a message's `{{placeholders}}` from its data (the templates of lint rules' `meta.messages`
 * and of content/file-messages.ts). A placeholder without data is a bug in the caller.
 */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`message "${template}" needs {{${name}}}`);
    return String(value);
  });
}
