import NextAuth from 'next-auth';
import { FORM_BODY_LIMIT_BYTES, withBodyLimit } from '@/lib/api/with-body-limit';
import { authOptions } from '@/lib/server/auth/options';

const handler = NextAuth(authOptions);
// Sign-in posts a few form fields: refuse big bodies (413) while streaming, before NextAuth buffers them.
const limitedPost = withBodyLimit(handler, { maxBytes: FORM_BODY_LIMIT_BYTES });
export { handler as GET, limitedPost as POST };
