// Serves the reference page for a person to look at: node test/serve.mjs [port] (default 3000).
import { startStaticServer } from "../static-server.mjs";

const { origin } = await startStaticServer(Number(process.argv[2] ?? 3000));
console.log(`The reference page: ${origin}/index.html?article=russian-military-delegation-arrives-in-libya-invited-by-haftar`);
console.log(`A section front:    ${origin}/index.html?section=news   (add &api=<base URL> for an API elsewhere than http://localhost:8080)`);
