import { foldVietnamese, type Dataset } from '@ioc/contracts';

/** Everything a visitor may type to find a dataset, folded once: both titles, descriptions, keywords. */
export function searchText(d: Dataset): string {
  return foldVietnamese(
    [d.id, d.titleVi, d.titleEn, d.descriptionVi, d.descriptionEn, ...d.keywords].join(' \n '),
  );
}

/**
 * The datasets matching a query, in their order. Every word must occur (in any field), and the
 * comparison ignores case and diacritics, so "chat luong khong khi" finds "Chất lượng không khí"
 * — visitors often type without a Vietnamese keyboard.
 */
export function matchDatasets(datasets: readonly Dataset[], query: string): Dataset[] {
  const words = foldVietnamese(query)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length === 0) return [...datasets];
  return datasets.filter((d) => {
    const text = searchText(d);
    return words.every((w) => text.includes(w));
  });
}
