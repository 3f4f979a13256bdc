import { describe, expect, it } from 'vitest';
import { renderCanned, type CannedContext } from './render-canned.js';

const context: CannedContext = {
  contact: {
    name: '  Grace   Brewster Hopper ',
    email: 'grace@example.com',
    phone: '+1 555 0100',
    attributes: { plan: 'pro', seats: 12, trial: false, empty: '   ', gone: null },
  },
  agent: { name: 'Ada Lovelace' },
  conversation: { id: '01JCONVERSATION' },
};

describe('renderCanned', () => {
  it('fills in every variable', () => {
    expect(
      renderCanned(
        'Hi {{contact.first_name}} ({{contact.name}}, {{contact.email}}, {{contact.phone}}), ' +
          "I'm {{agent.first_name}} ({{agent.name}}). Ref {{conversation.id}}.",
        context,
      ),
    ).toBe(
      "Hi Grace (Grace   Brewster Hopper, grace@example.com, +1 555 0100), I'm Ada (Ada Lovelace). Ref 01JCONVERSATION.",
    );
  });

  it('reads custom attributes of any scalar type', () => {
    expect(
      renderCanned(
        '{{contact.attributes.plan}} / {{contact.attributes.seats}} / {{contact.attributes.trial}}',
        context,
      ),
    ).toBe('pro / 12 / false');
  });

  it('uses the fallback, in single or double quotes, for missing, blank, null and unknown values', () => {
    const anonymous: CannedContext = { contact: { name: null, attributes: {} }, agent: null };
    expect(renderCanned("Hi {{contact.first_name || 'there'}}!", anonymous)).toBe('Hi there!');
    expect(renderCanned('Hi {{contact.first_name || "friend\'s family"}}!', anonymous)).toBe(
      "Hi friend's family!",
    );
    expect(renderCanned("{{contact.name || 'x'}}", { contact: { name: '   ' } })).toBe('x');
    expect(renderCanned("{{contact.attributes.empty || 'blank'}}", context)).toBe('blank');
    expect(renderCanned("{{contact.attributes.gone || 'null'}}", context)).toBe('null');
    expect(renderCanned("{{contact.attributes.missing || 'absent'}}", context)).toBe('absent');
    expect(renderCanned("{{contact.frist_name || 'typo'}}", context)).toBe('typo');
    expect(renderCanned("{{agent.name || 'our team'}}", {})).toBe('our team');
    // An empty fallback is allowed, and the value still wins when there is one.
    expect(renderCanned("{{contact.first_name || ''}}", {})).toBe('');
    expect(renderCanned("{{contact.first_name || 'there'}}", context)).toBe('Grace');
  });

  it('leaves missing and unknown variables without a fallback empty', () => {
    expect(renderCanned('Hi {{contact.first_name}}, {{nope.nothing}}ok', {})).toBe('Hi , ok');
  });

  it('tolerates whitespace inside the braces', () => {
    expect(renderCanned("{{   contact.first_name   ||   'there'   }}", {})).toBe('there');
    expect(renderCanned('{{\tagent.first_name\n}}', context)).toBe('Ada');
  });

  it('keeps text that is not a placeholder exactly as written', () => {
    for (const body of [
      'No variables.',
      '{{ contact.first_name || there }}',
      '{{contact.first_name',
      'contact.first_name}}',
      '{ {contact.name} }',
      '{{}}',
      '{{contact.name()}}',
      '',
    ])
      expect(renderCanned(body, context)).toBe(body);
    expect(renderCanned('{{{contact.first_name}}}', context)).toBe('{Grace}');
  });

  it('never evaluates anything or reaches outside the context', () => {
    const hostile = [
      '{{constructor.constructor}}',
      '{{contact.attributes.constructor}}',
      '{{contact.attributes.__proto__}}',
      '{{contact.attributes.toString}}',
      '{{contact.attributes.hasOwnProperty}}',
      "{{contact.name || '${process.exit(1)}'}}",
    ];
    expect(hostile.map((body) => renderCanned(body, { contact: { attributes: {} } }))).toEqual([
      '',
      '',
      '',
      '',
      '',
      '${process.exit(1)}',
    ]);
  });

  it('puts values in as text, markup and placeholders included', () => {
    const tricky: CannedContext = { contact: { name: '<b>{{agent.name}}</b>' }, agent: { name: 'Ada' } };
    expect(renderCanned('Hi {{contact.name}}', tricky)).toBe('Hi <b>{{agent.name}}</b>');
  });
});
