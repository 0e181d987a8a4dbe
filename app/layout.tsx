import type { Metadata } from 'next';
import { Providers } from '@/components/providers';
import './globals.css';

// Every page renders per request, so Next.js can put the CSP nonce from proxy.ts on its scripts;
// a page prerendered at build time would carry none and the browser would refuse to run it.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Claimdesk', template: '%s · Claimdesk' },
  description: 'A collaborative fact-checking workbench for newsroom desks.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
