import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseWorkerFile, inlineScriptHashes, withWorkerUrl } from './prestart-worker.js';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('inlineScriptHashes', () => {
  it('hashes the text of each inline script and skips scripts loaded from a file', () => {
    const html = '<script src="/a.js"></script><script type="module" async data-x="">\n  go();\n</script><script>b()</script>';
    expect(inlineScriptHashes(html)).toEqual([sha256('\n  go();\n'), sha256('b()')]);
  });

  it('finds exactly the one inline script of app.html', () => {
    expect(inlineScriptHashes(readFileSync('src/app.html', 'utf8'))).toHaveLength(1);
  });
});

describe('withWorkerUrl', () => {
  it('puts the URL in the script attribute and leaves the hashed text alone', () => {
    const page = '<script type="module" async data-database-worker="">start()</script>';
    const filled = withWorkerUrl(page, '/_app/immutable/workers/worker-abc.js');
    expect(filled).toBe('<script type="module" async data-database-worker="/_app/immutable/workers/worker-abc.js">start()</script>');
    expect(inlineScriptHashes(filled)).toEqual(inlineScriptHashes(page));
  });

  it('refuses a page without the attribute, or with it twice', () => {
    expect(() => withWorkerUrl('<p>no script</p>', '/w.js')).toThrow('found 0');
    expect(() => withWorkerUrl('<i data-database-worker=""></i><b data-database-worker=""></b>', '/w.js')).toThrow('found 2');
  });
});

describe('databaseWorkerFile', () => {
  const folder = (...files: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'daybook-workers-'));
    for (const file of files) writeFileSync(join(dir, file), '');
    return dir;
  };

  it('picks the database worker beside the tab broker and the chunks', () => {
    expect(databaseWorkerFile(folder('broker-CCyA9Hy_.js', 'sqlite3-worker1-Bky_0jZz.js', 'worker-ey4JLd5B.js'))).toBe('worker-ey4JLd5B.js');
  });

  it('refuses a build with no database worker or with two', () => {
    expect(() => databaseWorkerFile(folder('broker-CCyA9Hy_.js'))).toThrow('found: none');
    expect(() => databaseWorkerFile(folder('worker-a.js', 'worker-b.js'))).toThrow('worker-a.js, worker-b.js');
  });
});
