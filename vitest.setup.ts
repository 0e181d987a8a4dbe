import { afterAll, afterEach, beforeEach } from 'vitest';
import { closeTestDbs, testDbMark } from './db/test-db';

// Databases a test opens (in its body or beforeEach) are closed and removed after it; those a
// file opens in beforeAll, after the file. PostgreSQL has a connection limit; files pile up.
let mark = 0;
beforeEach(() => {
  mark = testDbMark();
});
afterEach(async () => {
  await closeTestDbs(mark);
});
afterAll(async () => {
  await closeTestDbs(0);
});
