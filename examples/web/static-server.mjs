// A static file server for this folder: how the reference page is served on an origin of its own.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL(".", import.meta.url));
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };

/** Serves index.html, app.js and style.css on host:port (port 0: any free one); resolves to the server's origin. */
export async function startStaticServer(port = 0, host = "127.0.0.1") {
  const server = createServer(async (request, response) => {
    const path = normalize(new URL(request.url, "http://localhost").pathname).replace(/^[/\\]+/, "") || "index.html";
    if (path.startsWith("..") || path.startsWith("node_modules") || path.startsWith("test")) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(ROOT, path));
      response.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  return { server, origin: `http://${host}:${server.address().port}` };
}
