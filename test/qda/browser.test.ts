import assert from 'node:assert/strict';
import path from 'node:path';
import { build } from 'esbuild';
import { REPOSITORY } from '../robustness/helpers.js';

describe('language/qda runs outside Node', () => {
    it('bundles for the browser (a Web Worker) with no Node module', async function () {
        this.timeout(60000);
        const result = await build({
            entryPoints: [path.join(REPOSITORY, 'language/qda/index.ts')],
            bundle: true,
            platform: 'browser',
            format: 'esm',
            write: false,
            logLevel: 'silent',
            metafile: true
        });
        assert.deepEqual(result.errors, []);
        const inputs = Object.keys(result.metafile!.inputs);
        assert.ok(inputs.some(input => input.includes('fflate')), 'fflate is bundled');
        assert.ok(inputs.some(input => input.includes('saxes')), 'saxes is bundled');
        assert.deepEqual(inputs.filter(input => /^node:|(^|\/)(fs|path|zlib|buffer)$/.test(input)), []);
    });
});
