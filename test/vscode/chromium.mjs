// Headless Chromium as both runners start it (test/vscode/run-web.mjs, test/web/run.mjs).
import { chromium } from 'playwright-core';

export function launchChromium(executablePath) {
    return chromium.launch({
        executablePath,
        headless: true,
        // The runners' own handlers close the browser and their servers in order.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
    });
}
