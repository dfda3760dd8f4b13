import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TailKeeper, zipEntryNames, zipKindOf } from '../../../../src/shared/attachments/zip-directory';
import { randomBytesSeeded, zip } from './fixtures';

describe('TailKeeper', () => {
  it('keeps exactly the last bytes of any stream, whatever its pieces', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 30 }), fc.integer({ min: 1, max: 64 }), (sizes, limit) => {
      const input = randomBytesSeeded(sizes.reduce((a, b) => a + b, 0), 8);
      const tail = new TailKeeper(limit);
      let at = 0;
      for (const n of sizes) {
        tail.push(input.subarray(at, at + n));
        at += n;
      }
      expect(Buffer.from(tail.bytes()).equals(input.subarray(Math.max(0, input.length - limit)))).toBe(true);
    }), { seed: 16, numRuns: 400 });
  });
});

describe('zipEntryNames', () => {
  const archive = zip([{ name: 'a.txt', data: Buffer.from('a') }, { name: 'pasta/relatório.xml', data: Buffer.from('<x/>'), deflate: true }]);

  it('reads the names from the central directory at the end', () => {
    expect(zipEntryNames(archive, archive.length)).toEqual(['a.txt', 'pasta/relatório.xml']);
    const tail = archive.subarray(archive.length - 150); // 139 bytes of directory and end record, and a few of data
    expect(zipEntryNames(tail, archive.length)).toEqual(['a.txt', 'pasta/relatório.xml']);
  });

  it('says nothing when the directory is not all in the tail, or the end record is missing or lies', () => {
    expect(zipEntryNames(archive.subarray(archive.length - 30), archive.length)).toBeNull();
    expect(zipEntryNames(archive.subarray(0, archive.length - 22), archive.length - 22)).toBeNull();
    const lying = Buffer.from(archive);
    lying.writeUInt16LE(5000, lying.length - 22 + 10); // more entries than the directory holds
    expect(zipEntryNames(lying, lying.length)).toBeNull();
    expect(zipEntryNames(randomBytesSeeded(5000, 2), 5000)).toBeNull();
  });

  it('tells Office documents and other ZIP formats by their names', () => {
    expect(zipKindOf(['[Content_Types].xml', 'word/document.xml'])).toEqual({ mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(zipKindOf(['xl/workbook.xml', '[Content_Types].xml'])).toEqual({ mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(zipKindOf(['[Content_Types].xml', 'ppt/presentation.xml'])).toEqual({ refused: 'PPTX' });
    expect(zipKindOf(['META-INF/MANIFEST.MF', 'a.class'])).toEqual({ refused: 'JAR' });
    expect(zipKindOf(['classes.dex'])).toEqual({ refused: 'APK' });
    expect(zipKindOf(['word/document.xml'])).toBeNull(); // a folder called word/ does not make a DOCX
  });
});
