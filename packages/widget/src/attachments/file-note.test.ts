import type { TemplateResult } from 'lit';
import { describe, expect, it } from 'vitest';
import { noteText, renderNote } from './file-note.js';

const note = { template: '{name} is larger than {max}.', values: { name: 'a\u202Egnp.exe', max: '2 MB' } };

describe('file notes', () => {
  it('read as the filled sentence', () => {
    expect(noteText(note)).toBe('a\u202Egnp.exe is larger than 2 MB.');
  });

  it('are drawn with the name alone in a <bdi>, the rest as text', () => {
    const [name, ...rest] = renderNote(note) as [TemplateResult, ...string[]];
    expect(name.strings.join('')).toBe('<bdi></bdi>');
    expect(name.values).toEqual(['a\u202Egnp.exe']);
    expect(rest.join('')).toBe(' is larger than 2 MB.');
    expect(renderNote({ template: 'Up to {max} files, {other}', values: { max: 3 } })).toEqual([
      'Up to ',
      '3',
      ' files, ',
      '{other}',
    ]);
  });
});
