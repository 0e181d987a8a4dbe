import 'server-only';
import { importFormatOfFile } from '@/lib/import';
import { ImportError, type ImportInput } from '@/lib/import/types';
import { charsetOf } from '@/lib/server/fetch/safe-fetch';

const NOT_TEXT = 'That file is not plain text. Upload a .txt, .md, .html or .docx file.';

/**
 * An uploaded file as importer input: its format from its name and type (ImportError
 * 'unsupported' for anything else), text files decoded (UTF-8 strictly; an .html file by its BOM
 * or <meta charset>), a .docx handed over as bytes.
 */
export function fileImportInput(name: string, contentType: string, bytes: Uint8Array): ImportInput {
  if (bytes.byteLength === 0) throw new ImportError('The file is empty.', 'empty');
  const format = importFormatOfFile(name, contentType);
  switch (format) {
    case 'docx':
      return { format, data: bytes };
    case 'html':
      return { format, html: decode(bytes, charsetOf(null, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) };
    case 'text':
    case 'markdown':
      return { format, text: decode(bytes, 'utf-8') };
  }
}

function decode(bytes: Uint8Array, encoding: string): string {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(encoding === 'utf-8' ? `${NOT_TEXT} (It is not UTF-8 text: save it as UTF-8 and try again.)` : NOT_TEXT, 'corrupt');
  }
  // A NUL never occurs in text: this is a binary file with a text name (a photo renamed .txt).
  if (text.includes('\u0000')) throw new ImportError(NOT_TEXT, 'corrupt');
  return text;
}

/** The title a file suggests when its contents name none: its name without folder and extension. */
export function titleFromFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  return base.replace(/\.[A-Za-z0-9]{1,10}$/, '').trim().slice(0, 300);
}
