import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { DEMO_CONTEXT_SOURCE } from './source-config.js';
import { fillTemplate } from './url-template.js';

const source = (env: Record<string, string>) =>
  loadConfig({ SWITCHBOARD_DATABASE_PATH: ':memory:', ...env }).context.source;

describe('SWITCHBOARD_CONTEXT_URL', () => {
  it('defaults to the demo file with the demo, and to no provider without it', () => {
    expect(source({})).toEqual(DEMO_CONTEXT_SOURCE);
    expect(source({ SWITCHBOARD_DEMO: 'false' })).toBeNull();
  });

  it('reads an http(s) template, a file: URL or a path', () => {
    const template = 'https://shop.example/api/context?email={email}&phone={phone}&externalId={externalId}';
    expect(source({ SWITCHBOARD_CONTEXT_URL: template })).toEqual({ kind: 'http', urlTemplate: template });
    expect(source({ SWITCHBOARD_CONTEXT_URL: 'file:///srv/shop/context.json' })).toEqual({
      kind: 'file',
      path: '/srv/shop/context.json',
    });
    expect(source({ SWITCHBOARD_CONTEXT_URL: 'data/context.json' })).toEqual({
      kind: 'file',
      path: resolve('data/context.json'),
    });
  });

  it.each([
    ['https://shop.example/context', /needs at least one of \{email\}/],
    ['https://shop.example/context?name={name}', /unknown placeholder \{name\}/],
    ['ftp://shop.example/{email}', /must be an http\(s\) URL, a file: URL or a path/],
    ['file://remote-host/context.json', /not a valid file: URL/],
  ])('refuses %s at start, naming the variable', (value, problem) => {
    expect(() => source({ SWITCHBOARD_CONTEXT_URL: value })).toThrow(/SWITCHBOARD_CONTEXT_URL/);
    expect(() => source({ SWITCHBOARD_CONTEXT_URL: value })).toThrow(problem);
  });
});

describe('fillTemplate', () => {
  it('URL-encodes each value and leaves a missing one empty', () => {
    expect(
      fillTemplate('https://shop.example/c?e={email}&p={phone}&id={externalId}', {
        email: 'a+b@example.com',
        phone: null,
        externalId: 'x/y&z',
      }),
    ).toBe('https://shop.example/c?e=a%2Bb%40example.com&p=&id=x%2Fy%26z');
  });
});
