/**
 * A blob store on 127.0.0.1 that speaks the part of the Azure Blob REST API
 * that @azure/storage-blob's BlockBlobClient uses when @actions/cache and
 * @actions/artifact upload and download: Put Blob, Put Block, Put Block List,
 * Get Blob (whole, or a Range / x-ms-range slice) and Get Blob Properties
 * (HEAD). URLs are IP-style (`http://127.0.0.1:port/<account>/<container>/<blob>`),
 * which is how the SDK parses account, container and blob for non-Azure
 * hosts, and carry a SAS-shaped query (`sv`, `se`, `sr`, `sp`, `sig`) whose
 * `sig` is an HMAC over permissions, expiry and path — so a tampered,
 * expired or read-only URL is refused with 403 the way Azure refuses it.
 * Committed blobs live as files in a temp dir.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const BLOB_ACCOUNT = 'devstoreaccount1';
const SAS_VERSION = '2023-11-03';

export interface BlobLogEntry {
  service: 'blob';
  /** Azure operation name, e.g. PutBlock, PutBlockList, PutBlob, GetBlob, GetBlobProperties. */
  op: string;
  method: string;
  /** URL path without the query (so signatures stay out of logs). */
  path: string;
  status: number;
  /** The Range / x-ms-range header on reads, when one was sent. */
  range?: string;
}

export interface BlobInfo {
  size: number;
  contentType: string;
  etag: string;
  lastModified: Date;
}

export interface BlobStore {
  /** Origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** A signed URL for one blob; permissions 'r' (read) and/or 'cw' (create, write). */
  signedUrl(container: string, blob: string, permissions: string, ttlSeconds?: number): string;
  /** Committed content of a blob, or undefined when none was committed. */
  read(container: string, blob: string): Buffer | undefined;
  info(container: string, blob: string): BlobInfo | undefined;
  delete(container: string, blob: string): void;
  close(): Promise<void>;
}

interface Committed {
  file: string;
  info: BlobInfo;
}

