'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ScaleDto } from '@/lib/domain/scales';
import { apiFetch } from '@/lib/api/client';
import { SettingsSection } from './section';

type LevelDraft = { key: string; label: string; color: string; value: string; description: string };

const toDraft = (scale: ScaleDto): LevelDraft[] => scale.levels.map((l) => ({ key: l.key, label: l.label, color: l.color, value: l.value === null ? '' : String(l.value), description: l.description }));

const cell = 'h-9 w-full rounded-md border border-[var(--color-line)] bg-white px-2 text-sm';

export function ScaleEditor({ workspaceId, initialScale }: { workspaceId: string; initialScale: ScaleDto }) {
  const [scale, setScale] = useState(initialScale);
  const [name, setName] = useState(initialScale.name);
  const [levels, setLevels] = useState(() => toDraft(initialScale));
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const update = (index: number, patch: Partial<LevelDraft>) => setLevels((ls) => ls.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const move = (index: number, by: -1 | 1) =>
    setLevels((ls) => {
      const next = [...ls];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });

  async function save() {
    setMessage(null);
    const result = await apiFetch<{ scale: ScaleDto }>(`/api/workspaces/${workspaceId}/scale`, {
      method: 'PUT',
      body: { version: scale.version, name, levels: levels.map((l) => ({ ...l, value: l.value.trim() === '' ? null : Number(l.value) })) },
    });
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    setScale(result.data.scale);
    setLevels(toDraft(result.data.scale));
    setMessage({ tone: 'ok', text: 'Rating scale saved.' });
  }

  return (
    <SettingsSection title="Rating scale" description="The verdicts reviewers choose from. Values feed ClaimReview ratings; leave a value empty for non-ordinal verdicts such as Unproven.">
      <label className="mb-4 block max-w-sm text-sm font-medium">
        Scale name
        <input value={name} onChange={(e) => setName(e.target.value)} className={`${cell} mt-1`} />
      </label>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-[var(--color-muted)]">
            <th className="pb-2 font-medium">Colour</th>
            <th className="pb-2 font-medium">Label</th>
            <th className="pb-2 font-medium">Key</th>
            <th className="pb-2 font-medium">Value</th>
            <th className="pb-2 font-medium">Description</th>
            <th className="pb-2" />
          </tr>
        </thead>
        <tbody>
          {levels.map((level, i) => (
            <tr key={i} className="align-top">
              <td className="py-1 pr-2">
                <input type="color" aria-label={`Colour of ${level.label || 'new level'}`} value={level.color} onChange={(e) => update(i, { color: e.target.value })} className="h-9 w-12 rounded border border-[var(--color-line)]" />
              </td>
              <td className="py-1 pr-2">
                <input aria-label={`Label ${i + 1}`} value={level.label} onChange={(e) => update(i, { label: e.target.value })} className={cell} />
              </td>
              <td className="py-1 pr-2">
                <input aria-label={`Key ${i + 1}`} value={level.key} onChange={(e) => update(i, { key: e.target.value })} className={`${cell} font-mono`} />
              </td>
              <td className="w-20 py-1 pr-2">
                <input aria-label={`Value ${i + 1}`} inputMode="decimal" value={level.value} onChange={(e) => update(i, { value: e.target.value })} className={cell} />
              </td>
              <td className="py-1 pr-2">
                <input aria-label={`Description ${i + 1}`} value={level.description} onChange={(e) => update(i, { description: e.target.value })} className={cell} />
              </td>
              <td className="flex gap-0.5 py-1 whitespace-nowrap">
                <Button variant="ghost" size="sm" aria-label={`Move ${level.label} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                  ↑
                </Button>
                <Button variant="ghost" size="sm" aria-label={`Move ${level.label} down`} disabled={i === levels.length - 1} onClick={() => move(i, 1)}>
                  ↓
                </Button>
                <Button variant="ghost" size="sm" aria-label={`Remove ${level.label}`} onClick={() => setLevels((ls) => ls.filter((_, j) => j !== i))}>
                  ✕
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-4 flex items-center gap-3">
        <Button variant="secondary" onClick={() => setLevels((ls) => [...ls, { key: '', label: '', color: '#6e7781', value: '', description: '' }])}>
          Add level
        </Button>
        <Button onClick={() => void save()}>Save scale</Button>
        <p role="status" className={`text-sm ${message?.tone === 'error' ? 'text-red-700' : 'text-emerald-800'}`}>
          {message?.text}
        </p>
      </div>
    </SettingsSection>
  );
}
