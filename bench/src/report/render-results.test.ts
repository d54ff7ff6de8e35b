import { describe, expect, it } from 'vitest';
import { sampleRaw, sampleRun } from '../../test/sample-measurements.js';
import { clientCatalog } from '../clients/client-catalog.js';
import { assembleResults } from './assemble-results.js';
import {
  generatedEnd,
  generatedStart,
  renderResultsMarkdown,
  renderResultsText,
  replaceGeneratedSection,
} from './render-results.js';

const results = assembleResults(clientCatalog, sampleRaw(), sampleRun);

describe('renderResultsMarkdown', () => {
  const markdown = renderResultsMarkdown(results);

  it('is wrapped in the markers and says where, when and how busy', () => {
    expect(markdown.startsWith(generatedStart)).toBe(true);
    expect(markdown.endsWith(generatedEnd)).toBe(true);
    expect(markdown).toContain('Node v22.23.3, AMD EPYC, 2 cores');
    expect(markdown).toContain('Load average (1/5/15 min) 0.30 / 0.50 / 0.90 at the start');
    expect(markdown).toContain('bare node: 75 ms, subtracted');
  });

  it('has a row per client and the ratios to the official client and to the floor', () => {
    expect(markdown).toContain('| @alicloud/pop-core V1 | ');
    expect(markdown).toContain('### Ratios to the official client');
    expect(markdown).toContain('### Ratios to the floor');
    // CPU at 32 in flight of smskit V3 against the official client: 120 / 230.
    expect(markdown).toMatch(/\| @smskit\/aliyun V3 \| [^\n]*0\.52× \|/);
  });

  it('lists the HTTP layers alone', () => {
    expect(markdown).toMatch(
      /\| ky over a fetch that costs nothing [^\n]*\| 85 \| 12 % \| 300\.0 MB \|/,
    );
  });

  it('lists the targets with a visible miss, and a skipped store', () => {
    expect(markdown).toContain('CPU per request at 32 in flight ≤ 1.5× the floor');
    expect(markdown).toContain('| redis | skipped: redis-server is not installed |');
  });
});

describe('renderResultsText', () => {
  it('aligns the same tables for a terminal', () => {
    const text = renderResultsText(results);
    expect(text).toContain('Clients (medians)');
    expect(text).toMatch(/\n@smskit\/aliyun V3 +[\d,]+ +[\d,]+/);
  });
});

describe('replaceGeneratedSection', () => {
  const generated = `${generatedStart}\nnew figures\n${generatedEnd}`;

  it('replaces only what is between the markers', () => {
    const document = `# Results\n\nMethod.\n\n${generatedStart}\nold figures\n${generatedEnd}\n\n## Findings\n\nWritten by hand.\n`;
    expect(replaceGeneratedSection(document, generated)).toBe(
      `# Results\n\nMethod.\n\n${generated}\n\n## Findings\n\nWritten by hand.\n`,
    );
  });

  it('appends to a document without markers, and starts an empty one', () => {
    expect(replaceGeneratedSection('# Results\n', generated)).toBe(`# Results\n\n${generated}\n`);
    expect(replaceGeneratedSection('', generated)).toBe(`${generated}\n`);
  });
});