function storageError(res: ServerResponse, status: number, code: string, message: string): number {
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, {
    'content-type': 'application/xml',
    'x-ms-error-code': code,
    'x-ms-version': SAS_VERSION,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
  return status;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `bytes=a-b` / `bytes=a-` against a blob of `size` bytes; null when unsatisfiable. */
function parseRange(header: string, size: number): { start: number; end: number } | null {
  const m = /^bytes=(\d+)-(\d*)$/.exec(header.trim());
  if (!m) return null;
  const start = Number(m[1]);
  const end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  if (start >= size || end < start) return null;
  return { start, end };
}

export async function startBlobStore(
  dir: string,
  log: (entry: BlobLogEntry) => void = () => {},
): Promise<BlobStore> {
  const key = randomBytes(32);
  const committed = new Map<string, Committed>();
  // Blocks staged by Put Block and not yet committed, per blob path, by block id.
  const staged = new Map<string, Map<string, Buffer>>();
  let fileSeq = 0;

  const sign = (permissions: string, expiry: string, path: string): string =>
    createHmac('sha256', key).update(`${permissions}\n${expiry}\n${path}`).digest('base64');

  const pathOf = (container: string, blob: string): string =>
    `/${BLOB_ACCOUNT}/${container}/${blob.split('/').map(encodeURIComponent).join('/')}`;

  // Blob paths are compared in their decoded form so the SDK's own escaping
  // of the URL it was given cannot make a valid signature look forged.
  const canonical = (rawPath: string): string => decodeURIComponent(rawPath);

  function authorize(url: URL, need: 'r' | 'w'): string | null {
    const q = url.searchParams;
    const sig = q.get('sig');
    const sp = q.get('sp') ?? '';
    const se = q.get('se') ?? '';
    if (!sig || !se) return 'no SAS signature on the request';
    const want = Buffer.from(sign(sp, se, canonical(url.pathname)));
    const got = Buffer.from(sig);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return 'Signature did not match';
    if (Date.parse(se) < Date.now()) return 'Signed expiry time has passed';
    if (need === 'r' && !sp.includes('r'))
      return 'This request is not authorized to perform this operation using this permission (needs r)';
    if (need === 'w' && !sp.includes('w'))
      return 'This request is not authorized to perform this operation using this permission (needs w)';
    return null;
  }

  function commit(blobPath: string, data: Buffer, contentType: string): Committed {
    const file = join(dir, `blob-${++fileSeq}`);
    writeFileSync(file, data);
    const entry: Committed = {
      file,
      info: {
        size: data.length,
        contentType,
        etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
        lastModified: new Date(),
      },
    };
    committed.set(blobPath, entry);
    return entry;
  }

  function writeHeaders(entry: Committed): Record<string, string | number> {
    return {
      etag: entry.info.etag,
      'last-modified': entry.info.lastModified.toUTCString(),
      'x-ms-version': SAS_VERSION,
      'x-ms-request-id': randomBytes(8).toString('hex'),
      'x-ms-request-server-encrypted': 'true',
      date: new Date().toUTCString(),
    };
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): Promise<{ op: string; status: number; range?: string }> {
    const blobPath = canonical(url.pathname);
    const comp = url.searchParams.get('comp');
    const method = req.method ?? 'GET';

    if (method === 'PUT') {
      const op =
        comp === 'block'
          ? 'PutBlock'
          : comp === 'blocklist'
            ? 'PutBlockList'
            : comp === null
              ? 'PutBlob'
              : `PUT comp=${comp}`;
      const denied = authorize(url, 'w');
      const body = await readBody(req);
      if (denied) return { op, status: storageError(res, 403, 'AuthenticationFailed', denied) };
      if (op === 'PutBlock') {
        const id = url.searchParams.get('blockid');
        if (!id)
          return { op, status: storageError(res, 400, 'InvalidQueryParameterValue', 'blockid is required') };
        const blocks = staged.get(blobPath) ?? new Map<string, Buffer>();
        blocks.set(id, body);
        staged.set(blobPath, blocks);
        res.writeHead(201, {
          'x-ms-version': SAS_VERSION,
          'x-ms-request-id': randomBytes(8).toString('hex'),
          'x-ms-request-server-encrypted': 'true',
          'content-length': 0,
        });
        res.end();
        return { op, status: 201 };
      }
      if (op === 'PutBlockList') {
        const blocks = staged.get(blobPath) ?? new Map<string, Buffer>();
        const previous = committed.get(blobPath);
        const parts: Buffer[] = [];
        for (const m of body.toString('utf8').matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)) {
          const block = blocks.get(m[2]!);
          // Committed-block reuse is not needed by the toolkit; a missing id is Azure's InvalidBlockList.
          if (!block)
            return { op, status: storageError(res, 400, 'InvalidBlockList', `unknown block ${m[2]}`) };
          parts.push(block);
        }
        staged.delete(blobPath);
        const entry = commit(
          blobPath,
          Buffer.concat(parts),
          String(
            req.headers['x-ms-blob-content-type'] ?? previous?.info.contentType ?? 'application/octet-stream',
          ),
        );
        res.writeHead(201, { ...writeHeaders(entry), 'content-length': 0 });
        res.end();
        return { op, status: 201 };
      }
      if (op === 'PutBlob') {
        if (req.headers['x-ms-blob-type'] !== 'BlockBlob')
          return {
            op,
            status: storageError(res, 400, 'InvalidHeaderValue', 'x-ms-blob-type must be BlockBlob'),
          };
        const entry = commit(
          blobPath,
          body,
          String(req.headers['x-ms-blob-content-type'] ?? 'application/octet-stream'),
        );
        staged.delete(blobPath);
        res.writeHead(201, { ...writeHeaders(entry), 'content-length': 0 });
        res.end();
        return { op, status: 201 };
      }
      return {
        op,
        status: storageError(
          res,
          400,
          'UnsupportedQueryParameter',
          `comp=${comp} is not implemented by the fake`,
        ),
      };
    }

    if (method === 'GET' || method === 'HEAD') {
      const op = method === 'HEAD' ? 'GetBlobProperties' : 'GetBlob';
      const denied = authorize(url, 'r');
      if (denied) return { op, status: storageError(res, 403, 'AuthenticationFailed', denied) };
      const entry = committed.get(blobPath);
      if (!entry)
        return { op, status: storageError(res, 404, 'BlobNotFound', 'The specified blob does not exist.') };
      const size = entry.info.size;
      const base = {
        ...writeHeaders(entry),
        'content-type': entry.info.contentType,
        'accept-ranges': 'bytes',
        'x-ms-blob-type': 'BlockBlob',
        'x-ms-creation-time': entry.info.lastModified.toUTCString(),
        'content-disposition': `attachment; filename="${blobPath.split('/').pop()}"`,
      };
      const rangeHeader = (req.headers['x-ms-range'] ?? req.headers.range) as string | undefined;
      if (method === 'HEAD') {
        res.writeHead(200, { ...base, 'content-length': size });
        res.end();
        return { op, status: 200 };
      }
      const data = readFileSync(entry.file);
      if (rangeHeader) {
        const range = parseRange(rangeHeader, size);
        if (!range) {
          res.setHeader('content-range', `bytes */${size}`);
          return {
            op,
            status: storageError(
              res,
              416,
              'InvalidRange',
              'The range specified is invalid for the current size of the resource.',
            ),
            range: rangeHeader,
          };
        }
        const slice = data.subarray(range.start, range.end + 1);
        res.writeHead(206, {
          ...base,
          'content-length': slice.length,
          'content-range': `bytes ${range.start}-${range.end}/${size}`,
        });
        res.end(slice);
        return { op, status: 206, range: rangeHeader };
      }
      res.writeHead(200, { ...base, 'content-length': size });
      res.end(data);
      return { op, status: 200 };
    }

    return {
      op: method,
      status: storageError(res, 405, 'UnsupportedHttpVerb', `${method} is not implemented by the fake`),
    };
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    handle(req, res, url).then(
      ({ op, status, range }) =>
        log({
          service: 'blob',
          op,
          method: req.method ?? '',
          path: url.pathname,
          status,
          ...(range ? { range } : {}),
        }),
      (err: unknown) => {
        if (!res.headersSent) storageError(res, 500, 'InternalError', String(err));
        log({ service: 'blob', op: 'error', method: req.method ?? '', path: url.pathname, status: 500 });
      },
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mkdirSync(dir, { recursive: true });

  return {
    origin,
    signedUrl(container, blob, permissions, ttlSeconds = 3600) {
      const path = pathOf(container, blob);
      const se = new Date(Date.now() + ttlSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const q = new URLSearchParams({
        sv: SAS_VERSION,
        se,
        sr: 'b',
        sp: permissions,
        sig: sign(permissions, se, canonical(path)),
      });
      return `${origin}${path}?${q}`;
    },
    read(container, blob) {
      const entry = committed.get(canonical(pathOf(container, blob)));
      return entry && existsSync(entry.file) ? readFileSync(entry.file) : undefined;
    },
    info(container, blob) {
      const entry = committed.get(canonical(pathOf(container, blob)));
      return entry ? { ...entry.info } : undefined;
    },
    delete(container, blob) {
      committed.delete(canonical(pathOf(container, blob)));
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close').catch(() => {});
    },
  };
}
