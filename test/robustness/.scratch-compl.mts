import '../../language/polyfills.js';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { createWarrantServices } from '../../language/warrant-module.js';
const services = createWarrantServices(EmptyFileSystem).Warrant;
const parse = parseHelper(services);
for (const [name, text] of Object.entries({
  soup: 'claim { } supported by , @ % 12 of "s" annex datum -- '.repeat(4000) + '\n',
  valid2000: Array.from({ length: 2000 }, (_, i) => `claim c${i} "Claim ${i}" supported by c${i + 1}`).join('\n') + '\nclaim z "Z" supported by ',
  valid8000: Array.from({ length: 8000 }, (_, i) => `claim c${i} "Claim ${i}" supported by c${i + 1}`).join('\n') + '\nclaim z "Z" supported by ',
})) {
  const doc = await parse(text);
  for (const offset of [0, text.length >> 1, text.length]) {
    const s = Date.now();
    const r = await services.lsp.CompletionProvider!.getCompletion(doc, { textDocument: { uri: doc.uri.toString() }, position: doc.textDocument.positionAt(offset) });
    console.log(name, text.length, offset, Date.now() - s, 'ms', r?.items.length);
  }
}
