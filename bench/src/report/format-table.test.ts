import { describe, expect, it } from 'vitest';
import { formatMarkdownTable, formatTextTable } from './format-table.js';

const table = {
  headers: ['client', 'CPU µs/req', 'ratio'],
  rows: [
    ['@smskit/aliyun V3', '120', '0.52×'],
    ['floor', '95', '1.00×'],
  ],
};

describe('formatTextTable', () => {
  it('pads the first column to the left and figures to the right', () => {
    expect(formatTextTable(table)).toBe(
      [
        'client             CPU µs/req  ratio',
        '-----------------  ----------  -----',
        '@smskit/aliyun V3         120  0.52×',
        'floor                      95  1.00×',
      ].join('\n'),
    );
  });

  it('takes the alignment given per column, and fills missing cells', () => {
    expect(
      formatTextTable({
        headers: ['a', 'b'],
        rows: [['1'], ['22', 'x']],
        align: ['right', 'left'],
      }),
    ).toBe([' a  b', '--  -', ' 1', '22  x'].join('\n'));
  });
});

describe('formatMarkdownTable', () => {
  it('writes a GitHub table with right-aligned figure columns', () => {
    expect(formatMarkdownTable(table)).toBe(
      [
        '| client | CPU µs/req | ratio |',
        '| --- | --: | --: |',
        '| @smskit/aliyun V3 | 120 | 0.52× |',
        '| floor | 95 | 1.00× |',
      ].join('\n'),
    );
  });

  it('escapes pipes inside cells', () => {
    expect(formatMarkdownTable({ headers: ['x'], rows: [['a | b']] })).toContain('| a \\| b |');
  });
});
