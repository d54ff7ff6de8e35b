/** How a column's cells line up. */
export type Alignment = 'left' | 'right';

/** A table: a header row, rows of cells, and the alignment of each column. */
export interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Per column; default left for the first column, right for the others (figures). */
  readonly align?: readonly Alignment[];
}

const alignmentOf = (table: Table, column: number): Alignment =>
  table.align?.[column] ?? (column === 0 ? 'left' : 'right');

// Characters, not UTF-16 units, so that `µ` and `×` take one column each.
const width = (text: string) => [...text].length;
const pad = (text: string, size: number, alignment: Alignment) => {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return alignment === 'left' ? `${text}${fill}` : `${fill}${text}`;
};

const columnWidths = (table: Table) =>
  table.headers.map((header, column) =>
    Math.max(width(header), ...table.rows.map((row) => width(row[column] ?? ''))),
  );

/** The table as aligned plain text, for a terminal. */
export function formatTextTable(table: Table): string {
  const widths = columnWidths(table);
  const line = (cells: readonly string[]) =>
    widths
      .map((size, column) => pad(cells[column] ?? '', size, alignmentOf(table, column)))
      .join('  ')
      .trimEnd();
  return [
    line(table.headers),
    widths.map((size) => '-'.repeat(size)).join('  '),
    ...table.rows.map(line),
  ].join('\n');
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|');

/** The table in GitHub Markdown, columns aligned as in the text form. */
export function formatMarkdownTable(table: Table): string {
  const row = (cells: readonly string[]) =>
    `| ${table.headers.map((_, column) => escapeCell(cells[column] ?? '')).join(' | ')} |`;
  const rule = `| ${table.headers
    .map((_, column) => (alignmentOf(table, column) === 'left' ? '---' : '--:'))
    .join(' | ')} |`;
  return [row(table.headers), rule, ...table.rows.map(row)].join('\n');
}
