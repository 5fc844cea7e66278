import { describe, expect, it } from 'vitest';
import { observationTopic, staExamples } from './sensorThings';

describe('staExamples', () => {
  it('builds links under the announced root, trailing slash or not', () => {
    for (const root of ['https://x.vn/sta/v1.1', 'https://x.vn/sta/v1.1/']) {
      for (const e of staExamples(root)) {
        expect(e.href.startsWith('https://x.vn/sta/v1.1/')).toBe(true);
        expect(e.text.startsWith('https://x.vn/sta/v1.1/')).toBe(true);
      }
    }
  });

  it('encodes what a URL cannot hold and decodes back to the text shown', () => {
    for (const e of staExamples('https://x.vn/sta/v1.1')) {
      expect(e.href).not.toMatch(/[ '"]/);
      expect(decodeURIComponent(e.href)).toBe(e.text);
      expect(() => new URL(e.href)).not.toThrow();
    }
  });

  it('shows the nested $expand the issue asks for', () => {
    const expand = staExamples('https://x.vn/sta/v1.1').find((e) => e.id === 'expand');
    expect(expand?.text).toContain('$expand=Observations($top=3');
    expect(new URL(expand?.href ?? '').searchParams.get('$expand')).toMatch(
      /^Observations\(\$top=3/,
    );
  });
});

describe('observationTopic', () => {
  it('is the path of a datastream’s observations under the root’s version', () => {
    expect(observationTopic('https://x.vn/sta/v1.1', '42')).toBe(
      'v1.1/Datastreams(42)/Observations',
    );
    expect(observationTopic('https://x.vn/sta/v1.0/', '7')).toBe(
      'v1.0/Datastreams(7)/Observations',
    );
  });
});
