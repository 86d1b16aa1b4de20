import { describe, expect, it } from 'vitest';
import { goBase64Error } from './go-base64.ts';

describe('goBase64Error (Go base64.StdEncoding)', () => {
  it.each(['', 'aGVsbG8=', 'aGk=', 'aGVsbG8gd29ybGQh', 'aGVs\nbG8=\n', 'aG\r\nk='])('accepts %j', (s) => {
    expect(goBase64Error(s)).toBeUndefined();
  });

  it.each([
    ['abc', 0], // input ends inside a quantum: Go points at the quantum's start
    ['aGVsbG8', 4],
    ['a', 0],
    ['a!bc', 1],
    ['aGVsbG8=x', 8], // trailing garbage after padding
    ['a===', 1], // padding too early
    ['aG=', 3], // "==" expected, input ended
    ['aG=x', 2],
    ['hello world', 5],
    ['é', 0],
  ])('rejects %j at byte %i', (s, at) => {
    expect(goBase64Error(s)).toBe(`illegal base64 data at input byte ${at}`);
  });
});
