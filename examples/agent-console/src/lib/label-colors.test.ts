import { describe, expect, it } from 'vitest';
import { labelTextColor } from './label-colors.js';

describe('labelTextColor', () => {
  it('picks white on dark labels and black on light ones', () => {
    expect(labelTextColor('#dc2626')).toBe('#ffffff');
    expect(labelTextColor('#2563eb')).toBe('#ffffff');
    expect(labelTextColor('#fde68a')).toBe('#000000');
    expect(labelTextColor('nonsense')).toBe('#000000');
  });
});
