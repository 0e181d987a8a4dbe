'use client';

import { useEffect, useId, useState } from 'react';
import { SettingsSection } from '@/components/settings/section';
import { Button } from '@/components/ui/button';
import { notifyError, notifySuccess } from '@/components/ui/notify';
import { apiFetch } from '@/lib/api/client';
import type { CheckWorthinessMetricsDto, CheckWorthinessSettingsDto, RefitResultDto } from '@/lib/domain/check-worthiness';
import { metricRows, refitAdvice, thresholdPercent } from './settings-format';

/**
 * The owner's Find claims settings: run it after every import, the threshold for suggesting a
 * sentence, and re-fitting the weights on the desk's own decisions — the cross-validated
 * before/after is shown first, and nothing changes until the owner switches the new weights on.
 */
export function CheckWorthinessSettings({ workspaceId }: { workspaceId: string }) {
  const base = `/api/workspaces/${workspaceId}/check-worthiness`;
  const [settings, setSettings] = useState<CheckWorthinessSettingsDto | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [threshold, setThreshold] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [refit, setRefit] = useState<RefitResultDto | null>(null);
  const [refitError, setRefitError] = useState<string | null>(null);
  const [fitting, setFitting] = useState(false);
  const ids = useId();

  useEffect(() => {
    let current = true;
    void apiFetch<CheckWorthinessSettingsDto>(base).then((result) => {
      if (!current) return;
      if (result.ok) setSettings(result.data);
      else setLoadError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [base]);

  async function save(body: Record<string, unknown>, done: string): Promise<void> {
    if (!settings) return;
    setSaving(true);
    // Version 0: no settings saved yet (nothing to guard; the request schema takes positive versions only).
    const result = await apiFetch<CheckWorthinessSettingsDto>(base, { method: 'PUT', body: { ...(settings.version > 0 ? { version: settings.version } : {}), ...body } });
    setSaving(false);
    if (!result.ok) return notifyError(result.error.message);
    setSettings(result.data);
    setThreshold(null);
    notifySuccess(done);
  }

  async function runRefit(): Promise<void> {
    setFitting(true);
    setRefitError(null);
    setRefit(null);
    const result = await apiFetch<RefitResultDto>(`${base}/refit`, { method: 'POST', body: {} });
    setFitting(false);
    if (!result.ok) return setRefitError(result.error.message);
    setRefit(result.data);
  }

  async function switchOn(modelId: string): Promise<void> {
    setSaving(true);
    const result = await apiFetch<CheckWorthinessSettingsDto>(`${base}/models/${modelId}/activate`, { method: 'POST', body: {} });
    setSaving(false);
    if (!result.ok) return notifyError(result.error.message);
    setSettings(result.data);
    setRefit(null);
    notifySuccess('The re-fitted weights are in use. Run Find claims again to score articles with them.');
  }

  const shownThreshold = threshold ?? settings?.threshold ?? settings?.effectiveThreshold ?? 0.5;
  const active = settings?.activeModel ?? null;

  return (
    <SettingsSection
      title="Suggested claims"
      description="Find claims scores every sentence of an article for check-worthiness and marks those above the threshold. Accepted and dismissed suggestions and hand-marked claims teach it what this desk checks."
    >
      <div data-testid="check-worthiness-settings" className="space-y-6">
        {loadError && (
          <p role="alert" className="text-sm text-red-800">
            {loadError}
          </p>
        )}
        {!settings && !loadError && <p className="text-sm text-[var(--color-muted)]">Loading…</p>}
        {settings && (
          <>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-0.5 h-4 w-4"
                checked={settings.autoFindOnImport}
                disabled={saving}
                onChange={(e) => void save({ autoFindOnImport: e.currentTarget.checked }, e.currentTarget.checked ? 'Find claims will run after every import.' : 'Find claims will no longer run after imports.')}
              />
              <span>
                <span className="font-medium">Find claims after every import</span>
                <span className="block text-[var(--color-muted)]">Imported articles open with their suggestions already marked.</span>
              </span>
            </label>

            <fieldset>
              <legend className="text-sm font-medium">Threshold</legend>
              <p className="text-sm text-[var(--color-muted)]">
                Sentences scoring at least this are suggested. Lower: more suggestions, more of them not worth checking.
                {settings.threshold === null && ` Now: the weights' own threshold (${thresholdPercent(settings.effectiveThreshold)}%).`}
              </p>
              <div className="mt-2 flex flex-wrap items-center gap-3">
                <input
                  type="range"
                  min={10}
                  max={95}
                  step={1}
                  aria-label="Threshold (slider)"
                  className="w-56"
                  value={thresholdPercent(shownThreshold)}
                  onChange={(e) => setThreshold(Number(e.currentTarget.value) / 100)}
                />
                <label htmlFor={`${ids}-threshold`} className="sr-only">
                  Threshold in percent
                </label>
                <span className="flex items-center gap-1 text-sm">
                  <input
                    id={`${ids}-threshold`}
                    type="number"
                    min={10}
                    max={95}
                    step={1}
                    className="h-8 w-16 rounded-md border border-[var(--color-line)] px-2 text-sm"
                    value={thresholdPercent(shownThreshold)}
                    onChange={(e) => {
                      const value = Number(e.currentTarget.value);
                      if (Number.isFinite(value)) setThreshold(value / 100);
                    }}
                  />
                  %
                </span>
                <Button size="sm" disabled={saving || threshold === null || threshold === settings.threshold} onClick={() => void save({ threshold }, 'Threshold saved.')}>
                  Save threshold
                </Button>
                {settings.threshold !== null && (
                  <Button size="sm" variant="ghost" disabled={saving} onClick={() => void save({ threshold: null }, "Using the weights' own threshold.")}>
                    Use the weights&apos; own
                  </Button>
                )}
              </div>
            </fieldset>

            <div>
              <h3 className="text-sm font-medium">Weights</h3>
              <p className="text-sm text-[var(--color-muted)]" data-testid="active-model">
                {active
                  ? `In use: re-fitted on ${active.examples} of this desk's decisions (${active.positives} check-worthy), switched on ${active.activatedAt ? new Date(active.activatedAt).toLocaleDateString() : ''}.`
                  : 'In use: the shipped weights.'}
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                <Button size="sm" variant="secondary" disabled={fitting || saving} onClick={() => void runRefit()}>
                  {fitting ? 'Re-fitting…' : 'Re-fit on this desk’s decisions'}
                </Button>
                {active && (
                  <Button size="sm" variant="secondary" disabled={saving} onClick={() => void save({ activeModelId: null }, 'Back to the shipped weights.')}>
                    Switch off (use the shipped weights)
                  </Button>
                )}
              </div>
              {refitError && (
                <p role="alert" className="mt-2 text-sm text-red-800" data-testid="refit-error">
                  {refitError}
                </p>
              )}
              {refit && <RefitReport result={refit} saving={saving} onSwitchOn={() => void switchOn(refit.modelId)} onDiscard={() => setRefit(null)} />}
            </div>
          </>
        )}
      </div>
    </SettingsSection>
  );
}

function RefitReport({ result, saving, onSwitchOn, onDiscard }: { result: RefitResultDto; saving: boolean; onSwitchOn: () => void; onDiscard: () => void }) {
  const rows = metricRows(result.before, result.after);
  const advice = refitAdvice(result.before, result.after);
  const folds = (result.after as CheckWorthinessMetricsDto).folds;
  return (
    <div className="mt-4 rounded-lg border border-[var(--color-line)] p-4" data-testid="refit-report">
      <table className="w-full text-sm">
        <caption className="mb-2 text-left text-sm">
          Measured on {result.examples} examples ({result.positives} check-worthy, {result.examples - result.positives} not). The new weights are scored by
          {folds ? ` ${folds}-fold` : ''} cross-validation: each example by weights fitted without it.
        </caption>
        <thead>
          <tr className="border-b border-[var(--color-line)] text-left">
            <th scope="col" className="py-1 font-medium">
              Measure
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Now
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Re-fitted
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-b border-[var(--color-line)] last:border-0">
              <th scope="row" className="py-1 text-left font-normal">
                {r.label}
              </th>
              <td className="py-1 text-right tabular-nums">{r.before}</td>
              <td className="py-1 text-right tabular-nums">{r.after}</td>
              <td className="py-1 text-right tabular-nums">{r.change}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p
        data-testid="refit-advice"
        className={`mt-3 rounded px-2 py-1 text-sm ${advice.tone === 'better' ? 'bg-green-50 text-green-900' : advice.tone === 'worse' ? 'bg-amber-50 text-amber-900' : 'bg-gray-50 text-[var(--color-ink)]'}`}
      >
        {advice.text}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" disabled={saving} onClick={onSwitchOn}>
          Switch on
        </Button>
        <Button size="sm" variant="ghost" disabled={saving} onClick={onDiscard}>
          Keep the current weights
        </Button>
      </div>
    </div>
  );
}
