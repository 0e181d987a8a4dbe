export function SettingsSection({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${title}-heading`.replace(/\s+/g, '-')} className="rounded-xl border border-[var(--color-line)] bg-white p-6">
      <h2 id={`${title}-heading`.replace(/\s+/g, '-')} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-[var(--color-muted)]">{description}</p>
      <div className="mt-5">{children}</div>
    </section>
  );
}
