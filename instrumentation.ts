/**
 * Runs once when the server starts, before it answers: lets Next gzip API responses, proves the
 * database is reachable and migrates it. Unreachable → a message naming where it looked (never the password), exit 1.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { compressRouteHandlerResponses } = await import('./lib/server/route-handler-compression');
  compressRouteHandlerResponses();
  const { prepareDatabase } = await import('./lib/server/startup');
  await prepareDatabase();
}
