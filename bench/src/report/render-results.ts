import { formatMarkdownTable, formatTextTable, type Table } from './format-table.js';
import type { BenchResults } from './results-schema.js';
import {
  bundleContentsTable,
  clientsTable,
  componentImportsTable,
  httpLayersTable,
  ratiosTable,
  signingTable,
  spreadTable,
  targetsTable,
  verificationLoadTable,
} from './results-tables.js';

export const generatedStart =
  '<!-- results: written by `pnpm bench`; everything up to the end marker is replaced on each run -->';
export const generatedEnd = '<!-- end of results -->';

const loads = (values: readonly number[]) => values.map((value) => value.toFixed(2)).join(' / ');

/** One paragraph: when, on what, with what settings and how busy the machine was. */
export function describeRun(results: BenchResults): string {
  const { machine, settings } = results;
  const waited =
    machine.waitedForIdle === 'idle'
      ? ' (the run waited for it to fall below the wanted level)'
      : machine.waitedForIdle === 'gave up'
        ? ' (the run waited for a quieter machine and gave up)'
        : '';
  return [
    `Run ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC on Node ${machine.node},`,
    `${machine.cpuModel}, ${machine.cores} cores, ${(machine.memoryBytes / 1e9).toFixed(0)} GB, ${machine.platform}/${machine.arch}.`,
    `Load average (1/5/15 min) ${loads(machine.loadAverageAtStart)} at the start${waited}, ${loads(machine.loadAverageAtEnd)} at the end.`,
    `${settings.rounds} interleaved rounds of ${settings.requests.toLocaleString('en-US')} requests per client and mode after ${settings.warmupRequests.toLocaleString('en-US')} warm-up requests;`,
    `${settings.coldRuns} fresh processes per cold figure${results.bareNodeMs === null ? '' : ` (bare node: ${Math.round(results.bareNodeMs.median)} ms, subtracted)`}.`,
  ].join(' ');
}

const sections = (results: BenchResults): [string, Table][] => [
  ['Clients (medians)', clientsTable(results)],
  ['Ratios to the official client', ratiosTable(results, 'official')],
  ['Ratios to the floor', ratiosTable(results, 'floor')],
  ['Spread between rounds ((max − min) / median)', spreadTable(results)],
  ['Targets (issue 8)', targetsTable(results)],
  ['What the bundles hold', bundleContentsTable(results)],
  ['Cold import of the parts of @smskit/aliyun', componentImportsTable(results)],
  ['HTTP layers alone', httpLayersTable(results)],
  ['Signing alone', signingTable(results)],
  ['Express verification load (send + verify)', verificationLoadTable(results)],
];

/** The results for a terminal. */
export function renderResultsText(results: BenchResults): string {
  return [
    describeRun(results),
    ...sections(results).map(([title, table]) => `\n${title}\n\n${formatTextTable(table)}`),
  ].join('\n');
}

/** The generated part of RESULTS.md, markers included. */
export function renderResultsMarkdown(results: BenchResults): string {
  return [
    generatedStart,
    '',
    describeRun(results),
    ...sections(results).map(([title, table]) => `\n### ${title}\n\n${formatMarkdownTable(table)}`),
    '',
    generatedEnd,
  ].join('\n');
}

/**
 * `document` with its generated part replaced by `generated`; what is written around the markers
 * (method, findings) stays. A document without markers gets the generated part appended.
 */
export function replaceGeneratedSection(document: string, generated: string): string {
  const start = document.indexOf(generatedStart);
  const end = document.indexOf(generatedEnd);
  if (start === -1 || end === -1 || end < start) {
    return `${document.trimEnd()}${document.trim() === '' ? '' : '\n\n'}${generated}\n`;
  }
  return `${document.slice(0, start)}${generated}${document.slice(end + generatedEnd.length)}`;
}
