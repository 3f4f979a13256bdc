/** A template's body with `{{1}}`, `{{2}}`… replaced by the parameters (unknown ones left as written). */
export function renderTemplate(body: string, parameters: readonly string[]): string {
  return body.replace(
    /\{\{(\d+)\}\}/g,
    (placeholder, index: string) => parameters[Number(index) - 1] ?? placeholder,
  );
}
