// Records what a browser page downloads, for the page-weight report
// (docs/performance.md). Byte counts, never timings.
import type { Page, Response } from "@playwright/test";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type Download = {
  path: string;
  kind: "html" | "wasm" | "js" | "css" | "data" | "other";
  encoding: string;
  cacheControl: string;
  served: number; // body bytes on the wire, as the server sent them
  raw: number;
  gzip: number; // gzip -9 of the raw body
  brotli: number; // brotli quality 11 of the raw body
};

function kindOf(r: Response): Download["kind"] {
  const type = r.headers()["content-type"] ?? "";
  if (type.startsWith("text/html")) return "html";
  if (type.startsWith("application/wasm")) return "wasm";
  if (type.includes("javascript")) return "js";
  if (type.startsWith("text/css")) return "css";
  if (type.startsWith("application/json") || type.includes("x-www-form-urlencoded")) return "data";
  return "other";
}

/** Starts recording every finished response of `page` (the realtime stream never finishes). */
export function recordDownloads(page: Page): () => Promise<Download[]> {
  const pending: Promise<Download | null>[] = [];
  page.on("requestfinished", (request) => {
    pending.push(
      (async () => {
        const response = await request.response();
        if (!response) return null;
        const body = await response.body().catch(() => Buffer.alloc(0));
        const sizes = await request.sizes();
        return {
          path: new URL(request.url()).pathname,
          kind: kindOf(response),
          encoding: response.headers()["content-encoding"] ?? "identity",
          cacheControl: response.headers()["cache-control"] ?? "",
          served: Math.max(0, sizes.responseBodySize), // -1 when there is no body (redirects)
          raw: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
          brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
        };
      })(),
    );
  });
  return async () => (await Promise.all(pending)).filter((d): d is Download => d !== null);
}

/** Totals by kind plus the grand total. */
export function totals(downloads: Download[]) {
  const sum = (list: Download[]) => ({
    files: list.length,
    served: list.reduce((n, d) => n + d.served, 0),
    raw: list.reduce((n, d) => n + d.raw, 0),
    gzip: list.reduce((n, d) => n + d.gzip, 0),
    brotli: list.reduce((n, d) => n + d.brotli, 0),
  });
  const kinds = [...new Set(downloads.map((d) => d.kind))];
  return { total: sum(downloads), byKind: Object.fromEntries(kinds.map((k) => [k, sum(downloads.filter((d) => d.kind === k))])) };
}
