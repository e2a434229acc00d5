import { readFileSync } from 'node:fs';
import { launch, serve } from './test/webview/harness.ts';
import { readMapText } from './test/webview/readability.ts';
const page = readFileSync('/tmp/cs-export.html', 'utf8');
const server = await serve('/dev/null', { '/e.html': page });
for (const js of [false, true]) for (const [w, h] of [[1600, 1000], [800, 1000]]) {
  const b = await launch({ width: w, height: h, javaScript: js });
  const p = await b.context.newPage();
  p.on('pageerror', e => console.log('ERR', e.message));
  await p.goto(server.url + 'e.html');
  if (js) await p.waitForSelector('.w-app-root svg.warrant-map .w-node', { timeout: 30000 });
  await p.waitForTimeout(js ? 1500 : 300);
  const r = await p.evaluate(readMapText, { readable: 10, min: 7 });
  console.log(js ? 'viewer' : 'static', w, h, JSON.stringify(r));
  await p.screenshot({ path: `/tmp/shot-${js ? 'js' : 'static'}-${w}.png` });
  if (js) {
    await p.click('.w-fit');
    await p.waitForTimeout(500);
    const f = await p.evaluate(readMapText, { readable: 10, min: 7 });
    console.log('  after fit', JSON.stringify(f));
    await p.screenshot({ path: `/tmp/shot-fit-${w}.png` });
  }
  await b.close();
}
await server.close();
