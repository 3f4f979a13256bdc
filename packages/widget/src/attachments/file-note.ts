import { html } from 'lit/html.js';
import { fill } from './fill.js';

/**
 * A sentence about a file in the visitor's language (why it was refused, why its upload failed):
 * a template whose `{name}` is the file's name, with the values of its placeholders.
 */
export interface FileNote {
  template: string;
  values: Readonly<Record<string, string | number>>;
}

/** The note as plain text. */
export function noteText(note: FileNote): string {
  return fill(note.template, note.values);
}

/**
 * The note as drawn. The file's name is whatever the visitor's system called the file: in a
 * `<bdi>`, a name written right to left, or carrying a direction override (U+202E), cannot
 * reorder the rest of the sentence.
 */
export function renderNote({ template, values }: FileNote): unknown[] {
  const pieces = template.split(/(\{\w+\})/).filter((piece) => piece !== '');
  return pieces.map((piece) => {
    const key = /^\{(\w+)\}$/.exec(piece)?.[1];
    if (key === undefined || !(key in values)) return piece;
    return key === 'name' ? html`<bdi>${values[key]}</bdi>` : String(values[key]);
  });
}
