import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, normalize, posix } from 'node:path';
import { testEnv } from './env';
import { isExecutable, terminate, track } from './processes';

export const FFMPEG = '/usr/bin/ffmpeg';

/** Debian's ffmpeg, the live source of the playback tests: required in CI (.ci/run installs it). */
export function ffmpegAvailable(): boolean {
  const ok = isExecutable(FFMPEG);
  if (!ok && testEnv.ci) throw new Error(`ffmpeg is required in CI but ${FFMPEG} is missing`);
  return ok;
}

/**
 * A live HLS stream from ffmpeg's test source into `<root>/<path>/index.m3u8`: H.264 (Chromium
 * plays it through MSE), 1 s segments, a sliding window of 6 without an end tag — what a media
 * server's HLS muxer serves for a live camera.
 */
export function startTestStream(root: string, path: string): ChildProcess {
  const dir = join(root, path);
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    FFMPEG,
    [
      ...['-hide_banner', '-loglevel', 'error', '-re'],
      ...['-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=25'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p'],
      ...['-g', '25', '-f', 'hls', '-hls_time', '1', '-hls_list_size', '6'],
      ...['-hls_flags', 'delete_segments+omit_endlist'],
      ...['-hls_segment_filename', join(dir, 'seg%05d.ts'), join(dir, 'index.m3u8')],
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return track(child);
}

/**
 * Stops the stream and removes its files: MediaMTX answers 404 for a path nobody publishes, so
 * the player sees what it would see when a camera's source drops.
 */
export async function stopTestStream(child: ChildProcess, root: string, path: string) {
  await terminate(child, 3_000);
  rmSync(join(root, path), { recursive: true, force: true });
}

export interface MediaStandIn {
  url: string;
  /** Requests the platform's hook allowed / refused, by file name. */
  allowed: string[];
  refused: string[];
  close(): Promise<void>;
}

/**
 * Stands in for the media server's HLS endpoint: every request (playlist and segment) is put to
 * the platform's real auth hook (`POST /api/v1/media/auth`, as MediaMTX's `authMethod: http`
 * would), with the path and query MediaMTX forwards; only an allowed request gets the file.
 * `platformUrl()` is read per request: the platform starts after this server (it needs its URL).
 */
export async function startMediaStandIn(
  root: string,
  platformUrl: () => string,
): Promise<MediaStandIn> {
  const allowed: string[] = [];
  const refused: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      const url = new URL(req.url ?? '/', 'http://media.local');
      const rel = normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '');
      const path = posix.dirname(rel);
      const file = posix.basename(rel);
      const hook = await fetch(`${platformUrl()}/api/v1/media/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          user: '',
          password: '',
          ip: '127.0.0.1',
          action: 'read',
          path,
          protocol: 'hls',
          id: null,
          query: url.search.replace(/^\?/, ''),
        }),
      });
      if (hook.status !== 200) {
        refused.push(file);
        res.writeHead(401).end();
        return;
      }
      allowed.push(file);
      const onDisk = join(root, rel);
      if (rel.includes('..') || !existsSync(onDisk)) {
        res.writeHead(404).end();
        return;
      }
      const type = file.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/mp2t';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
      res.end(readFileSync(onDisk));
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    allowed,
    refused,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
