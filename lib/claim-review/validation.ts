import { z } from 'zod';
import { versionSchema } from '@/lib/validations/common';

/**
 * Inputs of the claim library routes. The pasted block is taken as it is (the parser strips
 * control characters and checks the size); its JSON is validated item by item, not here.
 */
export const libraryImportJsonSchema = z.object({
  text: z.string({ error: 'Paste ClaimReview JSON-LD.' }),
});

export const libraryListQuerySchema = z.object({
  q: z.string().max(200, 'The filter is longer than 200 characters.').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const libraryDeleteSchema = z.object({ version: versionSchema });

/** File names an upload may have. */
export const LIBRARY_FILE_EXTENSIONS = ['.json', '.jsonld'] as const;
