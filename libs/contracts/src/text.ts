/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ→d. Because tone marks are
 * removed entirely, both tone placements ("Hoà" and "Hòa") fold to the same key "hoa".
 */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
