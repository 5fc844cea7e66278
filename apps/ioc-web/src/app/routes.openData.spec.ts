import { describe, expect, it } from 'vitest';
import { resolveRoute } from './routes';

describe('resolveRoute — open data', () => {
  it('sends /du-lieu-mo and its sub-paths to the public open-data page', () => {
    expect(resolveRoute('/du-lieu-mo')).toBe('openData');
    expect(resolveRoute('/du-lieu-mo/')).toBe('openData');
    expect(resolveRoute('/du-lieu-mo/chi-so')).toBe('openData');
    expect(resolveRoute('/du-lieu-mox')).toBe('notFound');
  });
});
