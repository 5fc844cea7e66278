import type { ConnectorPaging } from '@ioc/contracts';
import { atPath, type ParsedPage } from './parse-body';

/** Where a run stands in the source's pages. */
export interface PageCursor {
  /** The request to make: a template to fill, or (next-link) a URL given by the source. */
  url: string;
  page: number;
  offset: number;
  cursor: string;
}

/** The placeholders a URL or body template may name. */
export function fillTemplate(
  template: string,
  values: Record<string, string | number>,
  encode: boolean,
): string {
  return template.replace(/\{(page|offset|limit|cursor|since)\}/g, (_m, name: string) => {
    const v = String(values[name] ?? '');
    return encode ? encodeURIComponent(v) : v;
  });
}

export function firstPage(paging: ConnectorPaging, urlTemplate: string): PageCursor {
  const page = paging.kind === 'page' ? paging.start : 0;
  return { url: urlTemplate, page, offset: 0, cursor: '' };
}

export function limitOf(paging: ConnectorPaging): number {
  return paging.kind === 'page' || paging.kind === 'offset' || paging.kind === 'cursor'
    ? paging.size
    : 0;
}

/**
 * The next page after `parsed`, or null when the source has no more. Page and offset stop on a
 * short page (fewer records than the page size); cursor and next-link stop when the answer
 * gives none. A next-link is resolved against the URL it came from.
 */
export function nextPage(
  paging: ConnectorPaging,
  at: PageCursor,
  parsed: ParsedPage,
  requestedUrl: string,
): PageCursor | null {
  switch (paging.kind) {
    case 'none':
      return null;
    case 'page':
      return parsed.records.length < paging.size ? null : { ...at, page: at.page + 1 };
    case 'offset':
      return parsed.records.length < paging.size
        ? null
        : { ...at, offset: at.offset + paging.size };
    case 'cursor': {
      const c = atPath(parsed.document, paging.cursorPath);
      if (
        (typeof c !== 'string' && typeof c !== 'number') ||
        c === '' ||
        parsed.records.length === 0
      )
        return null;
      return { ...at, cursor: String(c) };
    }
    case 'next-link': {
      const link = atPath(parsed.document, paging.nextPath);
      if (typeof link !== 'string' || link === '') return null;
      return { ...at, url: new URL(link, requestedUrl).toString(), page: at.page + 1 };
    }
  }
}
