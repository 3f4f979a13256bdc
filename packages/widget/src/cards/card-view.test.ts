import { describe, expect, it } from 'vitest';
import { resolveCardUrl } from './card-url.js';
import { toCardViews } from './card-view.js';

const SERVER = 'http://localhost:3000/';
const WEB = ['http:', 'https:'];

describe('resolveCardUrl', () => {
  it('resolves paths against the server, whatever its protocol', () => {
    expect(resolveCardUrl('/images/tent.svg', SERVER, ['https:'])).toBe(
      'http://localhost:3000/images/tent.svg',
    );
    expect(resolveCardUrl('/#tents', 'https://chat.example/base/', WEB)).toBe('https://chat.example/#tents');
  });

  it('keeps absolute URLs with an allowed protocol only', () => {
    expect(resolveCardUrl('https://shop.example/a.png', SERVER, ['https:'])).toBe(
      'https://shop.example/a.png',
    );
    expect(resolveCardUrl('http://shop.example/a.png', SERVER, ['https:'])).toBeUndefined();
    expect(resolveCardUrl('http://shop.example/tents', SERVER, WEB)).toBe('http://shop.example/tents');
  });

  it('refuses scripts, data, protocol-relative and odd URLs even if the server let them through', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:image/svg+xml,<svg/>',
      '//evil.example/x',
      '/\\evil.example',
      ' /images/x.svg',
      'java\tscript:alert(1)',
      'tent.png',
      '',
      undefined,
    ]) {
      expect(resolveCardUrl(url, SERVER, WEB), String(url)).toBeUndefined();
    }
  });

  it('gives up on paths when the server URL is unusable', () => {
    expect(resolveCardUrl('/images/x.svg', '', WEB)).toBeUndefined();
  });
});

describe('toCardViews', () => {
  it('turns cards into what the list draws', () => {
    expect(
      toCardViews(
        [
          {
            title: 'Ridge 2P tent',
            subtitle: '1.4 kg',
            price: '€249',
            imageUrl: '/images/t.svg',
            url: '/#tents',
          },
          { title: 'Bad', imageUrl: 'javascript:alert(1)', url: 'javascript:alert(1)' },
        ],
        SERVER,
      ),
    ).toEqual([
      {
        title: 'Ridge 2P tent',
        subtitle: '1.4 kg',
        price: '€249',
        imageUrl: 'http://localhost:3000/images/t.svg',
        href: 'http://localhost:3000/#tents',
      },
      { title: 'Bad', subtitle: undefined, price: undefined, imageUrl: undefined, href: undefined },
    ]);
  });

  it('treats a message from an older server, without cards, as having none', () => {
    expect(toCardViews(undefined, SERVER)).toEqual([]);
  });
});
