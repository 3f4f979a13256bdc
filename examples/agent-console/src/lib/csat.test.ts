import { describe, expect, it } from 'vitest';
import { csatCommentText, csatScoreText, csatStars } from './csat.js';

describe('csatStars', () => {
  it('fills one star per point out of five', () => {
    expect(csatStars(1)).toBe('★☆☆☆☆');
    expect(csatStars(4)).toBe('★★★★☆');
    expect(csatStars(5)).toBe('★★★★★');
  });

  it('clamps what is out of range instead of throwing', () => {
    expect(csatStars(0)).toBe('☆☆☆☆☆');
    expect(csatStars(9)).toBe('★★★★★');
    expect(csatStars(-1)).toBe('☆☆☆☆☆');
  });
});

describe('csatScoreText', () => {
  it('says the score out of five', () => {
    expect(csatScoreText(4)).toBe('Rated 4 of 5');
  });
});

describe('csatCommentText', () => {
  it('quotes the comment, and gives nothing for none or a blank one', () => {
    expect(csatCommentText({ comment: 'Quick and kind' })).toBe('“Quick and kind”');
    expect(csatCommentText({ comment: null })).toBe('');
    expect(csatCommentText({ comment: '  ' })).toBe('');
  });
});
