import { describe, expect, it } from 'vitest';
import { nodeErrorText } from './errorText';

describe('error on a run node', () => {
  it('keeps the message and the file name, not the work folder', () => {
    const error =
      'DataFormatException: /tmp/hyenaflow/state/work/20261129-162041/import-genome/attempt-1/inputs/genome.fa: requested sequence(s) chr99 not found; the file holds chr1, chr2.\n   at HyenaFlow.Genomics...';
    expect(nodeErrorText(error)).toBe('DataFormatException: …/genome.fa: requested sequence(s) chr99 not found; the file holds chr1, chr2.');
  });

  it('leaves metric names such as train/loss alone and cuts very long lines', () => {
    expect(nodeErrorText('train/loss is NaN')).toBe('train/loss is NaN');
    expect(nodeErrorText('x'.repeat(300), 10)).toBe('xxxxxxxxxx…');
  });
});
