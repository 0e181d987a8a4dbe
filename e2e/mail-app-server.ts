import { startAppServer } from './app-server';
import { startMailCatcher, type MailCatcher } from './mail-catcher';
import { mailAppPort, mailDatabaseFile, mailSmtpPort } from './worker-env';

/**
 * A second app server WITH mail, for the specs that follow mailed links. The main test server runs
 * without SMTP (the demo's default, where owners are shown invitation links); this one is started
 * by the mail specs themselves on this worker's mail ports (e2e/worker-env.ts), with its own freshly
 * seeded database, and SMTP_URL pointing at an in-process catcher. Only specs that need mail pay for it.
 */
const MAIL_APP_PORT = mailAppPort();
const MAIL_SMTP_PORT = mailSmtpPort();
export const MAIL_APP_URL = `http://localhost:${MAIL_APP_PORT}`;

export interface MailApp {
  baseURL: string;
  /** The server's SQLite file (for a test that must set up a state no UI can reach). */
  databaseFile: string;
  mail: MailCatcher;
  stop(): Promise<void>;
}

export async function startMailApp(timeoutMs = 90_000): Promise<MailApp> {
  const mail = await startMailCatcher(MAIL_SMTP_PORT);
  try {
    const server = await startAppServer({
      port: MAIL_APP_PORT,
      databaseFile: mailDatabaseFile(),
      env: { SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`, MAIL_FROM: 'Claimdesk Test <claimdesk@test.invalid>' },
      timeoutMs,
    });
    return {
      baseURL: server.baseURL,
      databaseFile: server.databaseFile,
      mail,
      async stop() {
        await server.stop();
        await mail.close();
      },
    };
  } catch (error) {
    await mail.close();
    throw error;
  }
}
