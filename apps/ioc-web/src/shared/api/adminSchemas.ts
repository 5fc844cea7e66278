import {
  indicatorSchema,
  listEnvelope,
  parseItems,
  unitSummarySchema,
  type feedLivenessResponse,
  type openedSessionSchema,
  type userViewSchema,
  type displayTokenViewSchema,
} from '@ioc/contracts';
import { z } from 'zod';

// The admin pages read the API's answers with the contract schemas (@ioc/contracts); this module
// holds only the web's view of them: the types the pages name and the lenient list reader.

export type OpenedSession = z.output<typeof openedSessionSchema>;
export type UserView = z.output<typeof userViewSchema>;
export type DisplayTokenView = z.output<typeof displayTokenViewSchema>;
export type FeedLiveness = z.output<typeof feedLivenessResponse>['feeds'][number];

/** What the admin pages use of a unit: its place in the tree. */
export const unitItem = unitSummarySchema.pick({
  code: true,
  name: true,
  level: true,
  parentCode: true,
});
export type UnitItem = z.output<typeof unitItem>;

/** What the admin pages use of an indicator: its code and names (for pickers). */
export const indicatorItem = z.object({
  code: indicatorSchema.shape.code,
  nameVi: indicatorSchema.shape.nameVi,
  nameEn: indicatorSchema.shape.nameEn,
});
export type IndicatorItem = z.output<typeof indicatorItem>;

const anyList = listEnvelope(z.unknown());

/** `{asOf, items}` with each item parsed on its own: one bad row is dropped, not the list. */
export function listOf<T extends z.ZodType>(schema: T, body: unknown): z.output<T>[] {
  return parseItems(anyList.parse(body).items, schema, (issues, item) => {
    console.warn('Dropped malformed item', issues, item);
  });
}
