import { getSchema, type AnyExtension, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { jsonDocToText } from './doc-text';

/**
 * The article document's extensions, shared by the browser editor and the server's checks, so a
 * document the server accepts is one every reviewer's editor can show. (Claim highlights are
 * decorations and add nothing to the schema.)
 */
export function articleExtensions(): AnyExtension[] {
  return [StarterKit.configure({ link: false, underline: false, codeBlock: false, code: false })];
}

export const MAX_ARTICLE_TEXT_CHARS = 2_000_000;

let schema: ReturnType<typeof getSchema> | undefined;

export class InvalidArticleDocError extends Error {
  override name = 'InvalidArticleDocError';
}

/**
 * Checks a Tiptap JSON document against the article schema and the size limit; returns its
 * canonical plain text. Throws InvalidArticleDocError with a reader-facing message.
 */
export function checkArticleDoc(doc: JSONContent): string {
  schema ??= getSchema(articleExtensions());
  try {
    const node = schema.nodeFromJSON(doc);
    if (node.type !== schema.topNodeType) throw new Error(`expected a document, got "${node.type.name}"`);
    node.check();
  } catch (error) {
    throw new InvalidArticleDocError(`The article text is not a valid document (${error instanceof Error ? error.message : 'unknown structure'}).`);
  }
  const text = jsonDocToText(doc);
  if (text.length > MAX_ARTICLE_TEXT_CHARS) throw new InvalidArticleDocError(`The article is too long (${MAX_ARTICLE_TEXT_CHARS.toLocaleString('en')} characters at most).`);
  return text;
}
