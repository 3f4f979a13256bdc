import { describe, expect, it } from 'vitest';
import { fill } from './fill.js';

describe('fill', () => {
  it('fills every placeholder, leaving unknown ones as they are', () => {
    expect(fill('{name} is larger than {max}.', { name: 'a.png', max: '10 MB' })).toBe(
      'a.png is larger than 10 MB.',
    );
    expect(fill('Remove {name} {other}', { name: 'x' })).toBe('Remove x {other}');
  });

  it('puts a name in literally, even one that looks like a replacement pattern', () => {
    expect(fill('Remove {name}', { name: "$'$&$1.png" })).toBe("Remove $'$&$1.png");
  });
});
