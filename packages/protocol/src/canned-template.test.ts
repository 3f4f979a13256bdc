import { describe, expect, it } from 'vitest';
import { cannedTemplateProblems, isCannedVariable, parseCannedTemplate } from './canned-template.js';

describe('parseCannedTemplate', () => {
  it('cuts a body into text and placeholders, with single- or double-quoted fallbacks', () => {
    expect(parseCannedTemplate(`Hi {{contact.first_name || 'there'}}, I'm {{ agent.name }}.`)).toEqual([
      { type: 'text', text: 'Hi ' },
      {
        type: 'variable',
        name: 'contact.first_name',
        fallback: 'there',
        source: "{{contact.first_name || 'there'}}",
      },
      { type: 'text', text: ", I'm " },
      { type: 'variable', name: 'agent.name', fallback: null, source: '{{ agent.name }}' },
      { type: 'text', text: '.' },
    ]);
    expect(parseCannedTemplate('{{contact.first_name||"friend\'s"}}')).toEqual([
      {
        type: 'variable',
        name: 'contact.first_name',
        fallback: "friend's",
        source: '{{contact.first_name||"friend\'s"}}',
      },
    ]);
  });

  it('tolerates spaces, tabs and line breaks inside the braces', () => {
    const [part] = parseCannedTemplate("{{\t contact.email \n ||   ''  }}");
    expect(part).toMatchObject({ type: 'variable', name: 'contact.email', fallback: '' });
  });

  it('reads attribute keys with digits, "_" and "-"', () => {
    expect(parseCannedTemplate('{{contact.attributes.plan-tier_2}}')).toMatchObject([
      { type: 'variable', name: 'contact.attributes.plan-tier_2' },
    ]);
  });

  it('keeps anything that is not a placeholder as text, braces included', () => {
    for (const body of [
      'no placeholders at all',
      '{{',
      '}}',
      '{{ }}',
      '{{contact.name',
      '{{contact.name || there}}',
      "{{contact.name | 'x'}}",
      "{{contact.name || 'unterminated}}",
      '{{contact.name()}}',
      '{{1abc}}',
      "{{contact.name || 'two\nlines'}}",
    ]) {
      expect(parseCannedTemplate(body)).toEqual([{ type: 'text', text: body }]);
    }
    expect(parseCannedTemplate('')).toEqual([]);
  });

  it('finds a placeholder inside extra braces', () => {
    expect(parseCannedTemplate('{{{contact.name}}}')).toEqual([
      { type: 'text', text: '{' },
      { type: 'variable', name: 'contact.name', fallback: null, source: '{{contact.name}}' },
      { type: 'text', text: '}' },
    ]);
  });

  it('keeps "}}" inside a quoted fallback', () => {
    expect(parseCannedTemplate("{{agent.name || '}}'}}!")).toEqual([
      { type: 'variable', name: 'agent.name', fallback: '}}', source: "{{agent.name || '}}'}}" },
      { type: 'text', text: '!' },
    ]);
  });
});

describe('isCannedVariable', () => {
  it('knows the documented variables and any attribute', () => {
    expect(isCannedVariable('contact.first_name')).toBe(true);
    expect(isCannedVariable('conversation.id')).toBe(true);
    expect(isCannedVariable('contact.attributes.plan')).toBe(true);
    expect(isCannedVariable('contact.attributes.')).toBe(false);
    expect(isCannedVariable('contact.frist_name')).toBe(false);
    expect(isCannedVariable('Contact.Name')).toBe(false);
    expect(isCannedVariable('constructor')).toBe(false);
  });
});

describe('cannedTemplateProblems', () => {
  it('finds nothing wrong with known variables, plain text and stray braces', () => {
    expect(
      cannedTemplateProblems(
        "Hi {{contact.first_name || 'there'}}, your plan is {{contact.attributes.plan}}. Set { or {{ alone is fine.",
      ),
    ).toEqual([]);
  });

  it('names unknown variables and malformed placeholders', () => {
    expect(
      cannedTemplateProblems('Hi {{contact.frist_name}} and {{contact.name || there}} and {{ }}'),
    ).toEqual([
      expect.stringMatching(/^\{\{contact\.frist_name\}\} is not a variable/),
      expect.stringMatching(/^\{\{contact\.name \|\| there\}\} is not a well-formed placeholder/),
      expect.stringMatching(/^\{\{ \}\} is not a well-formed placeholder/),
    ]);
  });
});
