import { storeJsonSchema } from '../../store/json-schema.ts';
import { EXIT } from '../options.ts';

/** `twinbot schema`: the store's JSON Schema (data/schema.json is generated from it). */
export async function schema(): Promise<number> {
  process.stdout.write(`${JSON.stringify(storeJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}
