// How the runners look into webviews, which the VS Code API cannot: shared by the code-server runner
// (test/vscode/run-web.mjs) and the VS Code for the Web runner (test/web/run.mjs).

/** The inner frames of the workbench's webviews (where their own documents live). */
export function webviewFrames(page) {
    return page.frames().filter((frame) => frame !== page.mainFrame() && frame.parentFrame() !== page.mainFrame());
}

/**
 * Waits (up to 15 s) until some webview's inner frame has rendered content (or an element matching
 * `selector`); resolves with whether it did.
 */
export async function waitForWebviewContent(page, selector) {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
        for (const frame of webviewFrames(page)) {
            try {
                const found = await frame.evaluate((css) => css ? document.querySelector(css) !== null : (document.body?.children.length ?? 0) > 0, selector);
                if (found) return true;
            } catch { /* detached or not ready */ }
        }
        await page.waitForTimeout(200);
    }
    return false;
}

/**
 * Answers the suite's webview queries on `page`:
 * GET /webview?action=count&selector=CSS → the number of matching elements in all webviews;
 * GET /webview?action=click&selector=CSS → clicks the first match (404 when there is none);
 * GET /webview?action=evaluate&selector=CSS&function=SOURCE&argument=JSON → the JSON result of
 *     the function, run in the webview that has a match (its window is the panel), 404 when none;
 * GET /webview?action=resize&width=W&height=H → resizes the workbench's window.
 */
export async function answerWebviewQuery(page, query, response, headers = {}) {
    const selector = query.get('selector') ?? '';
    try {
        if (query.get('action') === 'resize' && page) {
            await page.setViewportSize({ width: Number(query.get('width')), height: Number(query.get('height')) });
            response.writeHead(200, headers).end('resized');
            return;
        }
        if (!page || !selector) throw new Error('no page or no selector');
        if (query.get('action') === 'evaluate') {
            for (const frame of webviewFrames(page)) {
                if (!(await frame.$(selector).catch(() => null))) continue;
                const result = await frame.evaluate(`(${query.get('function')})(${query.get('argument') ?? 'undefined'})`);
                response.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(result));
                return;
            }
            response.writeHead(404, headers).end(`no webview has ${selector}`);
            return;
        }
        let count = 0;
        for (const frame of webviewFrames(page)) {
            const element = await frame.$(selector).catch(() => null);
            if (query.get('action') === 'click' && element) {
                await element.click();
                response.writeHead(200, headers).end('clicked');
                return;
            }
            count += await frame.$$eval(selector, (elements) => elements.length).catch(() => 0);
        }
        if (query.get('action') === 'click') {
            response.writeHead(404, headers).end(`nothing matches ${selector}`);
            return;
        }
        response.writeHead(200, { ...headers, 'content-type': 'text/plain' }).end(String(count));
    } catch (error) {
        response.writeHead(500, headers).end(String(error));
    }
}
