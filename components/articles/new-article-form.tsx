'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ImportReviewStep, reviewDefaults, type ImportReviewValues } from './import-review-step';
import { ImportSourceStep } from './import-source-step';
import { EMPTY_SOURCE, sourceKey, type ImportPreview, type ImportSource } from './import-state';

type Step = { name: 'source' } | { name: 'review'; preview: ImportPreview; values: ImportReviewValues };

/**
 * "New article": a two-step import. Step 1 brings the article in (paste, upload, web address) and
 * asks the server for a preview; step 2 shows what was extracted for checking and editing, and
 * only "Import article" creates the article. Going back keeps everything entered in both steps.
 */
export function NewArticleForm({ workspaces }: { workspaces: Array<{ id: string; name: string }> }) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [source, setSource] = useState<ImportSource>(EMPTY_SOURCE);
  const [step, setStep] = useState<Step>({ name: 'source' });
  /** Step 2's values from the last visit, and the input they were for. */
  const [kept, setKept] = useState<{ key: string; values: ImportReviewValues } | null>(null);
  const workspaceId = kept?.values.workspaceId ?? workspaces[0]?.id ?? '';

  // Each step starts at its heading, for keyboard and screen-reader users alike.
  useEffect(() => {
    if (dialogRef.current?.open) headingRef.current?.focus();
  }, [step.name]);

  function showPreview(preview: ImportPreview) {
    const key = sourceKey(source);
    const values = kept?.key === key ? kept.values : reviewDefaults(preview, workspaceId);
    setStep({ name: 'review', preview, values });
  }

  function close() {
    dialogRef.current?.close();
  }

  return (
    <>
      <Button onClick={() => dialogRef.current?.showModal()}>New article</Button>
      <dialog
        ref={dialogRef}
        aria-labelledby="new-article-title"
        className="m-auto w-full max-w-3xl rounded-xl border border-[var(--color-line)] p-0 shadow-xl backdrop:bg-black/30"
        data-testid="import-dialog"
      >
        <div className="space-y-4 p-6">
          <h2 id="new-article-title" className="text-lg font-semibold">
            Import an article
          </h2>
          {step.name === 'source' ? (
            <ImportSourceStep ref={headingRef} source={source} onChange={setSource} workspaceId={workspaceId} onPreview={showPreview} onCancel={close} />
          ) : (
            <ImportReviewStep
              ref={headingRef}
              preview={step.preview}
              values={step.values}
              workspaces={workspaces}
              onBack={(values) => {
                setKept({ key: sourceKey(source), values });
                setStep({ name: 'source' });
              }}
              onImported={(articleId) => {
                close();
                setKept(null);
                setSource(EMPTY_SOURCE);
                setStep({ name: 'source' });
                router.push(`/articles/${articleId}`);
              }}
            />
          )}
        </div>
      </dialog>
    </>
  );
}
