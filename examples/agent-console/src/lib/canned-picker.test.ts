import { renderCanned } from '@switchboard/agent-sdk';
import { describe, expect, it } from 'vitest';
import { pickerKey, previewLine, replaceRange, slashTrigger } from './canned-picker.js';

describe('slashTrigger', () => {
  it('opens on "/" at the start and filters by the word after it', () => {
    expect(slashTrigger('/', 1)).toEqual({ query: '', end: 1 });
    expect(slashTrigger('/ref', 4)).toEqual({ query: 'ref', end: 4 });
    // The caret anywhere in the word still counts; the whole word is replaced.
    expect(slashTrigger('/refund', 2)).toEqual({ query: 'refund', end: 7 });
    expect(slashTrigger('/refund-policy and more', 14)).toEqual({ query: 'refund-policy', end: 14 });
  });

  it('does not open elsewhere, or once the word is over', () => {
    expect(slashTrigger('', 0)).toBeNull();
    expect(slashTrigger('see /refund', 11)).toBeNull();
    expect(slashTrigger(' /refund', 8)).toBeNull();
    expect(slashTrigger('/refund ', 8)).toBeNull();
    expect(slashTrigger('/refund and more', 16)).toBeNull();
    expect(slashTrigger('/refund', 0)).toBeNull();
    expect(slashTrigger('/\nsecond line', 5)).toBeNull();
  });
});

describe('pickerKey', () => {
  it('moves with the arrow keys, wrapping around', () => {
    expect(pickerKey({ key: 'ArrowDown' }, 0, 3)).toEqual({ type: 'move', active: 1 });
    expect(pickerKey({ key: 'ArrowDown' }, 2, 3)).toEqual({ type: 'move', active: 0 });
    expect(pickerKey({ key: 'ArrowUp' }, 0, 3)).toEqual({ type: 'move', active: 2 });
  });

  it('picks with Enter or Tab, and closes with Escape', () => {
    expect(pickerKey({ key: 'Enter' }, 1, 3)).toEqual({ type: 'pick', index: 1 });
    expect(pickerKey({ key: 'Tab' }, 2, 3)).toEqual({ type: 'pick', index: 2 });
    // The list shrank under the highlight: the last one.
    expect(pickerKey({ key: 'Enter' }, 5, 2)).toEqual({ type: 'pick', index: 1 });
    expect(pickerKey({ key: 'Escape' }, 0, 3)).toEqual({ type: 'close' });
  });

  it('swallows Enter and arrows with nothing to pick, so "/word" is never sent by mistake', () => {
    expect(pickerKey({ key: 'Enter' }, 0, 0)).toEqual({ type: 'ignore' });
    expect(pickerKey({ key: 'ArrowDown' }, 0, 0)).toEqual({ type: 'ignore' });
  });

  it('leaves other keys, Shift+Tab and IME composition to the text field', () => {
    expect(pickerKey({ key: 'a' }, 0, 3)).toBeNull();
    expect(pickerKey({ key: 'Tab', shiftKey: true }, 0, 3)).toBeNull();
    expect(pickerKey({ key: 'Enter', isComposing: true }, 0, 3)).toBeNull();
  });
});

describe('replaceRange', () => {
  it('replaces the "/word" with the reply and puts the caret after it', () => {
    const { end } = slashTrigger('/gree and then', 5)!;
    expect(replaceRange('/gree and then', 0, end, 'Hi Grace!')).toEqual({
      value: 'Hi Grace! and then',
      caret: 9,
    });
  });

  it('inserts at the caret, or over the selection, for Ctrl+/', () => {
    expect(replaceRange('Thanks. ', 8, 8, 'Bye!')).toEqual({ value: 'Thanks. Bye!', caret: 12 });
    expect(replaceRange('Hello XXX there', 6, 9, 'Ada')).toEqual({ value: 'Hello Ada there', caret: 9 });
    // A stale range (the text got shorter) is clamped.
    expect(replaceRange('Hi', 5, 9, '!')).toEqual({ value: 'Hi!', caret: 3 });
  });

  it('inserts the SDK’s rendering of the reply for the contact and the agent', () => {
    const body = "Hi {{contact.first_name || 'there'}}, I'm {{agent.first_name}}.";
    const text = renderCanned(body, { contact: { name: 'Grace Hopper' }, agent: { name: 'Ada Lovelace' } });
    const { end } = slashTrigger('/greeting', 9)!;
    expect(replaceRange('/greeting', 0, end, text).value).toBe("Hi Grace, I'm Ada.");
  });
});

describe('previewLine', () => {
  it('flattens line breaks and cuts long replies', () => {
    expect(previewLine('Hi!\n\nThanks   for\twriting.')).toBe('Hi! Thanks for writing.');
    expect(previewLine('x'.repeat(10), 5)).toBe('xxxx…');
    expect(previewLine('short', 5)).toBe('short');
  });
});
