import * as z from 'zod';
import { StoreSchema } from './schema.ts';

/** The store's JSON Schema, generated from the zod schemas so editors validate and complete the file. */
export function storeJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(StoreSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Twinning bot store',
  };
}
