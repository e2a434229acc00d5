/** The ELK worker's script as text: esbuild inlines it (`import … with { type: 'text' }`, elk-worker.ts). */
declare module 'elkjs/lib/elk-worker.min.js' {
    const source: string;
    export default source;
}
