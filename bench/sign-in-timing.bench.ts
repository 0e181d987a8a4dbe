/**
 * Does an unknown email take as long as a known one? Times `authenticate` (real argon2id) for a
 * wrong password on a known account and on an unknown email, from distinct addresses so the
 * limiter never refuses. Prints the medians; they should be within a few percent.
 *   npx tsx --conditions=react-server bench/sign-in-timing.bench.ts [rounds]   (server-only resolves to its empty module)
 */
import { users } from '../db/schema';
import { closeTestDbs, createTestDb } from '../db/test-db';
import { transaction } from '../db/transaction';
import { authenticate, dummyPasswordHash } from '@/lib/server/auth/authenticate';
import { hashPassword } from '../lib/auth/password';
import { deriveTotpKey } from '../lib/auth/totp';

async function main() {
  const rounds = Number(process.argv[2] ?? 40);
  // A scratch database on the configured dialect (DATABASE_URL=postgres://… times PostgreSQL).
  const db = await createTestDb();
  const passwordHash = await hashPassword('the-right-password');
  await transaction(db, async (tx) => {
    await tx.insert(users).values({ email: 'known@example.org', name: 'Known', passwordHash });
  });
  await dummyPasswordHash(); // computed once per process, like the server's first unknown email
  const totpKey = deriveTotpKey('bench');
  const time = async (email: string, i: number) => {
    const start = process.hrtime.bigint();
    const outcome = await authenticate({ email, password: `wrong-${i}` }, { db, totpKey, client: { ip: `10.0.${i >> 8}.${i & 255}`, userAgent: 'bench' } });
    if (outcome.status !== 'invalid') throw new Error(`unexpected ${outcome.status}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    // Alternate so machine load drifts affect both alike.
    known.push(await time('known@example.org', 2 * i));
    unknown.push(await time(`nobody${i}@example.org`, 2 * i + 1));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const k = median(known);
  const u = median(unknown);
  console.log(`rounds: ${rounds}`);
  console.log(`known email, wrong password:   median ${k.toFixed(1)} ms`);
  console.log(`unknown email:                 median ${u.toFixed(1)} ms`);
  console.log(`difference:                    ${(((u - k) / k) * 100).toFixed(1)} %`);
  await closeTestDbs();
}

void main();
