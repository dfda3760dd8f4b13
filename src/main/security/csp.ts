// Sent as a header on every app:// response (the renderer's index.html carries a meta CSP too; the browser
// enforces both). No 'unsafe-eval' and no 'unsafe-inline' scripts: an injected string can never become code.
// The renderer needs no network in Electron — it talks to the core over IPC — so connect-src is our origin.
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  // blob: for the attachments' images (thumbnails and the full view), made here from their bytes.
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'media-src': "'self' data:",
  'connect-src': "'self'",
  'manifest-src': "'self'",
  'worker-src': "'self'",
  'object-src': "'none'",
  'frame-src': "'none'",
  'child-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources}`)
  .join('; ');
