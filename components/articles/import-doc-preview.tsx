'use client';

import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useMemo } from 'react';
import { articleExtensions } from '@/lib/editor/article-schema';
import { isLongDocument } from '@/lib/editor/long-document';
import { textDirection } from '@/lib/text/direction';

export interface ImportDocPreviewProps {
  doc: JSONContent;
  title: string;
  language: string;
}

/**
 * The imported document as the article will show it, read-only: headings, lists, quotes and links
 * with their structure (the article schema's own rendering, each block dir="auto"). Links are
 * shown, never followed: this is a check of what was extracted, not a browser.
 */
export function ImportDocPreview({ doc, title, language }: ImportDocPreviewProps) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: false,
      extensions: articleExtensions(),
      content: doc,
      editorProps: { attributes: { 'aria-label': 'Preview of the article text', 'aria-readonly': 'true', role: 'document', 'data-testid': 'import-preview', dir: 'auto' } },
    },
    // Built again only for another document (a 100,000-word one takes a while); the language, typed
    // letter by letter in the form beside it, is inherited from the wrapper below.
    [doc],
  );

  const long = useMemo(() => isLongDocument(doc), [doc]);
  const direction = textDirection(title) ?? 'auto';
  return (
    <section aria-labelledby="import-preview-heading" className="rounded-md border border-[var(--color-line)] bg-white">
      <h4 id="import-preview-heading" className="sr-only">
        Preview
      </h4>
      <div className="max-h-[45vh] overflow-y-auto px-4 py-3">
        <p className="mb-3 text-xl font-semibold" dir={direction} lang={language} data-testid="import-preview-title">
          {title || 'Untitled'}
        </p>
        <div
          className="article-body"
          data-long={long ? 'true' : undefined}
          lang={language}
          onClickCapture={(event) => {
            if ((event.target as HTMLElement).closest('a')) event.preventDefault();
          }}
          onAuxClick={(event) => {
            if ((event.target as HTMLElement).closest('a')) event.preventDefault();
          }}
        >
          <EditorContent editor={editor} />
        </div>
      </div>
    </section>
  );
}
