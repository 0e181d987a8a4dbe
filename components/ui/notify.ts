import { toast } from 'sonner';

/**
 * App-wide toasts (sonner's <Toaster> is mounted once in Providers). Several stack instead of
 * replacing each other; errors stay 8 seconds so they can be read.
 */
export function notifySuccess(message: string): void {
  toast.success(message, { testId: 'toast' });
}

export function notifyError(message: string): void {
  toast.error(message, { duration: 8000, testId: 'toast' });
}
