import { describe, expect, it } from 'vitest';
import { findLoaderScript, resolveLoaderConfig, type ScriptTag } from './loader-config.js';

function tag(src: string, attributes: Record<string, string> = {}): ScriptTag {
  return { src, getAttribute: (name) => attributes[name] ?? null };
}

const LOADER = 'https://chat.example.com/widget/loader.js';

describe('findLoaderScript', () => {
  it('matches the tag whose src is the module URL', () => {
    const ours = tag(LOADER, { 'data-site-key': 'pk_ours' });
    const scripts = [
      tag('https://cdn.example.org/analytics.js'),
      tag(''),
      tag('https://x.test/a.js', { 'data-site-key': 'pk_other' }),
      ours,
    ];
    expect(findLoaderScript(scripts, LOADER)).toBe(ours);
  });

  it('compares the whole URL, query included', () => {
    const ours = tag(`${LOADER}?v=2`);
    expect(findLoaderScript([tag(LOADER), ours], `${LOADER}?v=2`)).toBe(ours);
  });

  it('falls back to the first tag with a site key when no URL matches (a redirect)', () => {
    const first = tag('https://chat.example.com/widget/latest.js', { 'data-site-key': 'pk_a' });
    const second = tag('https://chat.example.com/other.js', { 'data-site-key': 'pk_b' });
    expect(findLoaderScript([tag('https://x.test/a.js'), first, second], LOADER)).toBe(first);
  });

  it('finds nothing when no tag fits', () => {
    expect(findLoaderScript([tag('https://x.test/a.js')], LOADER)).toBeNull();
    expect(findLoaderScript([], LOADER)).toBeNull();
  });
});

describe('resolveLoaderConfig', () => {
  const page = 'https://shop.example.net/products/1';

  it('reads the site key and defaults the server to the origin that served the loader', () => {
    expect(
      resolveLoaderConfig(tag(LOADER, { 'data-site-key': ' pk_demo_switchboard ' }), LOADER, page),
    ).toEqual({
      siteKey: 'pk_demo_switchboard',
      serverUrl: 'https://chat.example.com',
    });
  });

  it('takes data-server-url, resolved against the page and without a trailing slash', () => {
    const config = (serverUrl: string) =>
      resolveLoaderConfig(
        tag(LOADER, { 'data-site-key': 'pk_x', 'data-server-url': serverUrl }),
        LOADER,
        page,
      ).serverUrl;
    expect(config('https://api.example.com/')).toBe('https://api.example.com');
    expect(config('https://api.example.com/switchboard/')).toBe('https://api.example.com/switchboard');
    expect(config('/support')).toBe('https://shop.example.net/support');
    expect(config('  ')).toBe('https://chat.example.com');
  });

  it('has no site key without a tag or an attribute', () => {
    expect(resolveLoaderConfig(null, LOADER, page)).toEqual({
      siteKey: null,
      serverUrl: 'https://chat.example.com',
    });
    expect(resolveLoaderConfig(tag(LOADER, { 'data-site-key': '' }), LOADER, page).siteKey).toBeNull();
  });
});
