// A reader of the .eml copies the server writes (tests only), written from the RFCs rather than taken from the
// library that writes them, so a test checks nodemailer's output instead of agreeing with it: header unfolding
// (RFC 5322), parameters with RFC 2231 continuations and charsets, encoded words (RFC 2047), base64 and
// quoted-printable bodies, one level of multipart.

export interface EmlPart {
  /** Header names in lower case, values unfolded (a repeated header keeps its first value). */
  headers: Map<string, string>;
  /** All header lines as written (unfolded), to look for injected ones. */
  headerLines: string[];
  contentType: string;
  params: Map<string, string>;
  disposition: string | null;
  filename: string | null;
  body: Buffer;
}

export interface Eml extends EmlPart {
  parts: EmlPart[];
  /** The text/plain body, decoded. */
  text: string;
}

const decodeEncodedWords = (value: string): string =>
  value.replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=(?:\s+(?==\?))?/g, (_all, _charset: string, kind: string, data: string) => {
    const bytes = kind.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
    return bytes.toString('utf8');
  });

const percentBytes = (value: string): Buffer => Buffer.from(value.replace(/%([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');

const unquote = (value: string): string => {
  const v = value.trim();
  return v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v;
};

/** `type; a=1; b*0*=utf-8''x; b*1*=y` → the value and its parameters, continuations joined and decoded. */
export const parseHeaderValue = (header: string): { value: string; params: Map<string, string> } => {
  const semicolon = header.indexOf(';');
  const value = (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  const raw = new Map<string, string>();
  const pattern = /;\s*([^=\s;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const match of (semicolon < 0 ? '' : header.slice(semicolon)).matchAll(pattern)) raw.set((match[1] as string).toLowerCase(), unquote(match[2] as string));
  const params = new Map<string, string>();
  const names = new Set([...raw.keys()].map((k) => k.replace(/\*.*$/, '')));
  for (const name of names) {
    if (raw.has(`${name}*`)) {
      const v = raw.get(`${name}*`) as string;
      params.set(name, percentBytes(v.slice(v.indexOf("'", v.indexOf("'") + 1) + 1)).toString('utf8'));
    } else if (raw.has(`${name}*0`) || raw.has(`${name}*0*`)) {
      const bytes: Buffer[] = [];
      for (let n = 0; raw.has(`${name}*${n}`) || raw.has(`${name}*${n}*`); n += 1) {
        const encoded = raw.get(`${name}*${n}*`);
        if (encoded === undefined) bytes.push(Buffer.from(raw.get(`${name}*${n}`) as string, 'utf8'));
        else bytes.push(percentBytes(n === 0 ? encoded.slice(encoded.indexOf("'", encoded.indexOf("'") + 1) + 1) : encoded));
      }
      params.set(name, Buffer.concat(bytes).toString('utf8'));
    } else {
      params.set(name, decodeEncodedWords(raw.get(name) as string));
    }
  }
  return { value, params };
};

const decodeBody = (body: string, encoding: string): Buffer => {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  }
  return Buffer.from(body, 'utf8');
};

const parsePart = (raw: string): EmlPart => {
  const end = raw.indexOf('\n\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const body = end < 0 ? '' : raw.slice(end + 2);
  const headerLines = head.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/).filter((l) => l.length > 0);
  const headers = new Map<string, string>();
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  const type = parseHeaderValue(headers.get('content-type') ?? 'text/plain');
  const disposition = headers.has('content-disposition') ? parseHeaderValue(headers.get('content-disposition') as string) : null;
  return {
    headers, headerLines, contentType: type.value, params: type.params,
    disposition: disposition?.value ?? null, filename: disposition?.params.get('filename') ?? null,
    body: decodeBody(body, (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()),
  };
};

export const parseEml = (raw: string): Eml => {
  const top = parsePart(raw);
  if (!top.contentType.startsWith('multipart/')) return { ...top, parts: [], text: top.body.toString('utf8') };
  const boundary = top.params.get('boundary') as string;
  const body = raw.slice(raw.indexOf('\n\n') + 2);
  const pieces = body.split(`--${boundary}`);
  // pieces[0] is the preamble; the last starts with "--" (the closing delimiter).
  const parts = pieces.slice(1, -1).map((p) => parsePart(p.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
  const text = parts.find((p) => p.contentType === 'text/plain' && p.disposition !== 'attachment');
  return { ...top, parts, text: text?.body.toString('utf8') ?? '' };
};
