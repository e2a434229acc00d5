import assert from 'node:assert/strict';
import { newNonce, pagePolicy, policyMeta } from '../../language/safety/csp.js';
import { webviewShell } from '../../extension/preview/webview-shell.js';
import { exportHtml } from '../../language/graph/export/html.js';

describe('the CSP of every page (preview and exported map)', () => {
    it('makes fresh base64url nonces of 192 bits', () => {
        const nonces = Array.from({ length: 50 }, () => newNonce());
        for (const nonce of nonces) {
            assert.match(nonce, /^[A-Za-z0-9_-]{32}$/);
            assert.equal(Buffer.from(nonce, 'base64url').length, 24);
        }
        assert.equal(new Set(nonces).size, nonces.length);
    });

    it('lets nothing load and runs only what carries the nonce', () => {
        assert.equal(pagePolicy('N0nce_-'), "default-src 'none'; img-src data:; style-src 'nonce-N0nce_-'; script-src 'nonce-N0nce_-'; worker-src blob:");
        assert.equal(pagePolicy('abc', ['https://*.vscode-cdn.net']), "default-src 'none'; img-src https://*.vscode-cdn.net data:; style-src 'nonce-abc'; script-src 'nonce-abc'; worker-src blob:");
        assert.doesNotMatch(pagePolicy(newNonce(), ['https://x.example']), /unsafe-/);
    });

    it('refuses a nonce or a source that could widen the policy', () => {
        for (const nonce of ['', "x'; script-src *", 'a b', 'x;', 'x"><script>']) {
            assert.throws(() => pagePolicy(nonce), RangeError, JSON.stringify(nonce));
        }
        for (const source of ['*; script-src *', 'a b', 'x,y', '"><script>', '']) {
            assert.throws(() => pagePolicy('abc', [source]), RangeError, JSON.stringify(source));
        }
    });

    it('is one meta element with its quotes escaped', () => {
        assert.equal(policyMeta('abc'), '<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; img-src data:; style-src &#39;nonce-abc&#39;; script-src &#39;nonce-abc&#39;; worker-src blob:">');
    });

    it('is the policy of both the preview shell and exported pages', async () => {
        const nonce = newNonce();
        const shell = webviewShell({ nonce, cspSource: 'https://*.vscode-cdn.net', scriptSrc: 'https://x/webview.js' });
        assert.ok(shell.includes(policyMeta(nonce, ['https://*.vscode-cdn.net'])));
        assert.equal(shell.match(/Content-Security-Policy/g)!.length, 1);
        const page = await exportHtml({ nodes: [], edges: [] }, { nonce });
        assert.ok(page.includes(policyMeta(nonce)));
        assert.equal(page.match(/Content-Security-Policy/g)!.length, 1);
        await assert.rejects(exportHtml({ nodes: [], edges: [] }, { nonce: "x' 'unsafe-inline" }), RangeError);
    });

    it('takes VS Code\'s webview.cspSource as the list of sources it is', () => {
        const nonce = newNonce();
        const shell = webviewShell({ nonce, cspSource: "'self' https://*.vscode-cdn.net", scriptSrc: 'https://x/webview.js' });
        assert.ok(shell.includes(policyMeta(nonce, ["'self'", 'https://*.vscode-cdn.net'])));
        assert.throws(() => webviewShell({ nonce, cspSource: "'self'; script-src *", scriptSrc: 'https://x/webview.js' }), RangeError);
    });
});
