import { describe, expect, it } from 'vitest';
import { fillTemplate, firstPage, nextPage } from './paging';
import { parsePage } from './parse-body';

const page = (records: number, document: unknown = null) => ({
  records: Array.from({ length: records }, (_, i) => ({ i })),
  document,
});

describe('paging', () => {
  it('fills the placeholders, URL-encoding them in URLs', () => {
    expect(
      fillTemplate(
        'http://x/?p={page}&o={offset}&n={limit}&s={since}&c={cursor}',
        {
          page: 2,
          offset: 40,
          limit: 20,
          since: '2026-03-01T00:00:00+07:00',
          cursor: 'a b',
        },
        true,
      ),
    ).toBe('http://x/?p=2&o=40&n=20&s=2026-03-01T00%3A00%3A00%2B07%3A00&c=a%20b');
    expect(fillTemplate('<since>{since}</since>', { since: 'a&b' }, false)).toBe(
      '<since>a&b</since>',
    );
  });

  it('page numbers advance until a short page', () => {
    const paging = { kind: 'page' as const, size: 2, start: 1 };
    const p1 = firstPage(paging, 'u');
    expect(p1.page).toBe(1);
    const p2 = nextPage(paging, p1, page(2), 'http://x/');
    expect(p2?.page).toBe(2);
    expect(nextPage(paging, p2!, page(1), 'http://x/')).toBeNull();
  });

  it('offsets advance by the page size until an empty page', () => {
    const paging = { kind: 'offset' as const, size: 3 };
    const n = nextPage(paging, firstPage(paging, 'u'), page(3), 'http://x/');
    expect(n?.offset).toBe(3);
    expect(nextPage(paging, n!, page(0), 'http://x/')).toBeNull();
  });

  it('follows a cursor until the source gives none', () => {
    const paging = { kind: 'cursor' as const, size: 10, cursorPath: 'meta.next' };
    const n = nextPage(
      paging,
      firstPage(paging, 'u'),
      page(10, { meta: { next: 'c2' } }),
      'http://x/',
    );
    expect(n?.cursor).toBe('c2');
    expect(nextPage(paging, n!, page(4, { meta: { next: null } }), 'http://x/')).toBeNull();
  });

  it('follows next links, relative ones against the page they came from', () => {
    const paging = { kind: 'next-link' as const, nextPath: 'links.next' };
    const n = nextPage(
      paging,
      firstPage(paging, 'u'),
      page(5, { links: { next: '/api?page=2' } }),
      'http://src.vn/api?page=1',
    );
    expect(n?.url).toBe('http://src.vn/api?page=2');
    expect(nextPage(paging, n!, page(5, { links: {} }), n!.url)).toBeNull();
  });
});

describe('parsePage', () => {
  it('reads JSON records at a path, CSV rows by header and SOAP items without prefixes', () => {
    expect(
      parsePage({ kind: 'rest-json', recordsPath: 'data.items' }, '{"data":{"items":[{"a":1}]}}')
        .records,
    ).toEqual([{ a: 1 }]);
    expect(parsePage({ kind: 'csv' }, '\uFEFFma,"ten"\n1,"Hải, Châu"\n').records).toEqual([
      { ma: '1', ten: 'Hải, Châu' },
    ]);
    const soap = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
      <ns:GetResponse xmlns:ns="urn:x"><ns:Item><ns:Ma>1</ns:Ma></ns:Item></ns:GetResponse></soap:Body></soap:Envelope>`;
    expect(
      parsePage({ kind: 'soap-xml', recordsPath: 'Envelope.Body.GetResponse.Item' }, soap).records,
    ).toEqual([{ Ma: '1' }]);
  });

  it('throws on a body that does not parse or a path holding non-records', () => {
    expect(() => parsePage({ kind: 'rest-json' }, '{oops')).toThrow();
    expect(() => parsePage({ kind: 'rest-json', recordsPath: 'a' }, '{"a":[1]}')).toThrow(
      /not records/,
    );
  });
});
