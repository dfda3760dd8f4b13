import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emlFileName, folderTransport, type MailMessage } from '../../../src/server/mail/transport';
import { generatedStream } from './attachments/fixtures';

// Issue 15, item 8: without SMTP, e-mail copies are .eml files named so two different messages never share one
// (the hash of the Message-ID), and written atomically (a temporary file, flushed, renamed).

const dirs: string[] = [];
const folder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'soe-eml-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const message = (id: string, text: string): MailMessage => ({
  id, from: 'suporte@unosolucoes.com.br', to: `"Cliente" <cliente-${text}@example.com>`, subject: `[OC-2026-000001] ${text}`, text, date: new Date('2026-03-02T13:00:00Z'),
});

describe('.eml file names', () => {
  it.each([
    ['X.x', 'X_x'], ['a/b', 'a_b'], ['a b', 'a_b'], ['ação', 'a__o'], ['..', '__'], ['A', 'a'],
  ])('%s and %s get two different files (they once folded to one)', (a, b) => {
    expect(emlFileName(a)).not.toBe(emlFileName(b));
    expect(emlFileName(a)).toMatch(/^[0-9a-f]{64}\.eml$/);
  });

  it('writes X.x and X_x as two files, each with its own content', async () => {
    const dir = folder();
    const transport = folderTransport(dir);
    await transport.send(message('X.x', 'primeiro'));
    await transport.send(message('X_x', 'segundo'));
    const files = readdirSync(dir).sort();
    expect(files).toEqual([emlFileName('X.x'), emlFileName('X_x')].sort());
    expect(readFileSync(join(dir, emlFileName('X.x')), 'utf8')).toContain('Message-ID: <X.x@soe.unosolucoes.com.br>');
    expect(readFileSync(join(dir, emlFileName('X.x')), 'utf8')).toContain('cliente-primeiro@example.com');
    expect(readFileSync(join(dir, emlFileName('X_x')), 'utf8')).toContain('cliente-segundo@example.com');
    // The same message sent again (a crash before the outbox update) is still one file.
    await transport.send(message('X.x', 'primeiro'));
    expect(readdirSync(dir)).toHaveLength(2);
    transport.close();
  });
});

describe('atomic writes', () => {
  it('a write that dies half-way leaves no .eml and no temporary file; the retry writes the whole copy', async () => {
    const dir = folder();
    let fail = true;
    const transport = folderTransport(dir, {
      writeFile: async (path, stream) => {
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk);
        const data = Buffer.concat(chunks);
        const handle = await open(path, 'wx');
        try {
          await handle.writeFile(fail ? data.subarray(0, data.length >> 1) : data);
          if (fail) throw new Error('ENOSPC: no space left on device');
        } finally {
          await handle.close();
        }
      },
    });
    await expect(transport.send(message('Y.y', 'metade'))).rejects.toThrow(/ENOSPC/);
    expect(readdirSync(dir)).toEqual([]);
    fail = false;
    await transport.send(message('Y.y', 'metade'));
    expect(readdirSync(dir)).toEqual([emlFileName('Y.y')]);
    expect(readFileSync(join(dir, emlFileName('Y.y')), 'utf8')).toMatch(/metade\n?$/);
    transport.close();
  });

  it('a process killed mid-write leaves only a temporary (never a .eml), swept once stale', async () => {
    const dir = folder();
    const now = Date.parse('2026-03-02T13:00:00Z');
    // What a kill -9 during the write leaves behind: a half-written temporary, one stale and one fresh.
    const stale = join(dir, `.${'a'.repeat(64)}.0123456789ab.eml.tmp`);
    const fresh = join(dir, `.${'b'.repeat(64)}.0123456789ab.eml.tmp`);
    writeFileSync(stale, 'From: half');
    writeFileSync(fresh, 'From: half');
    utimesSync(stale, new Date(now - 2 * 3_600_000), new Date(now - 2 * 3_600_000));
    utimesSync(fresh, new Date(now - 60_000), new Date(now - 60_000));
    expect(readdirSync(dir).filter((f) => f.endsWith('.eml'))).toEqual([]);
    const transport = folderTransport(dir, { now: () => now });
    await transport.send(message('Z.z', 'depois'));
    expect(readdirSync(dir).sort()).toEqual([emlFileName('Z.z'), `.${'b'.repeat(64)}.0123456789ab.eml.tmp`].sort());
    transport.close();
  });
});

describe('attachments in a copy', () => {
  it('streams a file into the .eml: the message is being written while most of the file is still unread', async () => {
    const dir = folder();
    const size = 8 * 1024 * 1024;
    let pulled = 0;
    let pulledAtFirstWrite: number | null = null;
    let written = 0;
    const transport = folderTransport(dir, {
      writeFile: async (path, stream) => {
        const handle = await open(path, 'wx');
        try {
          for await (const chunk of stream) {
            pulledAtFirstWrite ??= pulled;
            written += chunk.length;
            await handle.write(chunk);
          }
        } finally {
          await handle.close();
        }
      },
    });
    await transport.send({ ...message('W.w', 'grande'), attachments: [{ filename: 'grande.log', contentType: 'text/plain; charset=utf-8', open: async () => generatedStream(size, { onPull: (n) => { pulled = n; } }) }] });
    expect(pulled).toBe(size);
    expect(written).toBeGreaterThan(size * 4 / 3); // base64
    expect(pulledAtFirstWrite ?? Infinity).toBeLessThan(size / 4); // null (never written) fails too
    transport.close();
  });

  it('a file whose stream fails mid-way leaves no copy, and its stream is not left open', async () => {
    const dir = folder();
    const transport = folderTransport(dir);
    let destroyed = false;
    const failing = async () => {
      const stream = generatedStream(1024 * 1024, { failAt: 300 * 1024 });
      stream.on('close', () => { destroyed = true; });
      return stream;
    };
    await expect(transport.send({ ...message('V.v', 'falha'), attachments: [{ filename: 'a.log', contentType: 'text/plain; charset=utf-8', open: failing }] })).rejects.toThrow(/aborted/);
    expect(readdirSync(dir)).toEqual([]);
    expect(destroyed).toBe(true);
    transport.close();
  });
});
