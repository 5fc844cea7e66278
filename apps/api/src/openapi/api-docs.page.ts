import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The readable reference at /api/docs: Swagger UI's own files, served by this server from the
 * swagger-ui-dist package (an air-gapped IOC has no CDN), pointed at /api/openapi.json. The page
 * holds no inline script (the Content Security Policy allows scripts from 'self' only), and the
 * online validator badge is off, so the page makes no request that leaves the machine.
 */
export const API_DOCS_HTML = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>IOC platform API · Tài liệu API</title>
    <link rel="stylesheet" href="/api/docs/swagger-ui.css" />
    <link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/api/docs/swagger-ui-bundle.js"></script>
    <script src="/api/docs/docs.js"></script>
  </body>
</html>
`;

const INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

/** The files the page loads, by name; nothing else of the package is served. */
const JS = 'text/javascript; charset=utf-8';
const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': JS,
  'favicon-32x32.png': 'image/png',
};

const SWAGGER_UI_DIR = dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
);
const loaded = new Map<string, Buffer>();

/** A file of the page, or null for any other name. Read once, then served from memory. */
export function apiDocsAsset(name: string): { body: Buffer; type: string } | null {
  if (name === 'docs.js') return { body: Buffer.from(INIT_SCRIPT), type: JS };
  const type = ASSETS[name];
  if (type === undefined) return null;
  let body = loaded.get(name);
  if (!body) loaded.set(name, (body = readFileSync(join(SWAGGER_UI_DIR, name))));
  return { body, type };
}
