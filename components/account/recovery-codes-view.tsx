'use client';

import { Button } from '@/components/ui/button';

/** Recovery codes, shown once right after they are made. */
export function RecoveryCodesView({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="space-y-3">
      <p className="text-sm">
        Save these recovery codes somewhere safe (a password manager, or printed). Each one signs you in <strong>once</strong> if you lose your phone. They will not be
        shown again.
      </p>
      <ol data-testid="recovery-codes" aria-label="Recovery codes" className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-lg bg-gray-50 p-4 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Button onClick={onDone}>I have saved these codes</Button>
    </div>
  );
}
