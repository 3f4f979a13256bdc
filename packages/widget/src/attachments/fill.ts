/**
 * Fills `{name}` placeholders. A function replacement, because a string one would read `$&` or
 * `$'` in a file name as a pattern.
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) =>
    key in values ? String(values[key]) : placeholder,
  );
}
