import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '@/lib/import/types';
import { httpUrlSchema } from './common';

const TOO_LONG = `The text is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB. Split it, or upload it as a file under the limit.`;

const workspaceIdSchema = z.string({ error: 'Choose the workspace the article goes to.' }).uuid('Invalid id.');

/** Pasted or typed input: checked for size here; emptiness, NULs and the rest by the importer (its messages name the `text` field). */
const pasted = z.string({ error: 'The text must be text.' }).max(MAX_IMPORT_BYTES, TOO_LONG);

/**
 * POST /api/imports/preview as JSON (a file comes as multipart/form-data instead): pasted plain
 * text, pasted rich text (the clipboard's text/html with its text/plain), Markdown, or a web address.
 */
export const importPreviewJsonSchema = z.discriminatedUnion(
  'format',
  [
    z.object({ workspaceId: workspaceIdSchema, format: z.literal('text'), text: pasted }),
    z.object({ workspaceId: workspaceIdSchema, format: z.literal('rich-text'), html: pasted, text: pasted.optional() }),
    z.object({ workspaceId: workspaceIdSchema, format: z.literal('markdown'), text: pasted }),
    z.object({ workspaceId: workspaceIdSchema, format: z.literal('url'), url: httpUrlSchema }),
  ],
  { error: 'Choose how the article comes in: text, rich-text, markdown or url.' },
);
export type ImportPreviewJson = z.output<typeof importPreviewJsonSchema>;

/** The file types the upload accepts (the server decides by name and type: lib/import importFormatOfFile). */
export const IMPORT_FILE_ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
